import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeEach, describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_TERMS } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { addAndIndexFolder, nav } from './support/pages';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** Results in two scripts, plus an encrypted PDF and a blank file for the "Files not indexed" list. */
const DOCUMENTS = [
  '01-pdf/cjk/udhr-ja.pdf',
  '04-parallel/udhr/udhr_eng.xml',
  '01-pdf/errors/encrypted-password-test.pdf',
];
const SETTINGS = { ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } };

/**
 * axe-core (WCAG 2.x A and AA) on every screen and the states that add UI — in the light and the dark
 * colour scheme. Serious and critical violations fail; the rest are printed.
 */
describe.skipIf(chromiumState.skip || corpus.skip)('accessibility (axe-core, server host, Chromium)', () => {
  let manifest = '';
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'axe',
    prepare: async ({ scratch, modelDir }) => {
      manifest = await writeManifest(join(scratch, 'manifest.json'), await syntheticManifest(modelDir));
      await copyCorpus(DOCUMENTS, join(scratch, 'docs'));
      await writeFile(join(scratch, 'docs', 'blank.txt'), ' \n');
    },
  });

  beforeEach(() => {
    world.browser.errors.splice(0);
  });

  it(
    'the licence screen, the first-run guide, every page, the states of Search and Folders',
    { timeout: 240_000 },
    async () => {
      const { page, errors } = world.browser;
      // With a manifest describing the synthetic model, its files check out: the model step is done.
      const server = await world.servers.start({
        env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_MODEL_MANIFEST: manifest },
        files: { 'settings.json': JSON.stringify(SETTINGS) },
      });
      const reports: AxeReport[] = [];
      const check = async (label: string) => reports.push(...(await runAxeInBothSchemes(page, label)));

      await page.goto(server.url);
      await page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title }).waitFor();
      await check('Licence screen');
      await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
      await check('Licence screen (acknowledged)');
      await page.getByRole('button', { name: 'Accept and continue' }).click();

      // The first-run guide, each of its steps.
      await page.getByRole('heading', { level: 1, name: 'Set up Polyseek' }).waitFor();
      for (const name of ['Accept the licence', 'Get the model', 'Add your first folder']) {
        await page
          .getByRole('list', { name: 'Setup steps' })
          .getByRole('button', { name: new RegExp(name) })
          .click();
        await page.getByRole('region', { name }).waitFor();
        await check(`Setup (${name})`);
      }

      await nav(page, 'Search');
      await page.getByRole('heading', { name: 'Nothing indexed yet' }).waitFor();
      await check('Search (nothing indexed)');
      await nav(page, 'Folders');
      await page.getByText('No folders yet').waitFor();
      await check('Folders (empty)');
      await nav(page, 'Models');
      await page.getByRole('region', { name: 'Variants' }).waitFor();
      await check('Models');
      await nav(page, 'Evaluate');
      await check('Evaluate');
      await nav(page, 'Explore');
      await page.getByRole('heading', { name: 'No Explore jobs yet' }).waitFor();
      await check('Explore (nothing indexed, no jobs)');
      await nav(page, 'Settings');
      await page.getByLabel('Dimensions').waitFor();
      await check('Settings');

      // A folder indexed with vectors, and two files that could not be read.
      await nav(page, 'Folders');
      await addAndIndexFolder(page, join(world.scratch, 'docs'));
      await page.getByRole('region', { name: 'Files not indexed' }).getByText('ENCRYPTED', { exact: true }).waitFor();
      await check('Folders (a root, done, errors)');
      const folders = page.getByRole('region', { name: 'Indexed folders' });
      await folders.getByRole('button', { name: 'Options' }).first().click();
      await page.getByRole('textbox', { name: 'Include globs' }).waitFor();
      await check('Folders (root options open)');

      await nav(page, 'Search');
      const box = page.getByRole('searchbox', { name: 'Search your documents' });
      await box.fill('人権');
      await page.getByRole('list', { name: 'Results' }).locator('mark', { hasText: '人権' }).first().waitFor();
      await page.keyboard.press('ArrowDown');
      await check('Search (results, one active)');
      await page.getByRole('button', { name: 'Filters' }).click();
      await page.getByRole('group', { name: 'Filters' }).waitFor();
      await check('Search (filters open)');
      const viewport = page.viewportSize() ?? { width: 1280, height: 800 };
      await page.setViewportSize({ width: 600, height: 900 });
      await check('Search (filters open, 600 px wide)');
      await page.setViewportSize(viewport);
      await page.getByRole('button', { name: 'Filters', exact: true }).click();
      // Hybrid always finds a nearest passage; keyword mode can find nothing.
      await page.getByRole('radio', { name: 'Keyword' }).check();
      await box.fill('zqxjvwq');
      await page.getByRole('heading', { name: 'No results' }).waitFor();
      await check('Search (keyword mode, no results)');

      // Everything done: the guide's last page.
      await page.goto(`${server.url}/#/setup`);
      await page.getByRole('heading', { name: 'Polyseek is set up' }).waitFor();
      await check('Setup (finished)');

      expect(blockingFindings(reports)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );

  it('the screens without the licence: banner, keyword-only Search and Folders, the licence form in Settings', async () => {
    const { page, errors } = world.browser;
    const server = await world.servers.start({
      env: { POLYSEEK_MODEL_DIR: world.modelDir },
      files: { 'settings.json': JSON.stringify(SETTINGS) },
    });
    const reports: AxeReport[] = [];
    const check = async (label: string) => reports.push(...(await runAxeInBothSchemes(page, label)));

    await page.goto(server.url);
    await page.getByRole('button', { name: 'Continue without the model' }).click();
    await page.getByText('Model features are off').waitFor();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await check('Search (model features off)');
    await page.getByRole('link', { name: /Finish setting up/ }).click();
    await page.getByRole('region', { name: 'Accept the licence' }).waitFor();
    await check('Setup (licence step, declined)');
    // No manifest describes the synthetic model here, so the real one's sizes call its files damaged.
    await page
      .getByRole('list', { name: 'Setup steps' })
      .getByRole('button', { name: /Get the model/ })
      .click();
    await page.getByRole('region', { name: 'Get the model' }).locator('.notice').first().waitFor();
    await check('Setup (model step, files fail their check)');

    await nav(page, 'Folders');
    await page.getByRole('textbox', { name: 'Folder path' }).fill(join(world.scratch, 'docs'));
    await page.getByRole('button', { name: 'Add and index' }).click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 90_000 });
    await page
      .getByRole('region', { name: 'Index', exact: true })
      .getByText(/files? awaits? vectors/)
      .waitFor();
    await check('Folders (keyword only, files await vectors)');

    await nav(page, 'Search');
    await page.getByRole('searchbox', { name: 'Search your documents' }).fill('人権');
    await page.getByRole('list', { name: 'Results' }).getByText('awaiting vectors').first().waitFor();
    await page.getByRole('status').filter({ hasText: 'Semantic search is unavailable' }).waitFor();
    await check('Search (keyword results, semantic unavailable)');

    // Explore without the licence: the note, and a scope choice over the indexed folder.
    await nav(page, 'Explore');
    await page.getByText(/Both jobs encode your passages with the model/).waitFor();
    await page.getByRole('region', { name: 'Map topics' }).getByRole('radio', { name: 'One indexed folder' }).check();
    await page.getByRole('region', { name: 'Map topics' }).getByRole('combobox', { name: 'Indexed folder' }).waitFor();
    await check('Explore (licence not accepted, a folder chosen)');

    await nav(page, 'Settings');
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).waitFor();
    await check('Settings (licence not accepted)');

    expect(blockingFindings(reports)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('the access-token screen, asking and after a refused token', async () => {
    const { page, errors } = world.browser;
    const server = await world.servers.start({ env: { POLYSEEK_TOKEN: 'e2e-axe-token-7c2d' } });
    const reports: AxeReport[] = [];
    const check = async (label: string) => reports.push(...(await runAxeInBothSchemes(page, label)));

    await page.goto(server.url);
    const field = page.getByLabel('Access token');
    await field.waitFor();
    await check('Token screen');
    await field.fill('not-the-token');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('The server refused that token').waitFor();
    await check('Token screen (refused)');

    expect(blockingFindings(reports)).toEqual([]);
    expect(errors.filter((error) => !/status of 401/.test(error))).toEqual([]);
  });
});
