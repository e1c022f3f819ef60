import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';

import {
  MODEL_ID,
  PolyseekError,
  errorMessage,
  type ModelStatus,
  type Precision,
  type ResultError,
  type SearchQueryInput,
  type Settings,
  EvalReportSchema,
  EvalRunInputSchema,
  type EvalCell,
  type EvalCellConfig,
  type EvalDatasetRef,
  type EvalReport,
  type EvalRunInput,
  type EvalRunSummary,
  type TestSet,
} from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import type { EventSink } from '../handlers';
import { weightsChecksum } from '../indexer/model-access';
import { chooseVectors } from '../search/choose-vectors';
import { checkIndexedFile, type FileCheckStore } from '../search/open-file';
import type { SearchStore } from '../search/ports';
import { Searcher } from '../search/searcher';
import { writeFileAtomic } from '../settings/atomic-write';
import type { IndexStore } from '../store/index-store';
import type { Provenance } from '../store/types';
import { bootstrapIntervals } from './bootstrap';
import { docIdOf, encodeCorpus, openCorpusStore } from './corpus-store';
import { loadBeirDataset, type Dataset } from './dataset';
import { completeGrid, expandGrid, passageKey } from './grid';
import { meanOf, queryMetrics, type QueryMetrics } from './metrics';
import { judge, listTestSets, readTestSet } from './testsets';

export interface EvalRunnerOptions {
  readonly dataDir: string;
  readonly getSettings: () => Settings;
  readonly encoder: (precision: Precision) => Promise<Encoder>;
  readonly modelStatus: () => Promise<ModelStatus>;
  readonly modelDir: () => string;
  /** The person's index: test sets run against it as it is, through the engine's own Searcher. */
  readonly indexStore: () => Promise<SearchStore & FileCheckStore>;
  readonly indexSearcher: Searcher;
  readonly emit?: EventSink;
}

/** Files a search returns per query: Recall@100 needs the top 100. */
const DEPTH = 100;
/** Progress events at most this often: one per query would flood the renderer on fast cells. */
const PROGRESS_INTERVAL_MS = 250;
const DEFAULT_BOOTSTRAP = 1000;
const DEFAULT_SEED = 1;

interface Saved {
  readonly input: EvalRunInput;
  readonly report: EvalReport;
}

/** The queries and judgments of a run, whatever the dataset's kind. */
interface Loaded {
  readonly name: string;
  readonly documents: number;
  readonly queries: readonly { readonly id: string; readonly text: string }[];
  readonly qrels: ReadonlyMap<string, ReadonlyMap<string, number>>;
  readonly title: (id: string) => string;
  readonly warnings: string[];
  /** BEIR datasets are indexed into a store of their own; test sets use the person's index. */
  readonly beir: Dataset | null;
}

/**
 * The evaluation lab's engine: runs a grid of settings over a labelled dataset through the real search
 * pipeline, saving after every cell so a run survives a restart and resumes where it stopped
 * (`<dataDir>/eval/runs/<runId>.json`). One run at a time: runs share the encoder with indexing.
 */
export class EvalRunner {
  private current: { runId: string; controller: AbortController; done: Promise<void> } | null = null;
  private lastEmit = 0;

  constructor(private readonly options: EvalRunnerOptions) {}

  private get runsDir(): string {
    return join(this.options.dataDir, 'eval', 'runs');
  }

  /** Validates the dataset and grid, saves the run and starts it in the background. */
  async start(input: EvalRunInput): Promise<EvalRunSummary> {
    this.assertIdle();
    const grid = completeGrid(input.grid, this.options.getSettings());
    const cells = expandGrid(grid);
    const loaded = await this.load(input.dataset);
    const stamp = new Date()
      .toISOString()
      .replace(/[-:.TZ]/g, '')
      .slice(0, 14);
    const report: EvalReport = {
      summary: {
        runId: `${stamp}-${randomBytes(3).toString('hex')}`,
        label: input.label ?? null,
        dataset: input.dataset,
        datasetName: loaded.name,
        documents: loaded.documents,
        queries: loaded.qrels.size,
        state: 'queued',
        activity: null,
        done: 0,
        total: 0,
        cellsDone: 0,
        cells: cells.length,
        startedAt: new Date().toISOString(),
        finishedAt: null,
        error: null,
        warnings: loaded.warnings,
        encodeMs: {},
      },
      grid,
      cells: cells.map(({ id, config }) => emptyCell(id, config)),
      bestCellId: null,
      queries: [],
      model: null,
    };
    const saved = { input, report };
    await this.save(saved);
    this.launch(saved, loaded);
    return { ...report.summary };
  }

