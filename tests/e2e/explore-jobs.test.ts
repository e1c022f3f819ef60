import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { DEFAULT_SETTINGS, LICENSE_ID, MODEL_ID, type Settings } from '../../shared';
import { syntheticManifest, writeManifest } from '../fixtures/model-manifest';
import { invoke } from './support/api';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { exploreJob, waitForJobState } from './support/explore';
import { addAndIndexFolder, nav } from './support/pages';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();

/**
 * Files and paragraphs of generated text, a passage a paragraph: 384 passages. The small synthetic model
 * encodes one in about 40 ms on one thread of these 2-core machines, so the duplicates job's first step
 * (every passage through text-matching) runs for about 15 s — several times what the test needs to see
 * it running and cancel it, and little enough that indexing (the same work) and the resumed job keep
 * the test under a minute. The topic map encodes 8 passages a file.
 */
const FILES = 12;
const PARAGRAPHS = 32;
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  compute: { provider: 'cpu', threads: 1 },
  license: { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true, acceptedAt: '2026-01-01T00:00:00Z' },
};
const DUPES = 'Duplicates · all folders';
const TOPICS = 'Topic map · all folders';

const WORDS = (
  'harbour tide river valley mountain forest village market garden bridge winter summer letter report ' +
  'council budget railway station library museum theatre school teacher student farmer weaver baker ' +
  'journey evening morning harvest lantern window kitchen orchard meadow record archive ledger chapter ' +
  'measure pattern signal engine mirror compass anchor canvas copper silver timber marble granite ' +
  'quietly slowly brightly carefully often seldom always before after between beyond across under'
).split(' ');

