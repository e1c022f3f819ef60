import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

/**
 * Whether the e2e suite can run. Without Chromium it is skipped on a workstation (with a warning) but
 * fails in CI, which must never skip these tests.
 */
export function chromiumAvailability(): { readonly skip: boolean; readonly problem: string | null } {
  if (existsSync(CHROMIUM_PATH)) return { skip: false, problem: null };
  const problem = `Chromium not found at ${CHROMIUM_PATH}; install it with \`apt-get install -y chromium\` (the e2e tests never download browsers).`;
  if (process.env['CI']) return { skip: false, problem };
  console.warn(`Skipping the e2e tests: ${problem}`);
  return { skip: true, problem };
}

export interface Browser {
  readonly page: Page;
  /** Console errors and uncaught page errors (CSP violations show up here too). */
  readonly errors: string[];
  close(): Promise<void>;
}

/** Debian's Chromium, headless, in a fresh profile folder. */
export async function launchBrowser(): Promise<Browser> {
  const profileDir = await mkdtemp(join(tmpdir(), 'polyseek-e2e-profile-'));
  let context: BrowserContext;
  try {
    context = await chromium.launchPersistentContext(profileDir, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  } catch (error) {
    await rm(profileDir, { recursive: true, force: true });
    throw error;
  }
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error: ${error.message}`));
  return {
    page,
    errors,
    close: async () => {
      await context.close();
      await rm(profileDir, { recursive: true, force: true });
    },
  };
}
