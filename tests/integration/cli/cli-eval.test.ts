import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runCli } from '../../../electron/cli/program';
import type { EvalReport, EvalRunSummary, TestSet } from '../../../shared';
import { buildBeirDataset, type BeirDataset } from '../../fixtures/beir-dataset';
import { captureIo } from '../../fixtures/cli-io';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';

/**
 * `polyseek eval …` end to end on the tiny synthetic model and a BEIR-format set built from the UDHR in
 * ../shared/corpus (tests/fixtures/beir-dataset.ts). The tiny model has random weights: its semantic and
 * hybrid numbers are NOT semantic quality, only proof that the pipeline runs; keyword mode scores on the
 * verbatim queries because each phrase is in its grade-2 document. Checks the command — grid flags,
 * progress, table, JSON and CSV, saved runs, cancel and resume, test sets — not retrieval quality.
 */
const corpus = corpusAvailability();
const HTML = '03-web-markup-text/html/w3c-parallel';

let dir = '';
let dataset: BeirDataset;
let docs = '';
let base: string[] = [];

async function cli(args: string[], io = captureIo()) {
  const code = await runCli([...base, ...args], io);
  return { code, out: io.stdout.join('\n'), err: io.stderr.join('\n') };
}

async function json<T>(args: string[]): Promise<T> {
  const run = await cli(['--json', ...args]);
  expect(run.code, run.err).toBe(0);
  return JSON.parse(run.out) as T;
}

