import { access, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';

import { Encoder } from '../../../electron/engine/encoder/encoder';
import { openRuntime, type Runtime } from '../../../electron/engine/runtime';
import type { EvalReport, EvalRunInput, EvalRunSummary, Result } from '../../../shared';
import { buildBeirDataset } from '../../fixtures/beir-dataset';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { ACCEPT } from '../indexer/support';

/**
 * The evaluation lab end to end on the synthetic models and a BEIR-format dataset built from the shared
 * corpus. The synthetic weights are random: the numbers here check the machinery (metrics over the real
 * search pipeline, vector reuse across dims, resumability, skipped cells), NOT semantic quality. Keyword
 * mode, which needs no model, does score the verbatim queries well — that is checked.
 */
const corpus = corpusAvailability();

let dir = '';
let dataset = '';
let documents = 0;
/** Each document as the corpus store indexes it (title, newline, text). */
const corpusTexts = new Set<string>();

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function runtimeWith(
  model: 'tiny' | 'small',
  name: string,
): Promise<{ runtime: Runtime; events: EvalRunSummary[] }> {
  const runtime = await openRuntime({
    dataDir: join(dir, name),
    host: 'cli',
    modelDir: await ensureSyntheticModel(model),
    indexer: { extractWorkers: 1 },
  });
  const events: EvalRunSummary[] = [];
  runtime.events.subscribe((event) => {
    if (event.name === 'eval.progress') events.push(event.payload);
  });
  value(await runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } }));
  value(await runtime.invoke('license.accept', ACCEPT));
  return { runtime, events };
}

async function runToEnd(runtime: Runtime, input: EvalRunInput): Promise<EvalReport> {
  const started = value(await runtime.invoke('eval.run', input));
  await runtime.engine.evals.idle();
  // The answer was older than every event the run sent after it.
  expect(started.revision).toBeLessThan(
    value(await runtime.invoke('eval.report', { runId: started.runId })).summary.revision,
  );
  return value(await runtime.invoke('eval.report', { runId: started.runId }));
}