  /** Continues a cancelled, failed or interrupted run: finished cells are kept, encoding resumes. */
  async resume(runId: string): Promise<EvalRunSummary> {
    const saved = await this.read(runId);
    if (saved.report.summary.state === 'done') return saved.report.summary;
    this.assertIdle();
    const loaded = await this.load(saved.input.dataset);
    for (const cell of saved.report.cells) {
      if (cell.state === 'running' || cell.state === 'failed') Object.assign(cell, emptyCell(cell.id, cell.config));
    }
    Object.assign(saved.report.summary, { state: 'queued', error: null, finishedAt: null });
    await this.save(saved);
    this.launch(saved, loaded);
    return { ...saved.report.summary };
  }

  cancel(runId: string): boolean {
    if (this.current?.runId !== runId || this.current.controller.signal.aborted) return false;
    this.current.controller.abort();
    return true;
  }

  async runs(): Promise<EvalRunSummary[]> {
    let names: string[];
    try {
      names = (await readdir(this.runsDir)).filter((n) => n.endsWith('.json'));
    } catch {
      return [];
    }
    const out: EvalRunSummary[] = [];
    for (const name of names) {
      const saved = await this.read(name.slice(0, -'.json'.length)).catch(() => null);
      if (saved) out.push(saved.report.summary);
    }
    return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async report(runId: string): Promise<EvalReport> {
    return (await this.read(runId)).report;
  }

  /** Waits for the running run (tests, the CLI). */
  async idle(): Promise<void> {
    await this.current?.done;
  }

  testSets(): Promise<TestSet[]> {
    return listTestSets(this.options.dataDir);
  }

  /** Marks indexed files as relevant (or not) for a query of a test set. */
  async judge(
    name: string,
    query: string,
    judgments: readonly { path: string; grade: number | null }[],
  ): Promise<TestSet> {
    const store = await this.options.indexStore();
    const checked: { path: string; grade: number | null }[] = [];
    for (const j of judgments) {
      if (/[\t\n\r]/u.test(j.path)) {
        throw new PolyseekError(
          'INVALID_INPUT',
          `a path with tabs or line breaks cannot be judged: ${JSON.stringify(j.path)}`,
        );
      }
      // Forgetting the judgment of a file gone from the index is allowed; judging one is not.
      const path =
        j.grade === null ? j.path : (await checkIndexedFile(store, this.options.getSettings().roots, j.path)).path;
      checked.push({ path, grade: j.grade });
    }
    return judge(this.options.dataDir, name, query, checked);
  }

  async dispose(): Promise<void> {
    const running = this.current;
    running?.controller.abort();
    await running?.done;
  }

  private assertIdle(): void {
    if (this.current) {
      throw new PolyseekError(
        'JOB_RUNNING',
        `evaluation run ${this.current.runId} is running; cancel it or wait for it to finish`,
      );
    }
  }

  private launch(saved: Saved, loaded: Loaded): void {
    const controller = new AbortController();
    const summary = saved.report.summary;
    const done = this.execute(saved, loaded, controller.signal)
      .catch(async (error: unknown) => {
        summary.state = controller.signal.aborted ? 'cancelled' : 'failed';
        summary.error = controller.signal.aborted ? null : asResultError(error);
        summary.activity = null;
        summary.finishedAt = new Date().toISOString();
        for (const cell of saved.report.cells) if (cell.state === 'running') cell.state = 'pending';
        // A stopped run's report still says which model made its numbers (synthetic ones are no quality).
        saved.report.model ??= await this.modelInfo();
        await this.save(saved).catch(() => undefined);
        this.emit(summary, true);
      })
      .finally(() => {
        this.current = null;
      });
    this.current = { runId: summary.runId, controller, done };
  }

  private async execute(saved: Saved, loaded: Loaded, signal: AbortSignal): Promise<void> {
    const { report } = saved;
    const { summary } = report;
    summary.state = 'running';
    const pending = report.cells.filter((c) => c.state === 'pending');
    const groups = new Map<string, EvalCell[]>();
    for (const cell of pending) {
      const key = passageKey(cell.config) ?? 'keyword';
      groups.set(key, [...(groups.get(key) ?? []), cell]);
    }
    const encodeGroups = loaded.beir ? [...groups.keys()].filter((k) => k !== 'keyword').length : 0;
    summary.done = 0;
    summary.total = pending.length * loaded.qrels.size + encodeGroups * loaded.documents;
    this.emit(summary, true);

    let corpus: IndexStore | null = null;
    let searcher = this.options.indexSearcher;
    try {
      if (loaded.beir) {
        summary.activity = `indexing ${loaded.documents} documents`;
        this.emit(summary, true);
        corpus = await openCorpusStore(this.options.dataDir, loaded.beir, signal, (written, total) => {
          summary.activity = `indexing documents: ${written} of ${total}`;
          this.emit(summary);
        });
        const store = corpus;
        searcher = new Searcher({
          store: () => Promise.resolve(store),
          getSettings: this.options.getSettings,
          encoder: this.options.encoder,
          modelStatus: this.options.modelStatus,
          modelDir: this.options.modelDir,
        });
      }
      for (const [key, cells] of groups) {
        const first = cells[0];
        if (!first) continue;
        if (key !== 'keyword') {
          try {
            await this.prepareVectors(first.config, cells, corpus, loaded, summary, signal);
          } catch (error) {
            if (signal.aborted) throw error;
            for (const cell of cells) {
              if (cell.state !== 'pending') continue;
              Object.assign(cell, { state: 'failed', problem: asResultError(error) });
              summary.done += loaded.qrels.size;
            }
            await this.save(saved);
            continue;
          }
        }
        for (const cell of cells) {
          // Skipped or failed while preparing: counted there.
          if (cell.state !== 'pending') continue;
          await this.runCell(cell, searcher, loaded, saved, signal);
          summary.cellsDone = report.cells.filter((c) => c.state === 'done').length;
          await this.save(saved);
        }
      }
      report.bestCellId = bestCell(report.cells);
      report.model = await this.modelInfo();
      Object.assign(summary, { state: 'done', activity: null, finishedAt: new Date().toISOString() });
      await this.save(saved);
      this.emit(summary, true);
    } finally {
      if (searcher !== this.options.indexSearcher) await searcher.dispose();
      if (corpus) await corpus.close();
    }
  }

  /**
   * The vectors a group of cells (one passage adapter, precision and prefix) searches. BEIR: the corpus is
   * encoded at the model's full width (resuming where a previous run stopped) and every smaller size of
   * the group derived by truncation. Test sets: the index's own vectors must match the cell, else the
   * cell is skipped with the re-embed it would need (an evaluation never re-embeds someone's folders).
   */
  private async prepareVectors(
    config: EvalCellConfig,
    cells: EvalCell[],
    corpus: IndexStore | null,
    loaded: Loaded,
    summary: EvalRunSummary,
    signal: AbortSignal,
  ): Promise<void> {
    const { passageTask, precision, prefix } = config;
    if (passageTask === null || precision === null || prefix === null) return;
    const encoder = await this.options.encoder(precision);
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
        modelChecksum: await weightsChecksum(encoder, this.options.modelStatus),
        precision,
        task: passageTask,
        prefix,
        dims: full,
        chunkerVersion: 0,
      };
      const key = passageKey(config) ?? '';
      const setting = `${passageTask}, ${precision}${prefix ? '' : ', no prefix'}`;
      summary.activity = `checking the documents' vectors (${setting})`;
      this.emit(summary, true);
      const started = performance.now();
      let encoded = 0;
      await encodeCorpus(corpus, encoder, provenance, signal, (n) => {
        encoded += n;
        summary.done += n;
        summary.activity = `encoding documents (${setting}): ${encoded} this run`;
        this.emit(summary);
      });
      summary.done += loaded.documents - encoded;
      summary.encodeMs[key] = (summary.encodeMs[key] ?? 0) + performance.now() - started;
      await corpus.setActiveProvenance(provenance);
      for (const dims of wanted.filter((d) => d < full)) {
        const target = { ...provenance, dims };
        await corpus.deriveVectors(provenance, target, { signal });
        await corpus.ensureVectorIndex(target);
      }
      return;
    }
    const store = await this.options.indexStore();
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

