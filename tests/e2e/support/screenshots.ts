import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import type { Page } from 'playwright-core';

import { SCREENSHOT_DIR } from './paths';

/**
 * Saves test-output/e2e/<name>.png showing the whole page once nothing is loading (`aria-busy`).
 * Playwright's `fullPage` keeps sticky parts (navigation, status bar) where the viewport ended, so the
 * viewport is grown to the page instead.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
  const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
  // A string expression, not a function: the Node tsconfig has no DOM types.
  const height = await page.evaluate<number>('document.documentElement.scrollHeight');
  try {
    if (height > viewport.height) await page.setViewportSize({ width: viewport.width, height });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`) });
  } finally {
    await page.setViewportSize(viewport);
  }
}
