import { basename } from 'node:path';

import {
  MODEL_ID,
  PolyseekError,
  errorMessage,
  type EvalCell,
  type EvalCellConfig,
  type EvalDatasetRef,
  type EvalReport,
  type EvalRunInput,
  type EvalRunSummary,
  type ResultError,
  type SearchQueryInput,
} from '../../../shared';
import { weightsChecksum } from '../indexer/model-access';
import { chooseVectors } from '../search/choose-vectors';
import type { SearchStore } from '../search/ports';
import type { Searcher } from '../search/searcher';
import type { IndexStore } from '../store/index-store';
import type { Provenance } from '../store/types';
import { bootstrapIntervals } from './bootstrap';
import { docIdOf, encodeCorpus } from './corpus-store';
import { loadBeirDataset, type Dataset } from './dataset';
import type { EvalRunnerOptions } from './eval-runner';
import { passageKey } from './grid';
import { meanOf, queryMetrics, type QueryMetrics } from './metrics';
import { readTestSet } from './testsets';

/**
 * The work inside an evaluation run: loading its dataset, preparing the vectors a group of cells
 * searches, and running one cell's queries through the search pipeline.
 */

/** Files a search returns per query: Recall@100 needs the top 100. */
const DEPTH = 100;
const DEFAULT_BOOTSTRAP = 1000;
const DEFAULT_SEED = 1;

/** A run as saved: what was asked, and the report so far. */
export interface Saved {
  readonly input: EvalRunInput;
  readonly report: EvalReport;
}

/** The queries and judgments of a run, whatever the dataset's kind. */
export interface Loaded {
  readonly name: string;
  readonly documents: number;
  readonly queries: readonly { readonly id: string; readonly text: string }[];
  readonly qrels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly title: (id: string) => string;
  readonly warnings: string[];
  /** BEIR datasets are indexed into a store of their own; test sets use the person's index. */
  readonly beir: Dataset | null;
}

/** What the cell work needs from the runner: its options, and a way to report progress. */
export interface CellContext {
  readonly options: EvalRunnerOptions;
  /** Sends the summary's progress (throttled unless forced). */
  readonly progress: (force?: boolean) => void;
}

/**
 * The vectors a group of cells (one passage adapter, precision and prefix) searches. BEIR: the corpus is
 * encoded at the model's full width (resuming where a previous run stopped) and every smaller size of
 * the group derived by truncation. Test sets: the index's own vectors must match the cell, else the
 * cell is skipped with the re-embed it would need (an evaluation never re-embeds someone's folders).
 */
