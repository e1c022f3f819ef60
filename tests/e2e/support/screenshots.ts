import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { errors, type Page } from 'playwright-core';

import { SCREENSHOT_DIR } from './paths';

/** How long one capture may take before it is tried once more (a capture normally takes well under 1 s). */
const CAPTURE_TIMEOUT_MS = 20_000;

/**
 * Saves test-output/e2e/<name>.png showing the whole page once nothing is loading (`aria-busy`).
 * Playwright's `fullPage` keeps sticky parts (navigation, status bar) where the viewport ended, so the
 * viewport is grown to the page instead.
 *
 * A capture that hangs is tried once more, announced on stderr: in CI, headless Chromium once never answered
 * a capture taken while the server indexed on both cores (30 s, fonts loaded, no frame). The second try
 * measures the page again; a second hang fails the test.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  try {
    await capture(page, name);
  } catch (error) {
    if (!(error instanceof errors.TimeoutError)) throw error;
    console.warn(`screenshot ${name}: no capture within ${CAPTURE_TIMEOUT_MS} ms, trying once more`);
    await capture(page, name);
  }
}

async function capture(page: Page, name: string): Promise<void> {
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // A string expression, not a function: the Node tsconfig has no DOM types.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  try {
    if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), timeout: CAPTURE_TIMEOUT_MS });
  } finally {
    await page.setViewportSize(viewport);
  }
}
