import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_TERMS } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { chromiumAvailability } from './support/browser';
import { nav } from './support/pages';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** The UDHR in four scripts (PDF with pages, XML), plus a one-page PDF mixing six scripts. */
const DOCUMENTS = [
  '01-pdf/cjk/udhr-ja.pdf',
  '01-pdf/indic-thai/udhr-th.pdf',
  '01-pdf/mixed/multilang.pdf',
  '04-parallel/udhr/udhr_eng.xml',
  '04-parallel/udhr/udhr_arb.xml',
  '04-parallel/udhr/udhr_cmn_hans.xml',
];

interface Recorded {
  readonly action: 'open' | 'reveal';
  readonly path: string;
  readonly page: number | null;
}

describe.skipIf(chromiumState.skip || corpus.skip)('the Search page (server host, Chromium, corpus subset)', () => {
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'search',
    prepare: ({ scratch }) => copyCorpus(DOCUMENTS, join(scratch, 'docs')),
  });

  it('searches as you type, highlights CJK and English, filters, walks by keyboard, opens and reveals', async () => {
    const { page, errors } = world.browser;
    const opened = join(world.scratch, 'opened.jsonl');
    const docs = join(world.scratch, 'docs');
    const server = await world.servers.start({
      env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_TEST_OPENER: opened },
      files: { 'settings.json': JSON.stringify({ ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } }) },
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Continue without the model' }).click();

    // Nothing indexed: the page says so and points to Folders.
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByRole('heading', { name: 'Nothing indexed yet' }).waitFor();
    await page.getByRole('link', { name: 'Go to Folders' }).waitFor();
    await screenshot(page, '40-search-empty-index');

    // Indexed without the licence: keyword search works, semantic says why not, files await vectors.
    await nav(page, 'Folders');
    await page.getByRole('textbox', { name: 'Folder path' }).fill(docs);
    await page.getByRole('button', { name: 'Add and index' }).click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 90_000 });
    await nav(page, 'Search');
    const box = page.getByRole('searchbox', { name: 'Search your documents' });
    await box.fill('人権');
    const results = page.getByRole('list', { name: 'Results' });
    const japanese = result(results, 'udhr-ja.pdf');
    await japanese.locator('mark', { hasText: '人権' }).first().waitFor();
    const unavailable = page.getByRole('status').filter({ hasText: 'Semantic search is unavailable' });
    await unavailable.getByText('LICENSE_NOT_ACCEPTED').waitFor();
    await unavailable.getByRole('link', { name: 'Review the licence in Settings' }).waitFor();
    await japanese.getByText('awaiting vectors').waitFor();
    await screenshot(page, '41-search-keyword-only');

    // The licence accepted, the vectors are filled; hybrid search uses them.
    await page.getByRole('link', { name: 'Review and accept it in Settings.' }).click();
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByRole('contentinfo', { name: 'Status' }).getByText('Licence accepted').waitFor();
    await nav(page, 'Folders');
    await page
      .getByRole('region', { name: 'Index', exact: true })
      .getByText('Every indexed file has them')
      .waitFor({ timeout: 120_000 });

    // A CJK word: highlighted in the Japanese PDF, with language, type and page badges.
    await nav(page, 'Search');
    await box.fill('人権');
    await japanese.locator('mark', { hasText: '人権' }).first().waitFor();
    const status = page.locator('.search-status');
    expect(await status.textContent()).toMatch(/match(es)? “人権”/);
    const badges = japanese.getByRole('list', { name: 'About this file' });
    await badges.getByText('Japanese').waitFor();
    await badges.getByText('PDF').waitFor();
    await badges.getByText(/^pp?\. \d/).waitFor();
    expect(await japanese.getByText('awaiting vectors').count()).toBe(0);
    await page.locator('.search-facts').getByText(/dims/).waitFor();
    await screenshot(page, '42-search-cjk');

    // An English phrase: both words marked in the English declaration; more passages on expand.
    await box.fill('dignity and rights');
    const english = result(results, 'udhr_eng.xml');
    await english.locator('.snippet mark:visible').first().waitFor();
    const marked = (await english.locator('mark').allTextContents()).map((text) => text.toLowerCase());
    expect(marked).toContain('dignity');
    expect(marked).toContain('rights');
    const more = english.getByRole('button', { name: /more passages?$/ });
    await more.click();
    const passages = english.getByRole('list', { name: 'More passages in udhr_eng.xml' });
    await passages.waitFor();
    expect(await passages.locator('mark').count()).toBeGreaterThan(0);
    await screenshot(page, '43-search-english');

    // A filter: only English files remain.
    await page.getByRole('button', { name: 'Filters' }).click();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('checkbox', { name: 'English (en)' }).check();
    await page.getByRole('button', { name: /^Filters 1$/ }).waitFor();
    await expect.poll(() => resultNames(results), { timeout: 10_000 }).toEqual(['udhr_eng.xml']);
    await screenshot(page, '44-search-filtered');
    await filters.getByRole('checkbox', { name: 'English (en)' }).uncheck();
    await page.getByRole('button', { name: 'Filters', exact: true }).click();

    // Keyboard: Ctrl-K from anywhere, arrows move the active result, Enter opens, Shift+Enter reveals.
    await box.fill('人権');
    await settled(page, '人権');
    await page.getByRole('heading', { level: 1, name: 'Search' }).click();
    expect(await isFocused(box)).toBe(false);
    await page.keyboard.press('Control+k');
    await expect.poll(() => isFocused(box)).toBe(true);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const second = results.getByRole('listitem').and(page.locator('.result')).nth(1);
    const secondId = await second.getAttribute('id');
    expect(await box.getAttribute('aria-activedescendant')).toBe(secondId);
    expect(await second.getAttribute('data-active')).toBe('true');
    const secondPath = await second.locator('.result-path').textContent();
    await screenshot(page, '45-search-keyboard');
    await page.keyboard.press('Enter');
    await expect.poll(() => recorded(opened)).toHaveLength(1);
    await page.keyboard.press('Shift+Enter');
    await expect.poll(() => recorded(opened)).toHaveLength(2);
    const [open, reveal] = await recorded(opened);
    expect(open).toMatchObject({ action: 'open', path: secondPath });
    expect(reveal).toEqual({ action: 'reveal', path: secondPath, page: null });

    // The Open button of a PDF result opens at the best passage's page.
    const openAtPage = japanese
      .locator('.result-actions')
      .getByRole('button', { name: /^Open at p\. \d+, udhr-ja\.pdf$/ });
    const pageNumber = Number(/p\. (\d+)/.exec((await openAtPage.textContent()) ?? '')?.[1]);
    await openAtPage.click();
    await expect.poll(() => recorded(opened)).toHaveLength(3);
    expect((await recorded(opened))[2]).toEqual({
      action: 'open',
      path: join(docs, DOCUMENTS[0] ?? ''),
      page: pageNumber,
    });
    await page.getByRole('status').getByText('Asked the system to open udhr-ja.pdf', { exact: false }).waitFor();

    // Escape clears the box and the results.
    await box.focus();
    await page.keyboard.press('Escape');
    expect(await box.inputValue()).toBe('');
    await results.waitFor({ state: 'detached' });

    // Keyword mode finds the exact word first; nonsense finds nothing and says what to try.
    await page.getByRole('radio', { name: 'Keyword' }).check();
    await box.fill('人権');
    await expect.poll(() => resultNames(results).then((names) => names[0])).toBe('udhr-ja.pdf');
    await page.locator('.search-facts').getByText('keyword only').waitFor();
    await box.fill('zqxjvwq');
    await page.getByRole('heading', { name: 'No results' }).waitFor();
    await screenshot(page, '46-search-no-results');

    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  });
});

/** The result for a file name (its heading holds the name, after the document's title if it has one). */
function result(results: Locator, name: string): Locator {
  return results.locator('.result').filter({ has: results.page().getByRole('heading', { level: 2, name }) });
}

async function resultNames(results: Locator): Promise<string[]> {
  const paths = await results.locator('.result-path').allTextContents();
  return paths.map((path) => basename(path.trim()));
}

async function recorded(file: string): Promise<Recorded[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Recorded);
}

async function isFocused(locator: Locator): Promise<boolean> {
  return (await locator.and(locator.page().locator(':focus')).count()) === 1;
}

/** The answer to `query` is on screen and no newer one is on its way. */
async function settled(page: Page, query: string): Promise<void> {
  await page
    .locator('.search-status')
    .filter({ hasText: `“${query}”` })
    .waitFor();
  await page.locator('.results:not([aria-busy])').waitFor();
}