export async function prepareVectors(
  context: CellContext,
  config: EvalCellConfig,
  cells: EvalCell[],
  corpus: IndexStore | null,
  loaded: Loaded,
  summary: EvalRunSummary,
  signal: AbortSignal,
): Promise<void> {
  const { passageTask, precision, prefix } = config;
  if (passageTask === null || precision === null || prefix === null) return;
  const encoder = await context.options.encoder(precision);
  const full = encoder.config.hiddenSize;
  for (const cell of cells) {
    if ((cell.config.dims ?? 0) > full) {
      skip(cell, 'INVALID_INPUT', `this model is ${full} dims wide; ${cell.config.dims} dims is beyond it`);
      summary.done += loaded.qrels.size;
    }
  }
  const wanted = [...new Set(cells.filter((c) => c.state === 'pending').map((c) => c.config.dims ?? full))];
  if (corpus) {
    const provenance: Provenance = {
      modelId: MODEL_ID,
      modelChecksum: await weightsChecksum(encoder, context.options.modelStatus),
      precision,
      task: passageTask,
      prefix,
      dims: full,
      chunkerVersion: 0,
    };
    const key = passageKey(config) ?? '';
    const setting = `${passageTask}, ${precision}${prefix ? '' : ', no prefix'}`;
    summary.activity = `checking the documents' vectors (${setting})`;
    context.progress(true);
    const started = performance.now();
    let encoded = 0;
    await encodeCorpus(corpus, encoder, provenance, signal, (n) => {
      encoded += n;
      summary.done += n;
      summary.activity = `encoding documents (${setting}): ${encoded} this run`;
      context.progress();
    });
    summary.done += loaded.documents - encoded;
    summary.encodeMs[key] = (summary.encodeMs[key] ?? 0) + performance.now() - started;
    // Always said, however fast it went: the per-batch updates above are throttled.
    summary.activity =
      encoded > 0 ? `encoded ${encoded} documents (${setting})` : `documents already encoded (${setting})`;
    context.progress(true);
    await corpus.setActiveProvenance(provenance);
    for (const dims of wanted.filter((d) => d < full)) {
      const target = { ...provenance, dims };
      await corpus.deriveVectors(provenance, target, { signal });
      await corpus.ensureVectorIndex(target);
    }
    return;
  }
  const store = await context.options.indexStore();
  const tables = store.vectorTables().map((t) => t.provenance);
  const active = await store.activeProvenance();
  for (const cell of cells.filter((c) => c.state === 'pending')) {
    try {
      const choice = chooseVectors(tables, active, { passageTask, dims: cell.config.dims ?? full });
      const { source } = choice;
      if (source.precision !== precision || source.prefix !== prefix) {
        skip(
          cell,
          'PROVENANCE_MISMATCH',
          `the index's ${passageTask} vectors are ${source.precision}${source.prefix ? ' with' : ' without'} the instruction prefix; this cell asks for ${precision}${prefix ? ' with' : ' without'} it — re-embed the index with those settings to evaluate it`,
        );
        summary.done += loaded.qrels.size;
      } else if (choice.dims < source.dims) {
        await store.deriveVectors(source, { ...source, dims: choice.dims }, { signal });
        await store.ensureVectorIndex({ ...source, dims: choice.dims });
      }
    } catch (error) {
      if (signal.aborted) throw error;
      const problem = asResultError(error);
      skip(cell, problem.code, problem.message);
      summary.done += loaded.qrels.size;
    }
  }
}

export async function runCell(
  context: CellContext,
  cell: EvalCell,
  searcher: Searcher,
  loaded: Loaded,
  saved: Saved,
  signal: AbortSignal,
): Promise<void> {
  const { summary } = saved.report;
  const { config } = cell;
  cell.state = 'running';
  summary.activity = `searching: ${describeCell(config)}`;
  context.progress(true);
  // Vector cells name everything the vectors depend on; keyword cells nothing (the settings are not used).
  const vectorInput: Partial<SearchQueryInput> =
    config.mode === 'keyword'
      ? {}
      : {
          adapters: {
            ...(config.queryTask ? { query: config.queryTask } : {}),
            ...(config.passageTask ? { passage: config.passageTask } : {}),
          },
          ...(config.dims ? { dims: config.dims as SearchQueryInput['dims'] } : {}),
          ...(config.prefix === null ? {} : { prefix: config.prefix }),
        };
  const rows: QueryMetrics[] = [];
  const curves: number[][] = [];
  const durations: number[] = [];
  const started = performance.now();
  for (const query of loaded.queries) {
    const judged = loaded.qrels.get(query.id);
    if (!judged) continue;
    signal.throwIfAborted();
    const input: SearchQueryInput = { query: query.text, mode: config.mode, limit: DEPTH, perFile: 1, ...vectorInput };
    const queryStarted = performance.now();
    const result = await searcher.query(input, signal);
    durations.push(performance.now() - queryStarted);
    if (config.mode !== 'keyword') {
      if (result.semantic.state !== 'used') {
        throw new PolyseekError(
          result.semantic.problem?.code ?? 'INTERNAL',
          result.semantic.problem?.message ?? 'vectors were not used',
        );
      }
      if (config.dims !== null && result.semantic.dimsUsed !== config.dims) {
        throw new PolyseekError('INTERNAL', `searched at ${result.semantic.dimsUsed} dims instead of ${config.dims}`);
      }
    }
    // The product's order is what is measured: scores are turned into ranks, so RRF ties keep the
    // order the Search page shows instead of trec_eval's tie-break by id.
    const ids = result.files.map((f) => (loaded.beir ? docIdOf(f.path) : f.path));
    const scores = new Map(ids.map((id, i) => [id, DEPTH - i]));
    const metrics = queryMetrics(judged, scores);
    summary.done += 1;
    context.progress();
    if (!metrics) continue;
    rows.push(metrics);
    const relevant = [...judged.values()].filter((g) => g >= 1).length;
    let hits = 0;
    curves.push(
      Array.from({ length: DEPTH }, (_, k) => {
        if ((judged.get(ids[k] ?? '') ?? 0) >= 1) hits += 1;
        return hits / relevant;
      }),
    );
    let entry = saved.report.queries.find((q) => q.queryId === query.id);
    if (!entry) {
      entry = { queryId: query.id, text: query.text, relevant, cells: {} };
      saved.report.queries.push(entry);
    }
    entry.cells[cell.id] = {
      metrics,
      top: ids.slice(0, 10).map((id) => ({ id, title: loaded.title(id), grade: judged.get(id) ?? null })),
    };
  }
  const settings = saved.input;
  Object.assign(cell, {
    state: 'done',
    mean: meanOf(rows),
    interval: bootstrapIntervals(rows, settings.bootstrap ?? DEFAULT_BOOTSTRAP, settings.seed ?? DEFAULT_SEED),
    queries: rows.length,
    searchMs: performance.now() - started,
    medianQueryMs: median(durations),
    recallCurve: Array.from({ length: DEPTH }, (_, k) =>
      curves.length === 0 ? 0 : curves.reduce((sum, c) => sum + (c[k] ?? 0), 0) / curves.length,
    ),
  });
}

