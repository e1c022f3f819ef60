import { basename, join } from 'node:path';

import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_TERMS } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { copyModelFolder } from '../fixtures/model-folders';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { invoke } from './support/api';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { nav } from './support/pages';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** A handful of documents in six scripts: Japanese (PDF), Latin, Arabic, Cyrillic, Devanagari, Chinese (HTML). */
const DOCUMENTS = [
  '01-pdf/cjk/udhr-ja.pdf',
  '04-parallel/udhr/udhr_eng.xml',
  '04-parallel/udhr/udhr_arb.xml',
  '04-parallel/udhr/udhr_rus.xml',
  '04-parallel/udhr/udhr_hin.xml',
  '03-web-markup-text/html/w3c-parallel/language.zh-hans.html',
];

/**
 * The synthetic model the person locates. Not `tiny`: its hidden size is 32, so 32 is its only
 * Matryoshka dimension and "change the dimensions" would change nothing. `small` has the same graph
 * and I/O at 256 wide (dims 32–256) and indexes these documents in seconds.
 */
const MODEL_PRESET = 'small';

/**
 * Issue 7's new-user journey through the server host, one screenshot per step (test-output/e2e/6x-…):
 * accept the licence → locate the model → add a folder → watch progress finish → search a CJK word and
 * an English phrase → open a filter → change dimensions and adapters → see the GPU/provider panel.
 */
