import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

import type { Locator, Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';

import {
  DEFAULT_SETTINGS,
  LICENSE_ID,
  MODEL_ID,
  evalQueriesToCsv,
  evalReportToCsv,
  type EvalCellConfig,
  type EvalReport,
  type Settings,
} from '../../shared';
import { buildBeirDataset, type BeirDataset } from '../fixtures/beir-dataset';
import { copyCorpus, corpusAvailability } from '../fixtures/corpus';
import { invoke, waitForJobToFinish } from './support/api';
import { blockingFindings, runAxeInBothSchemes, type AxeReport } from './support/axe';
import { chromiumAvailability } from './support/browser';
import { screenshot } from './support/screenshots';
import { useE2eWorld } from './support/world';

const chromiumState = chromiumAvailability();
const corpus = corpusAvailability();

/** Two declarations to index for the judging flow on the Search page. */
const DOCUMENTS = ['04-parallel/udhr/udhr_eng.xml', '04-parallel/udhr/udhr_spa.xml'];
const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  compute: { provider: 'cpu', threads: 1 },
  license: { licenseId: LICENSE_ID, modelId: MODEL_ID, nonCommercialOnly: true, acceptedAt: '2026-01-01T00:00:00Z' },
};

/** How the page names a cell (renderer/src/pages/evaluate/cell-table.ts): how it searches, and its vectors. */
function cellLabelParts(config: EvalCellConfig): [string, string] {
  if (config.mode === 'keyword') return ['keyword', 'no vectors'];
  const vectors = `${config.dims ?? '?'} dims · ${config.precision ?? '?'} · ${config.prefix ? 'prefix' : 'no prefix'}`;
  return [`${config.mode} · ${config.queryTask ?? '?'} → ${config.passageTask ?? '?'}`, vectors];
}

const cellLabel = (config: EvalCellConfig): string => cellLabelParts(config).join(' · ');

/** Canvas pixels drawn (alpha > 0) and those in the first line's colour: a blank canvas has neither. */
interface CanvasInk {
  readonly label: string;
  readonly width: number;
  readonly height: number;
  readonly inked: number;
  readonly lineColoured: number;
}

async function canvasInk(page: Page): Promise<CanvasInk[]> {
  // A string expression: the Node tsconfig has no DOM types.
  return page.evaluate<CanvasInk[]>(`(() => {
    const hex = getComputedStyle(document.documentElement).getPropertyValue('--chart-1').trim();
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    return [...document.querySelectorAll('canvas')].map((canvas) => {
      const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
      let inked = 0;
      let lineColoured = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] === 0) continue;
        inked += 1;
        if (Math.abs(data[i] - r) < 24 && Math.abs(data[i + 1] - g) < 24 && Math.abs(data[i + 2] - b) < 24) lineColoured += 1;
      }
      return { label: canvas.getAttribute('aria-label') ?? '', width: canvas.width, height: canvas.height, inked, lineColoured };
    });
  })()`);
}

/**
 * The Evaluate page on the server host in Chromium, with the tiny synthetic model: a grid started from
 * the page over a small BEIR-format dataset built from ../shared/corpus, followed live, its report read
 * (charts drawn, the table with the best cell, a query drilled into, CSV and JSON exported), a larger
 * run cancelled and resumed, and the judging flow of the Search page feeding a test set that is then
 * evaluated. The numbers are NOT semantic quality: the model's weights are random (MODEL.md), so the
 * test checks the pipeline and the page, never that one setting beats another.
 */