beforeAll(async () => {
  if (corpus.skip) return;
  dir = await mkdtemp(join(tmpdir(), 'polyseek-cli-eval-'));
  dataset = await buildBeirDataset(join(dir, 'udhr-beir'));
  docs = join(dir, 'docs');
  await copyCorpus([`${HTML}/language.ja.html`, `${HTML}/language.en.html`, `${HTML}/language.ar.html`], docs);
  base = ['--data-dir', join(dir, 'data'), '--model-dir', await ensureSyntheticModel('tiny')];
  expect((await cli(['license', 'accept', '--yes'])).code).toBe(0);
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(corpus.skip)('polyseek eval', () => {
  let runId = '';

  it('runs a grid over a BEIR folder with progress, and prints the report as JSON', async () => {
    expect(dataset).toMatchObject({ documents: 120, queries: 31, judged: 186 });
    const run = await cli([
      '--json',
      'eval',
      dataset.dir,
      '--modes',
      'keyword,semantic,hybrid',
      '--dims',
      '32',
      '--label',
      'first',
    ]);
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as EvalReport;
    runId = report.summary.runId;
    expect(report.summary).toMatchObject({ state: 'done', documents: 120, queries: 31, cells: 3, cellsDone: 3 });
    expect(report.cells.map((c) => [c.config.mode, c.state, c.config.dims])).toEqual(
      expect.arrayContaining([
        ['keyword', 'done', null],
        ['semantic', 'done', 32],
        ['hybrid', 'done', 32],
      ]),
    );
    for (const cell of report.cells) {
      expect(cell.queries).toBe(31);
      for (const metric of ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'] as const) {
        const mean = cell.mean?.[metric] ?? -1;
        expect(cell.interval?.[metric].low).toBeLessThanOrEqual(mean);
        expect(cell.interval?.[metric].high).toBeGreaterThanOrEqual(mean);
      }
    }
    const keyword = report.cells.find((c) => c.id === 'keyword');
    // Verbatim phrases: the grade-2 document is found, often first.
    expect(keyword?.mean?.ndcg10).toBeGreaterThan(0.25);
    expect(keyword?.mean?.mrr10).toBeGreaterThan(0.6);
    expect(report.cells.map((c) => c.id)).toContain(report.bestCellId);
    expect(report.model?.synthetic).toBe('tiny');
    const slavery = report.queries.find((q) => q.queryId === 'q-en-4');
    expect(slavery?.cells['keyword']?.top[0]).toMatchObject({ id: 'udhr-en-4', grade: 2 });
    // No Korean document exists: keyword search cannot find its translations.
    const korean = report.queries.find((q) => q.queryId === 'q-ko-4');
    expect(korean?.cells['keyword']?.metrics.ndcg10 ?? 0).toBe(0);

    expect(run.err).toContain(`polyseek: run ${runId} "first"`);
    expect(run.err).toMatch(
      /encoded 120 documents \(retrieval\.passage, fp32\).*\[[#-]+\]\s+\d+%\s+\d+\/\d+\s+cells \d\/3/u,
    );
    expect(run.err).toContain('NOT semantic quality');
  });

  it('prints the cells as CSV and as a table, and lists the saved runs', async () => {
    const csv = await cli(['eval', dataset.dir, '--modes', 'keyword,semantic,hybrid', '--dims', '32', '--csv']);
    expect(csv.code, csv.err).toBe(0);
    const rows = csv.out.split(/\r?\n/u).map((line) => line.split(','));
    const [header = [], ...cells] = rows;
    expect(header.slice(0, 3)).toEqual(['cell', 'mode', 'query_task']);
    expect(cells).toHaveLength(3);
    expect(cells.every((row) => row.length === header.length)).toBe(true);
    const best = header.indexOf('best');
    expect(cells.filter((row) => row[best] === 'true')).toHaveLength(1);
    expect(cells.map((row) => row[header.indexOf('state')])).toEqual(['done', 'done', 'done']);

    const runs = await json<{ runs: EvalRunSummary[] }>(['eval', 'runs']);
    expect(runs.runs).toHaveLength(2);
    expect(runs.runs.map((r) => r.runId)).toContain(runId);
    const listed = await cli(['eval', 'runs']);
    expect(listed.out).toMatch(new RegExp(`${runId}\\s+done\\s+udhr-beir\\s+3/3 cells\\s+31 queries.*"first"`, 'u'));

    const table = await cli(['eval', 'report', runId]);
    expect(table.code, table.err).toBe(0);
    expect(table.out).toContain('NOT semantic quality');
    expect(table.out).toMatch(
      /mode\s+query\s+passage\s+dims\s+precision\s+prefix\s+nDCG@10 \[95 % CI\]\s+R@10\s+R@100/u,
    );
    expect(table.out).toMatch(/\n\*?\s+keyword\s+–\s+–\s+–\s+–\s+–\s+0\.\d{3} \[0\.\d{3}–0\.\d{3}\]/u);
    expect(table.out).toMatch(/\n\*?\s+semantic\s+retrieval\.query\s+retrieval\.passage\s+32\s+fp32\s+on\s+\d\.\d{3}/u);
    expect(table.out).toMatch(/\n\* best: /u);
    const queries = await cli(['eval', 'report', runId, '--queries-csv']);
    expect(queries.out.split(/\r?\n/u)).toHaveLength(1 + 31 * 3);
  });

  it('refuses bad grids, missing folders and invalid datasets with clear messages', async () => {
    const dims = await cli(['eval', dataset.dir, '--dims', '33']);
    expect(dims.code).toBe(2);
    expect(dims.err).toContain('33 is not a Matryoshka size');
    const prefix = await cli(['eval', dataset.dir, '--prefix', 'maybe']);
    expect(prefix.code).toBe(2);
    const missing = await cli(['eval', join(dir, 'nowhere')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain(`no folder at ${join(dir, 'nowhere')}`);
    expect((await cli(['eval'])).code).toBe(2);
    expect((await cli(['eval', 'report', runId, '--dims', '32'])).err).toContain('only for `polyseek eval DATASET`');

    const broken = join(dir, 'broken');
    await mkdir(join(broken, 'qrels'), { recursive: true });
    await writeFile(join(broken, 'corpus.jsonl'), '{"_id":"d1","text":"one"}\n{"_id":"d2"\n');
    await writeFile(join(broken, 'queries.jsonl'), '{"_id":"q1","text":"one"}\n');
    await writeFile(join(broken, 'qrels', 'test.tsv'), 'query-id\tcorpus-id\tscore\nq1\td1\t1\n');
    const invalid = await cli(['eval', broken, '--modes', 'keyword']);
    expect(invalid.code).toBe(1);
    expect(invalid.err).toMatch(/not a valid BEIR dataset:\n- corpus\.jsonl:2: not JSON/u);
  });

  it('cancels on Ctrl+C (exit 130) and resumes the saved run', async () => {
    const io = { ...captureIo(), waitForStop: () => Promise.resolve('SIGINT') };
    const cancelled = await cli(['eval', dataset.dir, '--modes', 'keyword', '--label', 'stopped'], io);
    expect(cancelled.code, cancelled.err).toBe(130);
    const resumeHint = /continue with `polyseek eval resume ([A-Za-z0-9_-]+)`/u.exec(cancelled.err);
    expect(resumeHint, cancelled.err).not.toBeNull();
    const id = resumeHint?.[1] ?? '';
    const resumed = await json<EvalReport>(['eval', 'resume', id]);
    expect(resumed.summary).toMatchObject({ runId: id, state: 'done', label: 'stopped', cellsDone: 1 });
    expect(resumed.cells[0]?.mean?.ndcg10).toBeGreaterThan(0.25);
  });

  it('makes a test set from indexed files and evaluates the index with it', async () => {
    expect((await cli(['index', 'add', docs])).code).toBe(0);
    const indexed = await cli(['index', 'start']);
    expect(indexed.code, indexed.err).toBe(0);
    const ja = join(docs, HTML, 'language.ja.html');
    const en = join(docs, HTML, 'language.en.html');
    const ar = join(docs, HTML, 'language.ar.html');

    const judged = await cli(['eval', 'judge', '--set', 'mine', '国際化', `${ja}=2`, `${en}=1`, `${ar}=0`]);
    expect(judged.code, judged.err).toBe(0);
    expect(judged.out).toContain(`${ja} = 2`);
    expect((await cli(['eval', 'judge', '--set', 'mine', '国際化', `${ar}=-`])).code).toBe(0);
    expect((await cli(['eval', 'judge', '--set', 'mine', 'اللغة', `${ar}=2`])).code).toBe(0);
    expect((await cli(['eval', 'judge', '--set', 'mine', 'x', `${ja}=5`])).code).toBe(2);
    const outside = await cli(['eval', 'judge', '--set', 'mine', 'x', `${join(dir, 'nowhere.txt')}=1`]);
    expect(outside.code).toBe(1);

    const sets = await json<{ testSets: TestSet[] }>(['eval', 'testsets']);
    expect(sets.testSets).toHaveLength(1);
    expect(sets.testSets[0]?.queries.map((q) => [q.text, q.judgments.length])).toEqual([
      ['国際化', 2],
      ['اللغة', 1],
    ]);

    const run = await cli(['--json', 'eval', '--testset', 'mine', '--modes', 'keyword,semantic', '--dims', '32']);
    expect(run.code, run.err).toBe(0);
    const report = JSON.parse(run.out) as EvalReport;
    expect(report.summary).toMatchObject({ state: 'done', datasetName: 'mine', queries: 2, documents: 3 });
    const keyword = report.cells.find((c) => c.id === 'keyword');
    expect(keyword).toMatchObject({ state: 'done', queries: 2 });
    expect(keyword?.mean?.mrr10).toBe(1);
    const semantic = report.cells.find((c) => c.config.mode === 'semantic');
    expect(semantic?.state).toBe('done');
  });
});
