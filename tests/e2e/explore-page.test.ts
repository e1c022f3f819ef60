import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';

import { fitView, toScreen } from '../../renderer/src/pages/explore/map-view';
import { DEFAULT_SETTINGS, LICENSE_ID, MODEL_ID, type Settings, type TopicPoint } from '../../shared';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { invoke } from './support/api';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { exploreJob, waitForJobState } from './support/explore';
import { addAndIndexFolder, nav } from './support/pages';
import { SCREENSHOT_DIR } from './support/paths';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

const UDHR = '04-parallel/udhr';
/** Four declarations (one a translation of another) and a Markdown file: something to map. */
const DOCUMENTS = [
  `${UDHR}/udhr_eng.xml`,
  `${UDHR}/udhr_deu_1996.xml`,
  `${UDHR}/udhr_jpn.xml`,
  '03-web-markup-text/markdown/misc/eng_spa_mult.md',
];
const ORIGINAL = 'udhr_eng.xml';
const EXACT = 'udhr_eng (copy).xml';
const EDITED = 'udhr_eng (edited).xml';
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  compute: { provider: 'cpu', threads: 1 },
  license: { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true, acceptedAt: '2026-01-01T00:00:00Z' },
};

/** Canvas pixels drawn (alpha > 0), and whether the pixel at each given CSS point is. */
interface CanvasInk {
  readonly width: number;
  readonly height: number;
  readonly inked: number;
  readonly at: readonly boolean[];
}

async function canvasInk(page: Page, points: readonly { x: number; y: number }[] = []): Promise<CanvasInk> {
  // A string expression: the Node tsconfig has no DOM types.
  return page.evaluate<CanvasInk>(`(() => {
    const canvas = document.querySelector('.topic-map canvas');
    if (!canvas) return { width: 0, height: 0, inked: 0, at: [] };
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    let inked = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked += 1;
    const ratio = canvas.width / canvas.clientWidth;
    const at = ${JSON.stringify(points)}.map(({ x, y }) => {
      const px = Math.round(x * ratio);
      const py = Math.round(y * ratio);
      return data[(py * canvas.width + px) * 4 + 3] > 0;
    });
    return { width: canvas.width, height: canvas.height, inked, at };
  })()`);
}

/** What the POLYSEEK_TEST_OPENER file recorded, one JSON object a line. */
async function opened(file: string): Promise<{ path: string }[]> {
  const text = await readFile(file, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { path: string });
}

/**
 * The Explore page on the server host in Chromium with the tiny synthetic model, over a folder of the
 * shared corpus plus an exact copy and a lightly edited copy of one declaration: duplicates found and
 * compared word by word, a topic map drawn, hovered, clicked, lassoed and searched within. The model's
 * weights are random (MODEL.md): the test checks the pipeline and the page, not what the clusters mean.
 */