/** The dataset's documents the encoder was asked to embed (not the model's fingerprint probes), and at which dims. */
function spyEmbeds() {
  const spy = vi.spyOn(Encoder.prototype, 'embed');
  const calls = () =>
    spy.mock.calls.filter(
      ([texts, options]) => options.task === 'retrieval.passage' && texts.every((t) => corpusTexts.has(t)),
    );
  return {
    documents: () => calls().reduce((n, [texts]) => n + texts.length, 0),
    dims: () => new Set(calls().map(([, options]) => options.dims)),
    restore: () => spy.mockRestore(),
  };
}

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  dir = await mkdtemp(join(tmpdir(), 'polyseek-eval-'));
  if (corpus.skip) return;
  const built = await buildBeirDataset(join(dir, 'beir'));
  dataset = built.dir;
  documents = built.documents;
  for (const line of (await readFile(join(dataset, 'corpus.jsonl'), 'utf8')).split('\n')) {
    if (line.trim() === '') continue;
    const doc = JSON.parse(line) as { title?: string; text: string };
    corpusTexts.add(doc.title ? `${doc.title}\n${doc.text}` : doc.text);
  }
}, 120_000);

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe.skipIf(corpus.skip)('evaluation lab (synthetic models, BEIR set built from the corpus)', () => {
  it('runs keyword, semantic and hybrid through the search pipeline, with metrics, intervals and the best cell', async () => {
    const { runtime, events } = await runtimeWith('tiny', 'tiny');
    try {
      const embeds = spyEmbeds();
      const report = await runToEnd(runtime, {
        dataset: { kind: 'beir', dir: dataset },
        grid: { modes: ['keyword', 'semantic', 'hybrid'], dims: [32, 64] },
        bootstrap: 500,
        seed: 7,
      });
      expect(report.summary).toMatchObject({ state: 'done', documents, error: null });
      const byId = new Map(report.cells.map((c) => [c.id, c]));
      const keyword = byId.get('keyword');
      const semantic = byId.get('semantic|retrieval.query|retrieval.passage|32|fp32|prefix');
      const hybrid = byId.get('hybrid|retrieval.query|retrieval.passage|32|fp32|prefix');
      for (const cell of [keyword, semantic, hybrid]) {
        expect(cell?.state).toBe('done');
        expect(cell?.queries).toBe(report.summary.queries);
        for (const metric of ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'] as const) {
          const mean = cell?.mean?.[metric] ?? -1;
          expect(mean).toBeGreaterThanOrEqual(0);
          expect(mean).toBeLessThanOrEqual(1);
          expect(cell?.interval?.[metric].low).toBeLessThanOrEqual(mean + 1e-9);
          expect(cell?.interval?.[metric].high).toBeGreaterThanOrEqual(mean - 1e-9);
        }
        expect(cell?.recallCurve).toHaveLength(100);
        expect(cell?.recallCurve.at(9)).toBeCloseTo(cell?.mean?.recall10 ?? -1, 9);
        expect(cell?.recallCurve.at(99)).toBeCloseTo(cell?.mean?.recall100 ?? -1, 9);
      }
      // The queries hold their documents' words: the n-gram keyword search ranks a relevant document
      // first for nearly every query in a language of the corpus (its translations, judged relevant too,
      // it cannot find — that is what the vector modes are for, with a real model).
      expect(keyword?.mean?.mrr10).toBeGreaterThan(0.7);
      // The tiny model is 32 wide: 64 dims cannot be searched, and says why.
      expect(byId.get('semantic|retrieval.query|retrieval.passage|64|fp32|prefix')).toMatchObject({
        state: 'skipped',
        problem: { code: 'INVALID_INPUT', message: expect.stringMatching(/32 dims wide/u) as string },
      });
      expect(report.bestCellId).not.toBeNull();
      expect(report.model?.synthetic).toBe('tiny');
      // Per-query drill-down: every judged query, each cell's top ten with grades.
      expect(report.queries).toHaveLength(report.summary.queries);
      const first = report.queries[0];
      expect(first?.cells['keyword']?.top.length).toBeGreaterThan(0);
      // The corpus was encoded once for the two vector modes; queries once per vector cell.
      expect(embeds.documents()).toBe(documents);
      embeds.restore();
      // Progress: running with work counted, then done with all of it.
      expect(events.some((e) => e.state === 'running' && e.total > 0)).toBe(true);
      expect(events.at(-1)).toMatchObject({ state: 'done', done: events.at(-1)?.total });
      // Every event newer than the one before (a client keeps the highest revision, whatever arrives late).
      const revisions = events.map((e) => e.revision);
      expect(revisions).toEqual([...revisions].sort((a, b) => a - b));
      expect(new Set(revisions).size).toBe(revisions.length);

      // Saved: listed, and the same run again (same seed) gives the same numbers without encoding again.
      const runs = value(await runtime.invoke('eval.runs', {})).runs;
      expect(runs.map((r) => r.runId)).toContain(report.summary.runId);
      const again = spyEmbeds();
      const second = await runToEnd(runtime, {
        dataset: { kind: 'beir', dir: dataset },
        grid: { modes: ['keyword', 'semantic', 'hybrid'], dims: [32, 64] },
        bootstrap: 500,
        seed: 7,
      });
      expect(again.documents()).toBe(0);
      again.restore();
      expect(second.cells.map((c) => [c.id, c.mean, c.interval])).toEqual(
        report.cells.map((c) => [c.id, c.mean, c.interval]),
      );
    } finally {
      await runtime.dispose();
    }
  });

  it('encodes at the full width once and derives smaller dims; a cancelled run resumes where it stopped', async () => {
    const { runtime, events } = await runtimeWith('small', 'small');
    try {
      const embeds = spyEmbeds();
      const started = value(
        await runtime.invoke('eval.run', {
          dataset: { kind: 'beir', dir: dataset },
          grid: { modes: ['semantic'], dims: [256, 64] },
          bootstrap: 0,
        }),
      );
      // Cancel once encoding is under way.
      await vi.waitFor(() => expect(embeds.documents()).toBeGreaterThan(0), {
        timeout: 60_000,
        interval: 5,
      });
      expect(value(await runtime.invoke('eval.cancel', { runId: started.runId }))).toEqual({ cancelled: true });
      await runtime.engine.evals.idle();
      const cancelled = value(await runtime.invoke('eval.report', { runId: started.runId }));
      expect(cancelled.summary.state).toBe('cancelled');
      const encodedBefore = embeds.documents();
      expect(encodedBefore).toBeLessThan(documents);

      value(await runtime.invoke('eval.resume', { runId: started.runId }));
      await runtime.engine.evals.idle();
      const report = value(await runtime.invoke('eval.report', { runId: started.runId }));
      expect(report.summary.state).toBe('done');
      // Resumed, not restarted: every document encoded once over both attempts (a batch in flight at
      // the cancel may be encoded twice).
      expect(embeds.documents()).toBeLessThanOrEqual(documents + 32);
      expect(embeds.documents()).toBeGreaterThanOrEqual(documents);
      // Both sizes done, from one encoding at 256 dims.
      expect(report.cells.map((c) => [c.config.dims, c.state])).toEqual([
        [256, 'done'],
        [64, 'done'],
      ]);
      expect(embeds.dims()).toEqual(new Set([256]));
      embeds.restore();
      expect(events.map((e) => e.state)).toContain('cancelled');
    } finally {
      await runtime.dispose();
    }
  });

  it('measures a test set of the index as it is, and skips what its vectors cannot answer', async () => {
    const { runtime } = await runtimeWith('tiny', 'testset');
    try {
      const docs = join(dir, 'testset-docs');
      await copyCorpus(['03-web-markup-text/encodings', '01-pdf/en/tracemonkey.pdf'], docs);
      value(await runtime.invoke('roots.add', { path: docs }));
      value(await runtime.invoke('index.start', {}));
      await runtime.engine.indexer.waitForIdle();
      const paper = join(docs, '01-pdf/en/tracemonkey.pdf');
      await access(paper);
      const set = value(
        await runtime.invoke('eval.judge', {
          testSet: 'mine',
          query: 'trace trees',
          judgments: [{ path: paper, grade: 2 }],
        }),
      );
      expect(set.queries).toEqual([{ id: 'q1', text: 'trace trees', judgments: [{ path: paper, grade: 2 }] }]);
      const refused = await runtime.invoke('eval.judge', {
        testSet: 'mine',
        query: 'trace trees',
        judgments: [{ path: join(dir, 'elsewhere.txt'), grade: 1 }],
      });
      expect(refused.ok ? null : refused.error.code).toBe('PATH_OUTSIDE_ROOTS');

      const report = await runToEnd(runtime, {
        dataset: { kind: 'testset', name: 'mine' },
        grid: { modes: ['keyword', 'hybrid'], passageTasks: ['retrieval.passage', 'text-matching'], dims: [32] },
      });
      const byId = new Map(report.cells.map((c) => [c.id, c]));
      expect(byId.get('keyword')).toMatchObject({ state: 'done', mean: { ndcg10: 1, mrr10: 1 } });
      expect(byId.get('hybrid|retrieval.query|retrieval.passage|32|fp32|prefix')?.state).toBe('done');
      expect(byId.get('hybrid|retrieval.query|text-matching|32|fp32|prefix')).toMatchObject({
        state: 'skipped',
        problem: { code: 'PROVENANCE_MISMATCH' },
      });
      expect(report.summary.documents).toBeGreaterThan(0);
    } finally {
      await runtime.dispose();
    }
  });
});