  private async runCell(
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
    this.emit(summary, true);
    const rows: QueryMetrics[] = [];
    const curves: number[][] = [];
    const durations: number[] = [];
    const started = performance.now();
    for (const query of loaded.queries) {
      const judged = loaded.qrels.get(query.id);
      if (!judged) continue;
      signal.throwIfAborted();
      const input: SearchQueryInput = {
        query: query.text,
        mode: config.mode,
        limit: DEPTH,
        perFile: 1,
        ...(config.mode === 'keyword'
          ? {}
          : {
              adapters: { query: config.queryTask ?? undefined, passage: config.passageTask ?? undefined },
              ...(config.dims ? { dims: config.dims as SearchQueryInput['dims'] } : {}),
              prefix: config.prefix ?? undefined,
            }),
      };
      const queryStarted = performance.now();
      const result = await searcher.query(stripUndefined(input), signal);
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
      this.emit(summary);
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

  private async load(ref: EvalDatasetRef): Promise<Loaded> {
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
    const set = await readTestSet(this.options.dataDir, ref.name);
    const store = await this.options.indexStore();
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

  private async modelInfo(): Promise<EvalReport['model']> {
    try {
      const encoder = await this.options.encoder(this.options.getSettings().encoder.precision);
      return { dir: this.options.modelDir(), synthetic: encoder.config.synthetic?.preset ?? null };
    } catch {
      return null;
    }
  }

  private async save(saved: Saved): Promise<void> {
    await mkdir(this.runsDir, { recursive: true });
    await writeFileAtomic(join(this.runsDir, `${saved.report.summary.runId}.json`), JSON.stringify(saved));
  }

  private async read(runId: string): Promise<Saved> {
    if (!/^[A-Za-z0-9_-]{1,80}$/u.test(runId)) throw new PolyseekError('INVALID_INPUT', `not a run id: ${runId}`);
    let text: string;
    try {
      text = await readFile(join(this.runsDir, `${runId}.json`), 'utf8');
    } catch {
      throw new PolyseekError('INVALID_INPUT', `no evaluation run ${runId}`);
    }
    const raw = JSON.parse(text) as { input: unknown; report: unknown };
    const saved = { input: EvalRunInputSchema.parse(raw.input), report: EvalReportSchema.parse(raw.report) };
    // A run saved as running by a process that is gone was interrupted: it can be resumed.
    const { summary } = saved.report;
    if ((summary.state === 'running' || summary.state === 'queued') && this.current?.runId !== runId) {
      summary.state = 'paused';
    }
    return saved;
  }

  private emit(summary: EvalRunSummary, force = false): void {
    const now = performance.now();
    if (!force && now - this.lastEmit < PROGRESS_INTERVAL_MS) return;
    this.lastEmit = now;
    this.options.emit?.({ name: 'eval.progress', payload: { ...summary, encodeMs: { ...summary.encodeMs } } });
  }
}

function emptyCell(id: string, config: EvalCellConfig): EvalCell {
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

function skip(cell: EvalCell, code: ResultError['code'], message: string): void {
  Object.assign(cell, { state: 'skipped', problem: { code, message } });
}

/** The done cell with the best nDCG@10; ties: higher Recall@100, then fewer dims (cheaper). */
export function bestCell(cells: readonly EvalCell[]): string | null {
  const done = cells.filter((c) => c.state === 'done' && c.mean);
  done.sort(
    (a, b) =>
      (b.mean?.ndcg10 ?? 0) - (a.mean?.ndcg10 ?? 0) ||
      (b.mean?.recall100 ?? 0) - (a.mean?.recall100 ?? 0) ||
      (a.config.dims ?? 0) - (b.config.dims ?? 0),
  );
  return done[0]?.id ?? null;
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

function asResultError(error: unknown): ResultError {
  return error instanceof PolyseekError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: errorMessage(error) };
}

function stripUndefined<T extends object>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
