import type { Locator, Page } from 'playwright-core';

import type { ExploreJobSummary } from '../../../shared';

/**
 * A job of the Explore page's list, by its exact name (names share their beginnings: "… all folders ·
 * threshold 0.900"); where jobs share a name, every one matches, newest first.
 */
export function exploreJob(page: Page, name: string): Locator {
  return page
    .getByRole('list', { name: 'Explore jobs' })
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name, exact: true }) });
}

/** Waits for the job's state badge, saying what the page showed instead. */
export async function waitForJobState(
  item: Locator,
  state: ExploreJobSummary['state'],
  timeout = 120_000,
): Promise<void> {
  try {
    await item.first().locator('.explore-state').getByText(state, { exact: true }).waitFor({ timeout });
  } catch (error) {
    const alerts = await item.page().getByRole('alert').allTextContents();
    const shown = (await item.count()) > 0 ? await item.first().textContent() : 'no such job in the list';
    throw new Error(`the job never showed "${state}": ${shown ?? ''} | alerts: ${alerts.join(' / ')}`, {
      cause: error,
    });
  }
}