describe.skipIf(chromiumState.skip || corpus.skip)("a new user's journey (server host, Chromium)", () => {
  let usbModel = '';
  let manifest = '';
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: MODEL_PRESET,
    scratch: 'journey',
    prepare: async ({ scratch, modelDir: source }) => {
      usbModel = await copyModelFolder(source, join(scratch, 'usb', 'jina-embeddings-v3'));
      manifest = await writeManifest(join(scratch, 'manifest.json'), await syntheticManifest(source));
      await copyCorpus(DOCUMENTS, join(scratch, 'Documents'));
    },
  });

  it('accepts the licence, locates the model, indexes a folder, searches, filters and tunes the encoder', async () => {
    const { page, errors } = world.browser;
    const documents = join(world.scratch, 'Documents');
    // One encoder thread on the CPU provider: this machine's two cores are shared with other work.
    const server = await world.servers.start({
      env: { POLYSEEK_MODEL_MANIFEST: manifest },
      files: { 'settings.json': JSON.stringify({ ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } }) },
    });

    // Every step is also checked by axe (WCAG A/AA, light and dark): the journey passes through states
    // the accessibility test does not reach (a located model, settings that need new vectors).
    const reports: AxeReport[] = [];
    const step = async (name: string) => {
      await screenshot(page, name);
      reports.push(...(await runAxeInBothSchemes(page, name)));
    };

    // 1. The licence, in plain words; accepting needs the explicit acknowledgment.
    await page.goto(server.url);
    await page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title }).waitFor();
    await page.getByText('Setting up Polyseek · step 1 of 3').waitFor();
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await step('60-journey-licence');
    await page.getByRole('button', { name: 'Accept and continue' }).click();

    // 2. The guide opens at the model: located in a folder (a copy, as from a USB stick), every file checked.
    await page.getByRole('heading', { level: 1, name: 'Set up Polyseek' }).waitFor();
    const steps = page.getByRole('list', { name: 'Setup steps' });
    await steps.getByRole('button', { name: /Accept the licence\s*Done/ }).waitFor();
    const modelStep = page.getByRole('region', { name: 'Get the model' });
    await modelStep.getByRole('textbox', { name: 'Folder' }).waitFor();
    await step('61-journey-setup-model');
    await modelStep.getByRole('textbox', { name: 'Folder' }).fill(usbModel);
    await modelStep.getByRole('button', { name: 'Locate' }).click();
    await modelStep
      .getByText(`The model is ready: fp32, every file verified, in ${usbModel}.`)
      .waitFor({ timeout: 60_000 });
    await steps.getByRole('button', { name: /Get the model\s*Done/ }).waitFor();
    await step('62-journey-model-located');
    expect((await invoke(server.url, 'model.status', {})).dir).toBe(usbModel);
    await modelStep.getByRole('button', { name: 'Continue' }).click();

    // 3. The first folder: progress while it runs, then the guide's last word.
    const folderStep = page.getByRole('region', { name: 'Add your first folder' });
    await folderStep.getByRole('textbox', { name: 'Folder path' }).fill(documents);
    await folderStep.getByRole('button', { name: 'Add and index' }).click();
    // The job's own title names its phase: caught while it indexes (a quick machine may finish first).
    const indexing = folderStep.getByRole('region', { name: 'Indexing', exact: true });
    if (await appears(indexing.getByRole('progressbar', { name: 'Files' }))) await step('63-journey-indexing');
    await folderStep.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 120_000 });
    await folderStep.getByText('Indexing finished: your documents are ready to search.').waitFor();
    await steps.getByRole('button', { name: /Add your first folder\s*Done/ }).waitFor();
    const index = await invoke(server.url, 'index.status', {});
    expect(index.totals).toMatchObject({ files: DOCUMENTS.length, indexed: DOCUMENTS.length });
    expect(index.filesAwaitingVectors).toBe(0);
    expect(await page.getByRole('link', { name: /Finish setting up/ }).count()).toBe(0);
    await step('64-journey-indexed');
    await folderStep.getByRole('link', { name: 'Go to Search' }).click();

    // 4. Search: a Japanese word in the Japanese PDF, an English phrase in the English declaration.
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    const box = page.getByRole('searchbox', { name: 'Search your documents' });
    const results = page.getByRole('list', { name: 'Results' });
    await box.fill('人権');
    await result(results, 'udhr-ja.pdf').locator('mark', { hasText: '人権' }).first().waitFor();
    await settled(page, '人権');
    await step('65-journey-search-cjk');

    await box.fill('dignity and rights');
    const english = result(results, 'udhr_eng.xml');
    await english
      .locator('mark', { hasText: /^dignity$/i })
      .first()
      .waitFor();
    await settled(page, 'dignity and rights');
    await step('66-journey-search-english');

    // 5. A filter: English only.
    await page.getByRole('button', { name: 'Filters' }).click();
    const filters = page.getByRole('group', { name: 'Filters' });
    await filters.getByRole('checkbox', { name: 'English (en)' }).check();
    await expect.poll(() => resultNames(results), { timeout: 15_000 }).toEqual(['udhr_eng.xml']);
    await step('67-journey-search-filtered');

    // 6. Settings: fewer dimensions and the text-matching adapter on both sides; before saving, the page
    // says what that costs (new vectors for every passage, and how long).
    await nav(page, 'Settings');
    await page.getByLabel('Dimensions').selectOption('128');
    await page.getByLabel('Query adapter').selectOption('text-matching');
    await page.getByLabel('Passage adapter').selectOption('text-matching');
    const plan = page.getByRole('region', { name: 'What saving changes' });
    await plan.getByText(/passages will be re-embedded/).waitFor();
    await step('68-journey-settings-changed');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved$/ })
      .waitFor();
    const saved = (await invoke(server.url, 'settings.get', {})).settings.encoder;
    expect(saved).toMatchObject({ dims: 128, queryTask: 'text-matching', passageTask: 'text-matching' });

    // 7. The GPU / execution-provider panel: what is detected, and — once the encoder is loaded — what runs.
    const compute = page.getByRole('region', { name: 'Compute', exact: true });
    await compute.getByRole('heading', { name: 'What runs now' }).waitFor();
    await compute.getByRole('button', { name: 'Load the encoder and check' }).click();
    // In use: "cpu on <the processor> (the reference)", the preference in this test's settings.
    await compute.getByText(/^cpu on /).waitFor({ timeout: 60_000 });
    await compute.getByText('(the reference)').waitFor();
    await compute.getByRole('list', { name: 'Detected here' }).getByText('webgpu').waitFor();
    await compute.scrollIntoViewIfNeeded();
    await step('69-journey-compute');

    // The new vectors replace the old ones, and search uses them at the new size.
    await page.getByRole('link', { name: 'Follow the re-embedding on the Folders page' }).click();
    await page.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
    const facts = page.getByRole('region', { name: 'Index', exact: true });
    await facts.getByText('Every indexed file has them').waitFor({ timeout: 120_000 });
    await expect
      .poll(async () => (await invoke(server.url, 'index.status', {})).activeProvenance, { timeout: 60_000 })
      .toMatchObject({ task: 'text-matching', dims: 128 });
    await nav(page, 'Search');
    await box.fill('人権');
    await result(results, 'udhr-ja.pdf').locator('mark', { hasText: '人権' }).first().waitFor();
    await settled(page, '人権');
    await page
      .locator('.search-facts')
      .getByText(/128 dims/)
      .waitFor();

    expect(blockingFindings(reports)).toEqual([]);
    expect(errors).toEqual([]);
  }, 300_000);
});

/** Whether `locator` shows up within a few seconds (a short job may finish before it does). */
async function appears(locator: Locator): Promise<boolean> {
  return locator.waitFor({ timeout: 10_000 }).then(
    () => true,
    () => false,
  );
}

/** The result for a file name (its heading holds the name, after the document's title if it has one). */
function result(results: Locator, name: string): Locator {
  return results.locator('.result').filter({ has: results.page().getByRole('heading', { level: 2, name }) });
}

async function resultNames(results: Locator): Promise<string[]> {
  const paths = await results.locator('.result-path').allTextContents();
  return paths.map((path) => basename(path.trim()));
}

/** The answer to `query` is on screen and no newer one is on its way. */
async function settled(page: Page, query: string): Promise<void> {
  await page
    .locator('.search-status')
    .filter({ hasText: `“${query}”` })
    .waitFor();
  await page.locator('.results:not([aria-busy])').waitFor();
}