describe.skipIf(chromiumState.skip || corpus.skip)('the Evaluate page (server host, Chromium, tiny model)', () => {
  let url = '';
  let small: BeirDataset | undefined;
  let large: BeirDataset | undefined;
  const world = useE2eWorld({
    requires: [chromiumState, corpus],
    model: 'tiny',
    scratch: 'eval',
    prepare: async ({ scratch }) => {
      small = await buildBeirDataset(join(scratch, 'udhr-small'), { languages: ['en', 'es'], articles: 10 });
      large = await buildBeirDataset(join(scratch, 'udhr-large'));
      await copyCorpus(DOCUMENTS, join(scratch, 'docs'));
    },
  });

  // After the world's beforeAll (hooks run in the order they are registered): one server for every test.
  beforeAll(async () => {
    const server = await world.servers.start({
      env: { POLYSEEK_MODEL_DIR: world.modelDir },
      files: { 'settings.json': JSON.stringify(SETTINGS) },
    });
    url = server.url;
  });

  beforeEach(() => world.browser.errors.splice(0));

  function started(): { page: Page; errors: string[]; dataset: (size: 'small' | 'large') => BeirDataset } {
    if (!small || !large) throw new Error('beforeAll did not finish');
    const [s, l] = [small, large];
    const { page, errors } = world.browser;
    return { page, errors, dataset: (size) => (size === 'small' ? s : l) };
  }

  /** A fresh load of a page (a hash change alone would keep the previous test's state). */
  async function open(page: Page, route: 'evaluate' | 'search'): Promise<void> {
    await page.goto(`${url}/#/${route}`);
    await page.reload();
  }

  /** Unfolds the New run form (it starts open only while there are no runs). */
  async function openForm(page: Page): Promise<void> {
    // Wait for the run list: the form's default (open without runs) is decided once it has loaded.
    await page.getByRole('heading', { name: /^(Runs|No evaluation runs yet)$/ }).waitFor();
    const opener = page.getByRole('button', { name: 'New run…' });
    if ((await opener.count()) > 0) await opener.click();
  }

  /** The run's entry in the list (by its label), and its state badge's words. */
  const runItem = (page: Page, label: string) =>
    page.getByRole('list', { name: 'Evaluation runs' }).getByRole('listitem').filter({ hasText: label });

  async function waitForState(item: Locator, state: string, timeout = 90_000): Promise<void> {
    try {
      await item.locator('.eval-state').getByText(state, { exact: true }).waitFor({ timeout });
    } catch (error) {
      // Say what the page showed instead: a refusal, a failed run's error, another state.
      const alerts = await item.page().getByRole('alert').allTextContents();
      const shown = (await item.count()) > 0 ? await item.first().textContent() : 'no such run in the list';
      throw new Error(`the run never showed "${state}": ${shown ?? ''} | alerts: ${alerts.join(' / ')}`, {
        cause: error,
      });
    }
  }

  it(
    'starts a grid from the page, follows it, and reads, drills into and exports its report',
    { timeout: 240_000 },
    async () => {
      const { page, errors, dataset } = started();
      const reports: AxeReport[] = [];
      await open(page, 'evaluate');
      await page.getByRole('heading', { level: 1, name: 'Evaluate' }).waitFor();
      await page.getByRole('heading', { name: 'No evaluation runs yet' }).waitFor();
      await screenshot(page, '110-evaluate-empty');
      reports.push(...(await runAxeInBothSchemes(page, 'Evaluate (no runs, the form open)')));

      // The grid: three modes, two query adapters, fp32 and fp16 (the tiny model has no fp16 file: those
      // cells fail with the reason). The tiny model is 32 wide, so 32 is the one size offered.
      const dims = page.getByRole('group', { name: 'Dimensions' });
      expect(await dims.getByRole('checkbox').count()).toBe(1);
      expect(await dims.getByRole('checkbox', { name: '32' }).isChecked()).toBe(true);
      await page.getByRole('textbox', { name: 'Dataset folder' }).fill(dataset('small').dir);
      await page
        .getByRole('group', { name: 'Query adapters' })
        .getByRole('checkbox', { name: 'text-matching' })
        .check();
      const count = page.locator('.eval-grid [role="status"]');
      await count.getByText('5 cells in this run.').waitFor();
      await page.getByRole('group', { name: 'Precisions' }).getByRole('checkbox', { name: 'fp16' }).check();
      await count.getByText('9 cells in this run.').waitFor();
      // An empty axis is named and Start refused (over 400 cells is refused the same way; the tiny
      // model's one size cannot reach that: see the unit tests of run-draft.ts).
      await dims.getByRole('checkbox', { name: '32' }).uncheck();
      await page.getByText('Choose at least one: Dimensions.').waitFor();
      expect(await page.getByRole('button', { name: 'Start run' }).isDisabled()).toBe(true);
      await dims.getByRole('checkbox', { name: '32' }).check();
      await count.getByText('9 cells in this run.').waitFor();
      await page.getByRole('textbox', { name: 'Label' }).fill('tiny model, two adapters');
      await screenshot(page, '111-evaluate-form');
      await page.getByRole('button', { name: 'Start run' }).click();

      const item = runItem(page, 'tiny model, two adapters');
      await waitForState(item, 'done');
      const runs = await invoke(url, 'eval.runs', {});
      const runId = runs.runs.find((run) => run.label === 'tiny model, two adapters')?.runId ?? '';
      const report: EvalReport = await invoke(url, 'eval.report', { runId });
      const doneCells = report.cells.filter((cell) => cell.state === 'done');
      expect(doneCells).toHaveLength(5);
      expect(report.cells.filter((cell) => cell.state === 'failed')).toHaveLength(4);
      expect(report.model?.synthetic).toBe('tiny');

      // The report: the synthetic-model note, the table with every cell and one best, reasons of failures.
      await page.getByRole('heading', { name: 'Report: tiny model, two adapters' }).waitFor();
      await page.getByText(/synthetic test model \(tiny, random weights\).*not semantic quality/).waitFor();
      const table = page.getByRole('region', { name: 'Every cell' }).getByRole('table');
      await table.waitFor();
      const rows = table.locator('tbody tr');
      // The report is fetched again once the run says done: polled, the table may still show the one before.
      await expect.poll(() => rows.count()).toBe(9);
      const best = table.locator('tr[data-best="true"]');
      await expect.poll(() => best.count()).toBe(1);
      const bestCell = report.cells.find((cell) => cell.id === report.bestCellId);
      if (!bestCell) throw new Error('the report has no best cell');
      expect(await best.getByText('★ Best').count()).toBe(1);
      const bestHeader = (await best.getByRole('rowheader').textContent()) ?? '';
      for (const part of cellLabelParts(bestCell.config)) expect(bestHeader).toContain(part);
      // Best first (nDCG@10, descending), its number as the engine measured it.
      expect(await rows.first().getAttribute('data-best')).toBe('true');
      const bestNdcg = (bestCell.mean?.ndcg10 ?? 0).toFixed(3);
      expect(await best.locator('td').nth(1).textContent()).toContain(bestNdcg);
      // Every finished cell shows its five means and time; every failed one its reason instead.
      const doneRows = table.locator('tbody tr[data-state="done"]');
      await expect.poll(() => doneRows.count()).toBe(5);
      for (const row of await doneRows.all()) {
        const numbers = await row.locator('td.numeric').allTextContents();
        expect(numbers).toHaveLength(6);
        for (const value of numbers.slice(0, 5)) expect(value).toMatch(/^\d\.\d{3}/);
      }
      const failedRows = table.locator('tbody tr[data-state="failed"]');
      expect(await failedRows.count()).toBe(4);
      for (const row of await failedRows.all()) {
        await row.getByText(/^model folder .* lacks onnx\/model_fp16\.onnx \(fp16\)$/).waitFor();
        await row.getByText('failed', { exact: true }).waitFor();
      }

      // Sorting: nDCG@10 again flips to ascending; failed cells (no numbers) stay last.
      const ndcgHeader = table.getByRole('columnheader', { name: 'nDCG@10' });
      expect(await ndcgHeader.getAttribute('aria-sort')).toBe('descending');
      await ndcgHeader.getByRole('button').click();
      expect(await ndcgHeader.getAttribute('aria-sort')).toBe('ascending');
      expect(await rows.last().getAttribute('data-state')).toBe('failed');
      expect(await rows.first().getAttribute('data-state')).toBe('done');
      await ndcgHeader.getByRole('button').click();

      // Both charts drawn: canvases with ink in the first line's colour, each named by its summary.
      await expect.poll(async () => (await canvasInk(page)).length, { timeout: 15_000 }).toBe(2);
      const ink = await canvasInk(page);
      for (const canvas of ink) {
        expect(canvas.width).toBeGreaterThan(200);
        expect(canvas.inked).toBeGreaterThan(2000);
        expect(canvas.lineColoured).toBeGreaterThan(50);
      }
      expect(ink[0]?.label).toMatch(/^Line chart of nDCG@10 against dimensions: 5 lines, 1 size\. Highest: /);
      expect(ink[1]?.label).toMatch(/^Line chart of Recall@k for k from 1 to 100\./);
      await page.getByRole('img', { name: /^Line chart of Recall@k/ }).waitFor();

      await screenshot(page, '113-evaluate-report-light');
      await page.emulateMedia({ colorScheme: 'dark' });
      // Redrawn in the dark theme's colours.
      await expect.poll(async () => (await canvasInk(page)).every((c) => c.lineColoured > 50)).toBe(true);
      await screenshot(page, '113-evaluate-report-dark');
      await page.emulateMedia({ colorScheme: 'light' });
      await page.setViewportSize({ width: 800, height: 900 });
      await screenshot(page, '113-evaluate-report-narrow');
      await page.setViewportSize({ width: 1280, height: 800 });
      reports.push(...(await runAxeInBothSchemes(page, 'Evaluate (a finished report)')));

      // Unticking a cell removes its recall curve; the chart's summary follows.
      const recallBefore = (await canvasInk(page))[1]?.label ?? '';
      await best.getByRole('checkbox').uncheck();
      await expect.poll(async () => (await canvasInk(page))[1]?.label).not.toBe(recallBefore);
      await best.getByRole('checkbox').check();

      // Drill-down: a query's metrics per cell and each cell's first ten documents with their grades.
      const drill = page.getByRole('region', { name: 'Per query' });
      const query = report.queries.find((q) => q.queryId === 'q-en-4') ?? report.queries[0];
      if (!query) throw new Error('the report has no per-query results');
      await drill.getByRole('combobox', { name: 'Query' }).selectOption(query.queryId);
      await drill.getByText(query.text, { exact: true }).waitFor();
      expect(await drill.getByRole('table').locator('tbody tr').count()).toBe(5);
      const firstList = drill.getByRole('list', { name: `First ten documents of ${cellLabel(bestCell.config)}` });
      await firstList.waitFor();
      const top = query.cells[bestCell.id]?.top ?? [];
      expect(await firstList.getByRole('listitem').count()).toBe(top.length);
      const graded = top.find((doc) => doc.grade !== null);
      if (graded) await firstList.getByText(`grade ${graded.grade}`).first().waitFor();
      await screenshot(page, '114-evaluate-drilldown');

      // Exports: each a download holding exactly what the contract's writers make of this report.
      const downloaded = async (name: string): Promise<{ file: string; text: string }> => {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('group', { name: 'Export' }).getByRole('button', { name, exact: true }).click(),
        ]);
        return { file: download.suggestedFilename(), text: await readFile(await download.path(), 'utf8') };
      };
      const final: EvalReport = await invoke(url, 'eval.report', { runId });
      const csv = await downloaded('CSV');
      expect(csv.file).toBe(`polyseek-eval-tiny-model-two-adapters-${runId}.csv`);
      expect(csv.text).toBe(evalReportToCsv(final));
      expect(csv.text.split('\r\n').filter(Boolean)).toHaveLength(10);
      const perQuery = await downloaded('Per-query CSV');
      expect(perQuery.file).toBe(`polyseek-eval-tiny-model-two-adapters-${runId}-queries.csv`);
      expect(perQuery.text).toBe(evalQueriesToCsv(final));
      const json = await downloaded('JSON');
      expect(JSON.parse(json.text)).toEqual(final);

      // A CSP violation or a script error would show here.
      expect(errors).toEqual([]);
      expect(blockingFindings(reports)).toEqual([]);
    },
  );

  it('follows a larger run live, cancels it and resumes it to the end', { timeout: 240_000 }, async () => {
    const { page, errors, dataset } = started();
    await open(page, 'evaluate');
    await openForm(page);
    await page.getByRole('textbox', { name: 'Dataset folder' }).fill(dataset('large').dir);
    for (const task of ['retrieval.passage', 'separation', 'classification', 'text-matching']) {
      await page.getByRole('group', { name: 'Query adapters' }).getByRole('checkbox', { name: task }).check();
    }
    await page
      .getByRole('group', { name: 'Passage adapters' })
      .getByRole('checkbox', { name: 'text-matching' })
      .check();
    await page
      .getByRole('group', { name: 'Instruction prefix' })
      .getByRole('checkbox', { name: 'Without prefix' })
      .check();
    await page.getByText('41 cells in this run.').waitFor();
    await page.getByRole('textbox', { name: 'Label' }).fill('every query adapter');
    await page.getByRole('button', { name: 'Start run' }).click();

    const item = runItem(page, 'every query adapter');
    const bar = item.getByRole('progressbar', { name: 'Progress of every query adapter' });
    await bar.waitFor({ timeout: 30_000 });
    await item.getByText(/[\d,]+ of 41 cells done · [\d,]+ \/ [\d,]+ steps/).waitFor();
    await item.locator('.eval-activity').waitFor();
    await page.getByText('This run is still going: the report fills in as cells finish.').waitFor();
    // Once a cell has finished the report shows it while the others run: a chart, a row with numbers.
    await item.getByText(/ [1-9]\d* of 41 cells done/).waitFor({ timeout: 60_000 });
    const table = page.getByRole('region', { name: 'Every cell' }).getByRole('table');
    await table.locator('tbody tr[data-state="done"]').first().waitFor();
    await page.getByRole('img', { name: /^Line chart of Recall@k/ }).waitFor();
    expect(await table.getByText('waiting', { exact: true }).count()).toBeGreaterThan(0);
    await screenshot(page, '112-evaluate-running');
    await item.getByRole('button', { name: 'Cancel every query adapter' }).click();
    // Asked once: the button says so (or is gone with the run) and is not offered again while the run stops.
    await expect
      .poll(() => item.getByRole('button', { name: 'Cancel every query adapter', exact: true }).count(), {
        timeout: 10_000,
      })
      .toBe(0);
    await waitForState(item, 'cancelled');
    expect(await item.getByRole('button', { name: /^Cancel/ }).count()).toBe(0);
    await item.getByText('Finished cells and encoded vectors are kept: Resume continues where it stopped.').waitFor();
    const cancelled = (await invoke(url, 'eval.runs', {})).runs.find((run) => run.label === 'every query adapter');
    expect(cancelled?.state).toBe('cancelled');
    expect(cancelled?.cellsDone ?? 41).toBeLessThan(41);
    await screenshot(page, '115-evaluate-cancelled');

    await item.getByRole('button', { name: 'Resume every query adapter' }).click();
    // Running again: its Cancel is offered afresh, not left "Cancelling…" from before.
    const badge = item.locator('.eval-state');
    await expect.poll(() => badge.textContent(), { timeout: 30_000 }).toMatch(/^(running|done)$/);
    expect(await item.getByRole('button', { name: /^Cancelling/ }).count()).toBe(0);
    await waitForState(item, 'done', 180_000);
    const runId = cancelled?.runId ?? '';
    const report = await invoke(url, 'eval.report', { runId });
    expect(report.cells.every((cell) => cell.state === 'done')).toBe(true);
    await expect.poll(() => table.locator('tbody tr[data-state="done"]').count()).toBe(41);
    expect(errors).toEqual([]);
  });

  it('grades Search results into a test set, shows them again, and evaluates the test set', async () => {
    const { page, errors } = started();
    await invoke(url, 'roots.add', { path: join(world.scratch, 'docs') });
    await invoke(url, 'index.start', {});
    expect((await waitForJobToFinish(url)).state).toBe('done');
    for (let tries = 0; (await invoke(url, 'index.status', {})).filesAwaitingVectors > 0; tries += 1) {
      if (tries > 240) throw new Error('vectors did not arrive');
      await delay(250);
    }
    const reports: AxeReport[] = [];

    await open(page, 'search');
    const box = page.getByRole('searchbox', { name: 'Search your documents' });
    await box.fill('dignity');
    const results = page.getByRole('list', { name: 'Results' });
    await results.waitFor();
    // Off by default: no grade controls until judging is turned on.
    expect(await results.getByRole('group', { name: /^Grade of / }).count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Judge for a test set' }).check();
    // A text box with a list of the existing sets (a combobox): pick one or type a new name.
    const setName = page.getByRole('combobox', { name: 'Test set' });
    expect(await setName.inputValue()).toBe('my-test-set');
    await setName.fill('udhr');
    const groups = results.getByRole('group', { name: /^Grade of .* for this query$/ });
    await expect.poll(() => groups.count()).toBe(2);
    const [first, second] = [groups.nth(0), groups.nth(1)];
    await first.getByRole('button', { name: '2: highly relevant' }).click();
    await page.getByText(/^Graded .* 2 in udhr\.$/).waitFor();
    expect(await first.getByRole('button', { name: '2: highly relevant' }).getAttribute('aria-pressed')).toBe('true');
    await second.getByRole('button', { name: '0: not relevant' }).click();
    await page.getByText('2 files graded for “dignity”.').waitFor();
    await screenshot(page, '116-search-judging');
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, '116-search-judging-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    reports.push(...(await runAxeInBothSchemes(page, 'Search (judging for a test set)')));

    const sets = (await invoke(url, 'eval.testsets', {})).testSets;
    expect(sets.map((set) => set.name)).toEqual(['udhr']);
    const judged = sets[0]?.queries.find((q) => q.text === 'dignity')?.judgments ?? [];
    expect(judged.map((j) => j.grade).sort()).toEqual([0, 2]);
    expect(judged.every((j) => j.path.startsWith(join(world.scratch, 'docs')))).toBe(true);

    // Grades already given for this query are shown after a reload; pressing a grade again removes it.
    await page.reload();
    await box.fill('dignity');
    await results.waitFor();
    await page.getByRole('checkbox', { name: 'Judge for a test set' }).check();
    await page.getByText('2 files graded for “dignity”.').waitFor();
    const pressed = results.locator('.grade-button[aria-pressed="true"]');
    await expect.poll(() => pressed.count()).toBe(2);
    const zero = results.getByRole('button', { name: '0: not relevant', pressed: true });
    await zero.click();
    await page.getByText('1 file graded for “dignity”.').waitFor();

    // The test set on the Evaluate page: cells whose prefix the index was not embedded with are skipped.
    await open(page, 'evaluate');
    await openForm(page);
    await page.getByRole('radio', { name: 'A test set from your index' }).check();
    await page.getByRole('combobox', { name: 'Test set' }).selectOption('udhr');
    await page
      .getByRole('group', { name: 'Instruction prefix' })
      .getByRole('checkbox', { name: 'Without prefix' })
      .check();
    await page.getByText('5 cells in this run.').waitFor();
    await page.getByRole('textbox', { name: 'Label' }).fill('graded by hand');
    await page.getByRole('button', { name: 'Start run' }).click();
    await waitForState(runItem(page, 'graded by hand'), 'done');
    const table = page.getByRole('region', { name: 'Every cell' }).getByRole('table');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(5);
    // The report is fetched again once the run says done: until then the table shows the cells as they were.
    const skipped = table.locator('tbody tr[data-state="skipped"]');
    await expect.poll(() => skipped.count(), { timeout: 15_000 }).toBe(2);
    for (const row of await skipped.all()) {
      await row.getByText(/^the index's retrieval\.passage vectors are fp32 with the instruction prefix;/).waitFor();
    }
    await expect.poll(() => table.locator('tbody tr[data-state="done"]').count()).toBe(3);
    await screenshot(page, '117-evaluate-testset');
    reports.push(...(await runAxeInBothSchemes(page, 'Evaluate (a test-set report with skipped cells)')));
    expect(errors).toEqual([]);
    expect(blockingFindings(reports)).toEqual([]);
  }, 240_000);
});