describe.skipIf(chromiumState.skip || corpus.skip)('the Explore page (server host, Chromium, tiny model)', () => {
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'explore',
    prepare: async ({ scratch }) => {
      const docs = join(scratch, 'docs');
      await copyCorpus(DOCUMENTS, docs);
      const original = join(docs, UDHR, ORIGINAL);
      await copyFile(original, join(docs, EXACT));
      // A light edit: one word, wherever it occurs (five passages).
      const text = await readFile(original, 'utf8');
      await writeFile(join(docs, EDITED), text.replaceAll('dignity', 'worth'));
    },
  });

  it(
    'finds exact and near duplicates, compares a pair, maps topics and searches within a selection',
    { timeout: 300_000 },
    async () => {
      const { page, errors } = world.browser;
      const docs = join(world.scratch, 'docs');
      const openerLog = join(world.scratch, 'opened.jsonl');
      const server = await world.servers.start({
        env: { POLYSEEK_MODEL_DIR: world.modelDir, POLYSEEK_TEST_OPENER: openerLog },
        files: { 'settings.json': JSON.stringify(SETTINGS) },
      });
      const reports: AxeReport[] = [];
      const check = async (label: string) => reports.push(...(await runAxeInBothSchemes(page, label)));

      await page.goto(`${server.url}/#/folders`);
      await page.getByRole('heading', { level: 1, name: 'Folders' }).waitFor();
      await addAndIndexFolder(page, docs);

      await nav(page, 'Explore');
      await page.getByRole('heading', { name: 'No Explore jobs yet' }).waitFor();
      await screenshot(page, '120-explore-empty');
      await check('Explore (no jobs)');

      // Duplicates over every folder at the default threshold.
      const dupesForm = page.getByRole('region', { name: 'Find duplicates' });
      // Automatic by default: 0.9, raised to the chance level of the scope (the tiny model's is high).
      const threshold = dupesForm.getByRole('textbox', { name: 'Similarity threshold' });
      expect(await threshold.inputValue()).toBe('');
      expect(await threshold.getAttribute('placeholder')).toBe('automatic');
      await dupesForm.getByRole('button', { name: 'Find duplicates' }).click();
      const dupesJob = exploreJob(page, 'Duplicates · all folders');
      await waitForJobState(dupesJob, 'done');
      const results = page.getByRole('region', { name: 'Results: Duplicates · all folders', exact: true });
      await results.waitFor();
      const [saved] = (await invoke(server.url, 'explore.jobs', {})).jobs;
      if (!saved) throw new Error('explore.jobs lists no job');
      const report = await invoke(server.url, 'explore.report', { jobId: saved.jobId });
      if (report.kind !== 'dupes' || !report.dupes) throw new Error('the duplicates job has no report');
      expect(report.dupes.synthetic).toBe('tiny');
      expect(report.dupes.autoThreshold).toBe(true);
      await results.getByText(/synthetic test model \(tiny, random weights\)/).waitFor();
      await results.getByText(/Translations of the same document are listed as near-duplicates by design/).waitFor();

      // The exact copy, by its bytes.
      const exact = results.getByRole('region', { name: 'Exact duplicates' });
      const exactGroup = exact.getByRole('listitem').filter({ hasText: EXACT }).first();
      await exactGroup
        .locator('.explore-file-path')
        .getByText(join(docs, UDHR, ORIGINAL), { exact: true })
        .waitFor();
      expect(await exactGroup.getByText(EDITED).count()).toBe(0);

      // The edited copy, as a near-duplicate of the original (or of its copy: exact copies count once).
      const near = results.getByRole('region', { name: 'Near-duplicates' });
      const nearGroup = near.locator('.explore-group').filter({ hasText: EDITED }).first();
      await nearGroup.waitFor();
      const compare = nearGroup.getByRole('button', { name: /^Compare udhr_eng.*\.xml and udhr_eng.*\.xml$/ }).first();
      const compareName = (await compare.getAttribute('aria-label')) ?? '';
      expect(compareName).toContain(EDITED);
      await compare.click();
      const comparison = page.getByRole('region', { name: /^udhr_eng.*↔ udhr_eng/ });
      const table = comparison.getByRole('table', { name: 'Matched passages, side by side' });
      await table.waitFor();
      expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
      // The changed word is marked on both sides: "dignity" in the original, "worth" in the edit.
      const marks = (await table.locator('mark.diff-changed').allTextContents()).map((t) => t.trim());
      expect(marks.some((t) => t.includes('worth'))).toBe(true);
      expect(marks.some((t) => t.includes('dignity'))).toBe(true);
      expect(marks.every((t) => t.split(/\s+/).length <= 3)).toBe(true);
      // Where each passage is, as the engine words it.
      expect(await table.locator('td .passage-location').first().textContent()).toMatch(/passage \d+/i);
      // Identical passages are folded away until asked for: every row shown has a difference.
      const onlyChanged = comparison.getByRole('checkbox', { name: /^Only passages with differences/ });
      expect(await onlyChanged.isChecked()).toBe(true);
      const rows = table.locator('tbody tr');
      const changedRows = await rows.count();
      expect(await rows.filter({ has: page.locator('mark.diff-changed') }).count()).toBe(changedRows);
      await onlyChanged.uncheck();
      await expect.poll(() => rows.count()).toBeGreaterThan(changedRows);
      await onlyChanged.check();
      await screenshot(page, '121-explore-duplicates-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      await screenshot(page, '121-explore-duplicates-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await check('Explore (duplicates, a pair compared)');

      // Open from a group goes through file.open (the test opener records it).
      await exactGroup.getByRole('button', { name: `Open ${EXACT}` }).click();
      await expect.poll(async () => (await opened(openerLog)).map((o) => o.path)).toContain(join(docs, EXACT));
      await page
        .getByRole('status')
        .filter({ hasText: `Asked the system to open ${EXACT}.` })
        .waitFor();

      // A fixed threshold below the chance level: the page says these groups mean little.
      await results
        .getByText(/compared at similarity ≥ 0\.\d{3} \(automatic: chance level (above 1|\d\.\d{3})\)\./)
        .waitFor();
      await threshold.fill('0.9');
      await dupesForm.getByRole('button', { name: 'Find duplicates' }).click();
      await waitForJobState(exploreJob(page, 'Duplicates · all folders · threshold 0.900'), 'done');
      const fixed = page.getByRole('region', { name: 'Results: Duplicates · all folders · threshold 0.900' });
      await fixed
        .getByText(/^The threshold 0\.900 is below the similarity unrelated passages .* reach by chance/)
        .waitFor();

      // The topic map: k chosen automatically, seed 1.
      const topicsForm = page.getByRole('region', { name: 'Map topics' });
      await topicsForm.getByRole('button', { name: 'Map topics' }).click();
      const topicsJob = exploreJob(page, 'Topic map · all folders');
      await waitForJobState(topicsJob, 'done');
      const map = page.getByRole('region', { name: 'Results: Topic map · all folders' });
      await map.waitFor();
      const jobs = (await invoke(server.url, 'explore.jobs', {})).jobs;
      const topicsId = jobs.find((job) => job.kind === 'topics')?.jobId ?? '';
      const topics = await invoke(server.url, 'explore.report', { jobId: topicsId });
      if (topics.kind !== 'topics' || !topics.topics) throw new Error('the topics job has no report');
      const points: TopicPoint[] = (await invoke(server.url, 'explore.points', { jobId: topicsId })).points;
      expect(points).toHaveLength(6);
      const canvas = map.getByRole('img', { name: /^Topic map of 6 documents in \d+ clusters?\./ });
      await canvas.waitFor();
      await map.getByText(/^Drawing the map/).waitFor({ state: 'detached' });

      // Drawn: ink on the canvas, at every point's place.
      // Where the canvas is on screen now (a screenshot resizes the viewport, which can scroll the page),
      // centred: at the bottom edge the fixed status bar would take the pointer's events.
      const mapBox = async () => {
        await page.evaluate(`document.querySelector('.topic-map canvas').scrollIntoView({ block: 'center' })`);
        const found = await canvas.boundingBox();
        if (!found) throw new Error('the map has no box');
        return found;
      };
      let box = await mapBox();
      const size = await page.evaluate<{ width: number; height: number }>(
        `(() => { const c = document.querySelector('.topic-map canvas'); return { width: c.clientWidth, height: c.clientHeight }; })()`,
      );
      const view = fitView(topics.topics.bounds, size);
      const spots = points.map((p) => toScreen(view, p.x, p.y));
      await expect.poll(async () => (await canvasInk(page, spots)).inked, { timeout: 10_000 }).toBeGreaterThan(100);
      const ink = await canvasInk(page, spots);
      expect(ink.width).toBeGreaterThan(400);
      expect(ink.at.every(Boolean)).toBe(true);

      // The legend: every cluster with its size and words.
      const legend = map.getByRole('list', { name: 'Clusters, with their most distinctive words' });
      expect(await legend.getByRole('listitem').count()).toBeGreaterThanOrEqual(topics.topics.clusters.length);
      for (const cluster of topics.topics.clusters) {
        const item = legend.locator('.topic-cluster').nth(topics.topics.clusters.indexOf(cluster));
        await item.getByRole('heading', { name: `Cluster ${cluster.id + 1}` }).waitFor();
        if (cluster.terms.length > 0) await item.getByText(cluster.terms.join(', '), { exact: true }).waitFor();
      }

      // Hover a point: its file and cluster; click it: file.open.
      // A point with no other near it (an exact copy sits where its original does).
      const alone = spots.findIndex((a, i) => spots.every((b, j) => i === j || Math.hypot(a.x - b.x, a.y - b.y) > 12));
      const target = points[alone];
      const spot = spots[alone];
      if (!target || !spot) throw new Error('no point to hover');
      await page.mouse.move(box.x + spot.x, box.y + spot.y);
      const tooltip = page.getByRole('tooltip');
      await tooltip.waitFor();
      const name = target.path.split('/').at(-1) ?? '';
      expect(await tooltip.textContent()).toContain(target.title ?? name);
      expect(await tooltip.textContent()).toContain(`Cluster ${target.cluster + 1}`);
      // The map alone, tooltip shown (a full-page screenshot resizes the viewport, which moves the map).
      await map.locator('.topic-map').screenshot({ path: join(SCREENSHOT_DIR, '122-explore-map-hover.png') });
      await screenshot(page, '122-explore-map-light');
      const before = (await opened(openerLog)).length;
      box = await mapBox();
      await page.mouse.click(box.x + spot.x, box.y + spot.y);
      await expect.poll(async () => (await opened(openerLog)).length).toBe(before + 1);
      expect((await opened(openerLog)).at(-1)?.path).toBe(target.path);

      // The wheel zooms the map, not the page; a drag moves it; "Fit the map" brings every point back.
      const allInked = async () => (await canvasInk(page, spots)).at.every(Boolean);
      box = await mapBox();
      const scrolled = await page.evaluate<number>('window.scrollY');
      await page.mouse.move(box.x + size.width / 2, box.y + size.height / 2);
      await page.mouse.wheel(0, -600);
      await expect.poll(allInked).toBe(false);
      expect(await page.evaluate<number>('window.scrollY')).toBe(scrolled);
      await map.getByRole('button', { name: 'Fit the map' }).click();
      await expect.poll(allInked).toBe(true);
      await page.mouse.move(box.x + 10, box.y + 10);
      await page.mouse.down();
      await page.mouse.move(box.x + 130, box.y + 90, { steps: 6 });
      await page.mouse.up();
      await expect.poll(allInked).toBe(false);
      await map.getByRole('button', { name: 'Zoom out' }).click();
      await map.getByRole('button', { name: 'Fit the map' }).click();
      await expect.poll(allInked).toBe(true);

      // A lasso around the whole map selects every document.
      await map.getByRole('button', { name: 'Lasso' }).click();
      expect(await map.getByRole('button', { name: 'Lasso' }).getAttribute('aria-pressed')).toBe('true');
      const corners = [
        [4, 4],
        [size.width - 4, 4],
        [size.width - 4, size.height - 4],
        [4, size.height - 4],
        [4, 8],
      ] as const;
      box = await mapBox();
      await page.mouse.move(box.x + corners[0][0], box.y + corners[0][1]);
      await page.mouse.down();
      for (const [x, y] of corners) await page.mouse.move(box.x + x, box.y + y, { steps: 8 });
      await page.mouse.up();
      await map.getByRole('heading', { name: 'Search within these 6 files' }).waitFor();
      await map.getByRole('button', { name: 'Clear the selection' }).click();

      // A cluster from the legend (the keyboard's way): search within its files only.
      const cluster = topics.topics.clusters[0];
      if (!cluster) throw new Error('no cluster');
      const members = points.filter((p) => p.cluster === cluster.id).map((p) => p.path);
      await legend.getByRole('button', { name: `Select the documents of cluster ${cluster.id + 1}` }).click();
      const within = map.getByRole('searchbox', {
        name: members.length === 1 ? 'Search within this file' : `Search within these ${members.length} files`,
      });
      await within.fill('rights');
      await within.press('Enter');
      const found = map.getByRole('list', { name: 'Results within the selection' });
      await found.waitFor();
      const paths = await found.locator('.topic-result-path').allTextContents();
      expect(paths.length).toBeGreaterThan(0);
      for (const path of paths) expect(members).toContain(path);
      await screenshot(page, '123-explore-selection-light');
      await page.setViewportSize({ width: 800, height: 900 });
      // The map follows its panel's width: redrawn narrower, every point still on it.
      await expect.poll(async () => (await canvasInk(page)).width).toBeLessThan(ink.width);
      await screenshot(page, '123-explore-selection-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });
      await expect.poll(async () => (await canvasInk(page)).width).toBe(ink.width);
      await page.emulateMedia({ colorScheme: 'dark' });
      await expect.poll(async () => (await canvasInk(page, spots)).inked).toBeGreaterThan(100);
      await page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
      await screenshot(page, '123-explore-selection-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await check('Explore (topic map, a cluster searched within)');

      // An earlier job's results, reopened from the list.
      await exploreJob(page, 'Duplicates · all folders')
        .getByRole('button', { name: 'Show the results of Duplicates · all folders', exact: true })
        .click();
      await results.waitFor();
      await page.getByRole('region', { name: 'Exact duplicates' }).getByText(EXACT).first().waitFor();
      expect(await page.locator('.topic-map').count()).toBe(0);

      // A selection on the map as a duplicates job: which of these files say the same thing?
      await exploreJob(page, 'Topic map · all folders')
        .getByRole('button', { name: 'Show the results of Topic map · all folders', exact: true })
        .click();
      await map.waitFor();
      const biggest = [...topics.topics.clusters].sort((a, b) => b.size - a.size)[0];
      if (!biggest || biggest.size < 2) throw new Error('no cluster of two or more documents');
      const chosen = points.filter((p) => p.cluster === biggest.id).map((p) => p.path);
      await legend.getByRole('button', { name: `Select the documents of cluster ${biggest.id + 1}` }).click();
      await map.getByRole('button', { name: `Find duplicates among these ${chosen.length} files` }).click();
      const selectionJob = exploreJob(page, `Duplicates · ${chosen.length} files`);
      await waitForJobState(selectionJob, 'done');
      await page
        .getByRole('region', { name: `Results: Duplicates · ${chosen.length} files`, exact: true })
        .getByRole('heading', { name: 'Exact duplicates' })
        .waitFor();
      const [latest] = (await invoke(server.url, 'explore.jobs', {})).jobs;
      expect(latest?.kind).toBe('dupes');
      expect([...(latest?.input.scope?.files ?? [])].sort()).toEqual([...chosen].sort());
      expect(latest?.files).toBe(chosen.length);

      expect(blockingFindings(reports)).toEqual([]);
      expect(errors).toEqual([]);
    },
  );
});