export async function loadEvalDataset(
  ref: EvalDatasetRef,
  dataDir: string,
  indexStore: () => Promise<SearchStore>,
): Promise<Loaded> {
  if (ref.kind === 'beir') {
    const dataset = await loadBeirDataset(ref.dir, ref.split ? { split: ref.split } : {});
    const titles = new Map(dataset.documents.map((d) => [d.id, d.title || d.text.slice(0, 80)]));
    return {
      name: dataset.name,
      documents: dataset.documents.length,
      queries: dataset.queries,
      qrels: dataset.qrels,
      title: (id) => titles.get(id) ?? id,
      warnings: dataset.warnings,
      beir: dataset,
    };
  }
  const set = await readTestSet(dataDir, ref.name);
  const store = await indexStore();
  const indexed = await store.listFiles({ status: 'indexed' });
  const known = new Set(indexed.map((f) => f.path));
  const warnings: string[] = [];
  const qrels = new Map<string, Map<string, number>>();
  for (const q of set.queries) {
    const judged = new Map(q.judgments.filter((j) => known.has(j.path)).map((j) => [j.path, j.grade]));
    const gone = q.judgments.length - judged.size;
    if (gone > 0) warnings.push(`query ${JSON.stringify(q.text)}: ${gone} judged files are no longer indexed`);
    if (judged.size > 0) qrels.set(q.id, judged);
  }
  if (qrels.size === 0) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `the test set ${JSON.stringify(ref.name)} has no judged query whose files are still indexed`,
    );
  }
  return {
    name: set.name,
    documents: indexed.length,
    queries: set.queries.map((q) => ({ id: q.id, text: q.text })),
    qrels,
    title: (id) => basename(id),
    warnings,
    beir: null,
  };
}

export function skip(cell: EvalCell, code: ResultError['code'], message: string): void {
  Object.assign(cell, { state: 'skipped', problem: { code, message } });
}
export function describeCell(config: EvalCellConfig): string {
  if (config.mode === 'keyword') return 'keyword';
  return `${config.mode}, query ${config.queryTask}, passage ${config.passageTask}, ${config.dims} dims, ${config.precision}${config.prefix ? '' : ', no prefix'}`;
}
function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

export function emptyCell(id: string, config: EvalCellConfig): EvalCell {
  return {
    id,
    config,
    state: 'pending',
    problem: null,
    mean: null,
    interval: null,
    queries: 0,
    searchMs: 0,
    medianQueryMs: 0,
    recallCurve: [],
  };
}

export function asResultError(error: unknown): ResultError {
  return error instanceof PolyseekError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: errorMessage(error) };
}