/** Deterministic text (mulberry32): every run indexes the same passages. */
function paragraphs(seed: number, count: number): string {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const sentence = () => {
    const words = Array.from(
      { length: 8 + Math.floor(random() * 10) },
      () => WORDS[Math.floor(random() * WORDS.length)],
    );
    const text = words.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  return Array.from({ length: count }, () => Array.from({ length: 6 }, sentence).join(' ')).join('\n\n');
}

/**
 * The Explore page while a job runs, on the server host in Chromium with the small synthetic model: a
 * duplicates job followed live (progress advancing), cancelled from its row, then started again — it
 * encodes only the passages the cancelled one had not — and finished; a topic map from running to drawn.
 * The model's weights are random (MODEL.md): the test checks the jobs and the page, not what they find.
 */
describe.skipIf(chromiumState.skip)('Explore jobs running, cancelled and resumed (server host, Chromium)', () => {
  const world = useE2eWorld({
    requires: [chromiumState],
    model: 'small',
    scratch: 'explore-jobs',
    prepare: async ({ scratch, modelDir }) => {
      // The synthetic model's own sizes and hashes, so the app reads it as complete (the guide has nothing left).
      await writeManifest(join(scratch, 'manifest.json'), await syntheticManifest(modelDir));
      const docs = join(scratch, 'docs');
      await mkdir(docs, { recursive: true });
      for (let i = 0; i < FILES; i += 1) {
        await writeFile(join(docs, `notes-${String(i + 1).padStart(2, '0')}.txt`), paragraphs(i + 1, PARAGRAPHS));
      }
    },
  });

  it(
    'follows a duplicates job live, cancels it, resumes it to the end, and maps topics',
    { timeout: 240_000 },
    async () => {
      const { page, errors } = world.browser;
      const docs = join(world.scratch, 'docs');
      const server = await world.servers.start({
        env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_MODEL_MANIFEST: join(world.scratch, 'manifest.json') },
        files: { 'settings.json': JSON.stringify(SETTINGS) },
      });
      const reports: AxeReport[] = [];
      const jobs = async () => (await invoke(server.url, 'explore.jobs', {})).jobs;

      await page.goto(`${server.url}/#/folders`);
      await page.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
      await addAndIndexFolder(page, docs, { indexingMs: 120_000, vectorsMs: 120_000 });
      await nav(page, 'Explore');
      await page.getByRole('heading', { name: 'No Explore jobs yet' }).waitFor();

      // Running: the bar and its numbers follow the job's events.
      const findDupes = page
        .getByRole('region', { name: 'Find duplicates' })
        .getByRole('button', { name: 'Find duplicates' });
      await findDupes.click();
      const first = exploreJob(page, DUPES);
      await waitForJobState(first, 'running', 60_000);
      const bar = first.getByRole('progressbar', { name: `Progress of ${DUPES}` });
      await bar.waitFor();
      // Passages encoded of those to encode (all of them: none has text-matching vectors yet), rising.
      const encodedSoFar = async () => (await progressOf(first))?.done ?? 0;
      await expect.poll(encodedSoFar, { timeout: 30_000 }).toBeGreaterThan(0);
      const seen = await progressOf(first);
      const total = seen?.total ?? 0;
      await expect.poll(encodedSoFar, { timeout: 30_000 }).toBeGreaterThan(seen?.done ?? 0);
      expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
      // The engine answers with the job as it runs, not as its file was saved at the start ("queued"):
      // a page opened mid-job shows it running with its progress.
      const [live] = await jobs();
      expect(live).toMatchObject({ state: 'running', total });
      expect(live?.encoded).toBeGreaterThan(0);
      await page.reload();
      await waitForJobState(first, 'running', 60_000);
      await expect.poll(encodedSoFar, { timeout: 10_000 }).toBeGreaterThan(live?.encoded ?? 0);
      await first
        .locator('.explore-activity')
        .getByText(/^encoding passages \(text-matching, fp32\): [\d,]+ of [\d,]+$/)
        .waitFor();
      await page.getByText('Results appear here when the job is done.').waitFor();
      expect(await findDupes.isDisabled()).toBe(true);
      await screenshot(page, '124-explore-running');
      reports.push(...(await runAxeInBothSchemes(page, 'Explore (a job running)')));

      // Cancel: the row says so, and so does the engine, with part of the passages encoded (and kept).
      await first.getByRole('button', { name: `Cancel ${DUPES}` }).click();
      // Asked once: the button says so until the job stops (at its next batch of passages), then goes.
      await expect
        .poll(() => first.getByRole('button', { name: `Cancel ${DUPES}`, exact: true }).count(), { timeout: 10_000 })
        .toBe(0);
      await waitForJobState(first, 'cancelled', 60_000);
      const [cancelled] = await jobs();
      if (!cancelled) throw new Error('explore.jobs lists no job');
      expect(cancelled).toMatchObject({ state: 'cancelled', total, error: null });
      expect(cancelled.encoded).toBeGreaterThan(0);
      expect(cancelled.encoded).toBeLessThan(total);
      await first
        .getByText('The passages it encoded are kept: starting the same job again continues from there.')
        .waitFor();
      await first.getByText(new RegExp(`^${FILES} files, ${cancelled.encoded} passages encoded · `)).waitFor();
      expect(await first.getByRole('progressbar').count()).toBe(0);
      expect(await first.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
      await page.getByText('No results: this job was cancelled before it finished.').waitFor();
      await screenshot(page, '125-explore-cancelled');

      // The same job again: it encodes only what the cancelled one had not, then compares and reports.
      const missing = total - cancelled.encoded;
      await findDupes.click();
      const second = exploreJob(page, DUPES).first();
      await expect.poll(() => exploreJob(page, DUPES).count(), { timeout: 30_000 }).toBe(2);
      await second
        .locator('.explore-activity')
        .getByText(new RegExp(`^encoding passages \\(text-matching, fp32\\): [\\d,]+ of ${missing}$`))
        .waitFor({ timeout: 30_000 });
      await waitForJobState(second, 'done', 120_000);
      const [resumed] = await jobs();
      if (!resumed || resumed.jobId === cancelled.jobId) throw new Error('explore.jobs lists no second job');
      expect(resumed).toMatchObject({ state: 'done', encoded: missing });
      await second.getByText(new RegExp(`^${FILES} files, ${missing} passages encoded · `)).waitFor();
      const report = await invoke(server.url, 'explore.report', { jobId: resumed.jobId });
      if (report.kind !== 'dupes' || !report.dupes) throw new Error('the resumed job has no report');
      expect(report.dupes.passages).toBe(total);
      expect(report.dupes.synthetic).toBe('small');
      const results = page.getByRole('region', { name: `Results: ${DUPES}`, exact: true });
      await results.getByText(new RegExp(`^${FILES} files, ${total} passages compared at similarity`)).waitFor();
      // The cancelled job stays in the list, with no results to show.
      await waitForJobState(exploreJob(page, DUPES).nth(1), 'cancelled');

      // A topic map, from running to drawn.
      await page.getByRole('region', { name: 'Map topics' }).getByRole('button', { name: 'Map topics' }).click();
      const topics = exploreJob(page, TOPICS);
      await waitForJobState(topics, 'running', 60_000);
      await topics.getByRole('progressbar', { name: `Progress of ${TOPICS}` }).waitFor();
      await waitForJobState(topics, 'done', 120_000);
      const map = page.getByRole('region', { name: `Results: ${TOPICS}` });
      await map
        .getByRole('img', { name: new RegExp(`^Topic map of ${FILES} documents in \\d+ clusters?\\.`) })
        .waitFor();
      const mapped = (await jobs()).find((job) => job.kind === 'topics');
      expect(mapped).toMatchObject({ state: 'done', encoded: FILES * 8 });

      expect(blockingFindings(reports)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});

/** The numbers beside the job's progress bar ("42% · 120 of 288"), or null while it has none. */
async function progressOf(item: Locator): Promise<{ done: number; total: number } | null> {
  const detail = item.locator('.progress-detail');
  if ((await detail.count()) === 0) return null;
  const match = /([\d,]+) of ([\d,]+)$/.exec((await detail.textContent()) ?? '');
  if (!match) return null;
  const number = (text: string | undefined) => Number((text ?? '').replaceAll(',', ''));
  return { done: number(match[1]), total: number(match[2]) };
}
