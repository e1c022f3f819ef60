import { rm } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_TERMS } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { startSyntheticHub, type FakeHub } from '../fixtures/fake-hub';
import { copyModelFolder } from '../fixtures/model-folders';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { chromiumAvailability, type Browser } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** Three declarations, enough for a CJK word and an English phrase. */
const DOCUMENTS = ['04-parallel/udhr/udhr_eng.xml', '04-parallel/udhr/udhr_jpn.xml', '04-parallel/udhr/udhr_spa.xml'];
const WIDE = { width: 1280, height: 800 };
/** The narrowest window the layout is checked at: the navigation is a top bar there. */
const NARROW = { width: 800, height: 800 };

describe.skipIf(chromiumState.skip || corpus.skip)('the first run (server host, Chromium, synthetic model)', () => {
  let hub: FakeHub | undefined;
  let env: Record<string, string> = {};
  const files = { 'settings.json': JSON.stringify({ ...DEFAULT_SETTINGS, compute: { provider: 'cpu', threads: 1 } }) };
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'first-run',
    prepare: async ({ scratch, modelDir: source }) => {
      // A local hub serving the synthetic model, so the guide's download shows progress and can be cancelled.
      hub = await startSyntheticHub(source);
      // The real manifest describes the real model; this one describes the synthetic stand-in, so locating
      // it passes the same per-file checks a real copy would.
      const manifest = await writeManifest(join(scratch, 'manifest.json'), await syntheticManifest(source));
      env = { POLYSEEK_MODEL_MANIFEST: manifest, HF_ENDPOINT: hub.url };
      await copyModelFolder(source, join(scratch, 'usb', 'jina-embeddings-v3'));
      await copyCorpus(DOCUMENTS, join(scratch, 'docs'));
    },
    cleanup: async () => {
      await hub?.close();
    },
  });

  function started(): Browser {
    if (!hub) throw new Error('beforeAll did not finish');
    const { browser } = world;
    browser.errors.splice(0);
    return browser;
  }

  it('guides a new user: licence, locate the model, first folder indexed, then Search', async () => {
    const { page, errors } = started();
    const server = await world.servers.start({ env, files });
    await page.goto(server.url);

    await page.getByRole('heading', { level: 1, name: LICENSE_TERMS.title }).waitFor();
    await page.getByText('Setting up Polyseek · step 1 of 3').waitFor();
    expect(await page.getByRole('link', { name: /full licence/ }).getAttribute('href')).toBe(LICENSE_TERMS.url);
    await shots(page, '70-first-run-licence');

    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByRole('heading', { level: 1, name: 'Set up Polyseek' }).waitFor();
    expect(new URL(page.url()).hash).toBe('#/setup');
    const steps = page.getByRole('list', { name: 'Setup steps' });
    await steps.getByRole('button', { name: /Accept the licence\s*Done/ }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Get the model' }).waitFor();
    const setupEntry = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Finish setting up/ });
    expect(await setupEntry.getAttribute('aria-current')).toBe('page');
    await setupEntry.getByText('2 steps left').waitFor();
    // The download option shows the Models page's variants table, under the step's own heading.
    await page.getByRole('heading', { level: 3, name: 'Download it' }).waitFor();
    await page.getByRole('button', { name: 'Download fp32' }).waitFor();
    await shots(page, '71-first-run-model');

    // Downloading shows its progress in the step; the hub holds the model file half-way, and Cancel stops it.
    hub?.fault('onnx/model.onnx', { holdAfter: 300_000 });
    await page.getByRole('button', { name: 'Download fp32' }).click();
    const downloading = page.getByRole('region', { name: 'Download (fp32): running' });
    await expect
      .poll(() => downloading.getByRole('progressbar', { name: 'Overall' }).getAttribute('aria-valuenow'))
      .not.toBe('0');
    await steps.getByRole('button', { name: /Get the model\s*Under way/ }).waitFor();
    await shots(page, '72-first-run-model-downloading');
    await downloading.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('region', { name: 'Download (fp32): cancelled' }).waitFor();
    await steps.getByRole('button', { name: /Get the model\s*To do/ }).waitFor();

    await page
      .getByRole('textbox', { name: 'Folder', exact: true })
      .fill(join(world.scratch, 'usb', 'jina-embeddings-v3'));
    await page.getByRole('button', { name: 'Locate', exact: true }).click();
    await page.getByRole('region', { name: 'Locate: done' }).waitFor({ timeout: 60_000 });
    await page.getByText(/^The model is ready: fp32, every file verified/).waitFor();
    await steps.getByRole('button', { name: /Get the model\s*Done/ }).waitFor();
    await setupEntry.getByText('1 step left').waitFor();
    await page.getByRole('heading', { level: 3, name: 'Make it faster (optional)' }).waitFor();
    await shots(page, '73-first-run-model-ready');

    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'Add your first folder' }).waitFor();
    await shots(page, '74-first-run-folder');

    await page.getByRole('textbox', { name: 'Folder path' }).fill(join(world.scratch, 'docs'));
    await page.getByRole('button', { name: 'Add and index' }).click();
    await page.getByRole('region', { name: 'Indexing: done' }).waitFor({ timeout: 90_000 });
    await page.getByText('Indexing finished: your documents are ready to search.').waitFor();
    await steps.getByRole('button', { name: /Add your first folder\s*Done/ }).waitFor();
    expect(await setupEntry.getByText(/left/).count()).toBe(0);
    await shots(page, '75-first-run-indexed');

    await page.getByRole('link', { name: 'Go to Search' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    expect(await setupEntry.count()).toBe(0);
    await page.getByRole('searchbox', { name: 'Search your documents' }).fill('人権');
    await page.getByRole('list', { name: 'Results' }).locator('mark', { hasText: '人権' }).first().waitFor();
    await shots(page, '76-first-run-search');

    // Every other page fits both widths too; each is kept in the dark theme at the narrow width.
    for (const name of ['Folders', 'Models', 'Evaluate', 'Settings']) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name }).click();
      await page.getByRole('heading', { level: 1, name }).waitFor();
      await page.locator('[aria-busy="true"]').first().waitFor({ state: 'detached' });
      expect(await overflowsSideways(page), `${name} overflows at ${WIDE.width} px`).toBe(false);
      try {
        await page.emulateMedia({ colorScheme: 'dark' });
        await page.setViewportSize(NARROW);
        expect(await overflowsSideways(page), `${name} overflows at ${NARROW.width} px`).toBe(false);
        await screenshot(page, `77-first-run-page-${name.toLowerCase()}-narrow`);
      } finally {
        await page.setViewportSize(WIDE);
        await page.emulateMedia({ colorScheme: 'light' });
      }
    }
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Search' }).click();

    // Back another day, the model folder gone: the way back into the guide says what happened.
    await rm(join(world.scratch, 'usb'), { recursive: true, force: true });
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await setupEntry.getByText('1 step left').waitFor();
    await setupEntry.click();
    await page.getByRole('heading', { level: 2, name: 'Get the model' }).waitFor();
    await page.getByText(/files are no longer in .*jina-embeddings-v3/).waitFor();
    await shots(page, '78-first-run-model-gone');

    expect(errors).toEqual([]);
  });

  it('declining keeps keyword search, says so, and every step can be skipped and reopened', async () => {
    const { page, errors } = started();
    const server = await world.servers.start({ env, files });
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Continue without the model' }).click();
    await page.getByRole('heading', { level: 1, name: 'Search' }).waitFor();
    await page.getByText(/Model features are off.*Keyword search works\./).waitFor();

    // From the top of the page the first Tab stop is the skip link, which moves focus past the navigation.
    await page.evaluate(
      'document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute("tabindex")',
    );
    await page.keyboard.press('Tab');
    expect(await focused(page, 'textContent')).toBe('Skip to main content');
    await page.keyboard.press('Enter');
    expect(await focused(page, 'id')).toBe('main-content');
    // Next comes what the page says first: here the banner's way to the licence.
    await page.keyboard.press('Tab');
    expect(await focused(page, 'textContent')).toBe('Review and accept it in Settings.');

    const setupEntry = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Finish setting up/ });
    await setupEntry.getByText('3 steps left').waitFor();
    await setupEntry.click();
    await page.getByRole('heading', { level: 2, name: 'Accept the licence' }).waitFor();
    await page.getByRole('heading', { level: 3, name: LICENSE_TERMS.title }).waitFor();
    await shots(page, '79-first-run-declined-licence');

    const skip = page.getByRole('button', { name: 'Skip for now' });
    await skip.click();
    await page.getByRole('heading', { level: 2, name: 'Get the model' }).waitFor();
    await page.getByText(/getting the files works now/).waitFor();
    await skip.click();
    await page.getByRole('heading', { level: 2, name: 'Add your first folder' }).waitFor();
    await skip.click();
    await page.getByRole('heading', { level: 2, name: 'The rest can wait' }).waitFor();
    const steps = page.getByRole('list', { name: 'Setup steps' });
    expect(await steps.getByText('Skipped for now').count()).toBe(3);
    await shots(page, '80-first-run-skipped');

    // Reopening a skipped step from the list, and accepting there, is the same as on the first screen.
    await steps.getByRole('button', { name: /Accept the licence/ }).click();
    await page.getByRole('checkbox', { name: LICENSE_TERMS.acknowledgment }).check();
    await page.getByRole('button', { name: 'Accept and continue' }).click();
    await page.getByText(/^You accepted the licence on /).waitFor();
    await setupEntry.getByText('2 steps left').waitFor();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { level: 2, name: 'Get the model' }).waitFor();
    expect(errors).toEqual([]);
  });
});

/**
 * The same state in the light theme, the dark theme and a narrow window (the last in dark), after
 * checking that nothing overflows sideways at either width.
 */
async function shots(page: Page, name: string): Promise<void> {
  try {
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await overflowsSideways(page), `${name} overflows at ${WIDE.width} px`).toBe(false);
    await screenshot(page, `${name}-light`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, `${name}-dark`);
    await page.setViewportSize(NARROW);
    expect(await overflowsSideways(page), `${name} overflows at ${NARROW.width} px`).toBe(false);
    await screenshot(page, `${name}-narrow`);
  } finally {
    await page.setViewportSize(WIDE);
    await page.emulateMedia({ colorScheme: 'light' });
  }
}

/** A property of the focused element (a string expression: the Node tsconfig has no DOM types). */
function focused(page: Page, property: 'id' | 'textContent'): Promise<string | null> {
  return page.evaluate<string | null>(`document.activeElement?.${property} ?? null`);
}

/** A string expression: the Node tsconfig has no DOM types. */
function overflowsSideways(page: Page): Promise<boolean> {
  return page.evaluate<boolean>('document.documentElement.scrollWidth > document.documentElement.clientWidth');
}
