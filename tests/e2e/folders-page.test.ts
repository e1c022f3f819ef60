import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_TERMS } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { chromiumAvailability } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

describe.skipIf(chromiumState.skip || corpus.skip)('the Folders page (server host, Chromium, corpus subset)', () => {
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'folders',
    prepare: async ({ scratch }) => {
      await copyCorpus(
        ['03-web-markup-text/encodings', '01-pdf/errors/encrypted-password-test.pdf'],
        join(scratch, 'small'),
      );
      await writeFile(join(scratch, 'small', 'blank.txt'), ' \n');
      await copyCorpus(
        ['04-parallel', '03-web-markup-text/markdown', '03-web-markup-text/html'],
        join(scratch, 'large'),
      );
    },
  });

  it('adds folders, indexes for keyword search without the model, pauses, lists errors, then fills vectors', async () => {
    const { page, errors } = world.browser;
    const settings = { ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } };
    const server = await world.servers.start({
      env: { POLYSEEK_MODEL_DIR: world.modelDir },
      files: { 'settings.json': JSON.stringify(settings) },
    });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Continue without the model' }).click();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Folders' }).click();
    await page.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
    await page.getByText('No folders yet').waitFor();
    await screenshot(page, '30-folders-empty');

    // A folder that is not there is refused with its code.
    const field = page.getByRole('textbox', { name: 'Folder path' });
    await field.fill(join(world.scratch, 'nowhere'));
    await page.getByRole('button', { name: 'Add and index' }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Adding the folder failed' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('ROOT_NOT_FOUND');

    const small = join(world.scratch, 'small');
    await field.fill(small);
    await page.getByRole('button', { name: 'Add and index' }).click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 60_000 });
    const notIndexed = page.getByRole('region', { name: 'Files not indexed' });
    await notIndexed.getByText('ENCRYPTED', { exact: true }).waitFor();
    await notIndexed.getByText('EMPTY', { exact: true }).waitFor();
    await page.getByText(/Keyword search works now; vectors wait for the model/).waitFor();
    const facts = page.getByRole('region', { name: 'Index', exact: true });
    await facts.getByText(/files await vectors/).waitFor();
    await screenshot(page, '31-folders-keyword-only');

    // Retry the encrypted file: still encrypted, still listed.
    await notIndexed
      .getByRole('row', { name: /encrypted-password-test\.pdf/ })
      .getByRole('button', { name: 'Retry' })
      .click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor();
    await notIndexed.getByText('ENCRYPTED', { exact: true }).waitFor();

    // A larger folder: pause it while it runs, look, resume.
    await field.fill(join(world.scratch, 'large'));
    await page.getByRole('button', { name: 'Add and index' }).click();
    await page.getByRole('button', { name: 'Pause' }).click({ timeout: 30_000 });
    const paused = page.getByRole('region', { name: /\(paused\)$/ });
    await paused.waitFor();
    await paused.getByRole('progressbar', { name: 'Files' }).waitFor();
    await screenshot(page, '32-folders-paused');
    await paused.getByRole('button', { name: 'Resume' }).click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 120_000 });

    // Accepting the licence lets the embed job fill the vectors, with no new crawl.
    await page.getByRole('link', { name: 'Review and accept it in Settings.' }).click();
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByRole('contentinfo', { name: 'Status' }).getByText('Licence accepted').waitFor();
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Folders' }).click();
    await page
      .getByRole('region', { name: 'Index', exact: true })
      .getByText('Every indexed file has them')
      .waitFor({ timeout: 120_000 });
    await page
      .getByRole('region', { name: 'Index', exact: true })
      .getByText(/retrieval\.passage · 32 dims/)
      .waitFor();
    const folders = page.getByRole('region', { name: 'Indexed folders' });
    expect(await folders.getByRole('row').count()).toBe(3);
    await screenshot(page, '33-folders-vectors');

    // Options: narrow the small folder to Markdown-free text files and save.
    await folders.getByRole('row', { name: small }).getByRole('button', { name: 'Options' }).click();
    await page.getByRole('textbox', { name: 'Include globs' }).fill('**/*.txt');
    await page.getByRole('button', { name: 'Save options' }).click();
    await folders.getByText('**/*.txt').waitFor();
    expect(errors.filter((e) => !e.includes('status of 404'))).toEqual([]);
  });
});
