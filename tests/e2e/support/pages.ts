import type { Page } from 'playwright-core';

/** Goes to a page through the main navigation and waits for its heading. */
export async function nav(page: Page, name: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/**
 * On the Folders page: adds `path`, indexes it and waits until the job is done and every indexed file has
 * vectors.
 */
export async function addAndIndexFolder(
  page: Page,
  path: string,
  timeouts: { readonly indexingMs?: number; readonly vectorsMs?: number } = {},
): Promise<void> {
  await page.getByRole('textbox', { name: 'Folder path' }).fill(path);
  await page.getByRole('button', { name: 'Add and index' }).click();
  await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: timeouts.indexingMs ?? 90_000 });
  await page
    .getByRole('region', { name: 'Index', exact: true })
    .getByText('Every indexed file has them')
    .waitFor({ timeout: timeouts.vectorsMs ?? 90_000 });
}
