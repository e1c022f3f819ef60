import { join } from 'node:path';

import {
  EvalReportSchema,
  EvalRunInputSchema,
  PolyseekError,
  type EvalCell,
  type EvalDatasetRef,
  type EvalReport,
  type EvalRunInput,
  type EvalRunSummary,
  type ModelStatus,
  type Precision,
  type Settings,
  type TestSet,
} from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import type { EventSink } from '../handlers';
import { JobFiles, JobSlot, newJobId, ProgressThrottle } from '../jobs/background-job';
import { checkIndexedFile, type FileCheckStore } from '../search/open-file';
import type { SearchStore } from '../search/ports';
import { Searcher } from '../search/searcher';
import type { IndexStore } from '../store/index-store';
import {
  asResultError,
  emptyCell,
  loadEvalDataset,
  prepareVectors,
  runCell,
  type CellContext,
  type Loaded,
  type Saved,
} from './cell-work';
import { openCorpusStore } from './corpus-store';
import { completeGrid, expandGrid, passageKey } from './grid';
import { judge, listTestSets } from './testsets';

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

/**
 * The evaluation lab's engine: runs a grid of settings over a labelled dataset through the real search
 * pipeline, saving after every cell so a run survives a restart and resumes where it stopped
 * (`<dataDir>/eval/runs/<runId>.json`). One run at a time: runs share the encoder with indexing.
 */
export class EvalRunner {
  private readonly slot = new JobSlot();
  private readonly files: JobFiles;
  private readonly progress: ProgressThrottle<EvalRunSummary>;

  constructor(private readonly options: EvalRunnerOptions) {
    this.files = new JobFiles(join(options.dataDir, 'eval', 'runs'), 'evaluation run');
    this.progress = new ProgressThrottle((summary) =>
      options.emit?.({ name: 'eval.progress', payload: { ...summary, encodeMs: { ...summary.encodeMs } } }),
    );
  }

  /** Validates the dataset and grid, saves the run and starts it in the background. */
  async start(input: EvalRunInput): Promise<EvalRunSummary> {
    this.assertIdle();
    const grid = completeGrid(input.grid, this.options.getSettings());
    const cells = expandGrid(grid);
    const loaded = await this.load(input.dataset);
    const report: EvalReport = {
      summary: {
        runId: newJobId(),
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
        revision: 0,
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
    return this.slot.cancel(runId);
  }

  async runs(): Promise<EvalRunSummary[]> {
    const out: EvalRunSummary[] = [];
    for (const id of await this.files.ids()) {
      const saved = await this.read(id).catch(() => null);
      if (saved) out.push(saved.report.summary);
    }
    return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  }

  async report(runId: string): Promise<EvalReport> {
    return (await this.read(runId)).report;
  }

  /** Waits for the running run (tests, the CLI). */
  idle(): Promise<void> {
    return this.slot.idle();
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

  dispose(): Promise<void> {
    return this.slot.dispose();
  }

  private assertIdle(): void {
    this.slot.assertFree((id) => `evaluation run ${id} is running; cancel it or wait for it to finish`);
  }

  private launch(saved: Saved, loaded: Loaded): void {
    const summary = saved.report.summary;
    this.slot.launch(summary.runId, (signal) => this.execute(saved, loaded, signal), {
      ended: async (error, aborted) => {
        if (error === null) return;
        summary.state = aborted ? 'cancelled' : 'failed';
        summary.error = aborted ? null : asResultError(error);
        summary.activity = null;
        summary.finishedAt = new Date().toISOString();
        for (const cell of saved.report.cells) if (cell.state === 'running') cell.state = 'pending';
        // A stopped run's report still says which model made its numbers (synthetic ones are no quality).
        saved.report.model ??= await this.modelInfo();
      },
      save: () => this.save(saved),
      announce: () => this.emit(summary, true),
    });
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
    // Saved at once, so a report read now says running, not queued.
    await this.save(saved);
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
            await prepareVectors(this.cellContext(summary), first.config, cells, corpus, loaded, summary, signal);
          } catch (error) {
            if (signal.aborted) throw error;
            for (const cell of cells) {
              if (cell.state !== 'pending') continue;
              Object.assign(cell, { state: 'failed', problem: asResultError(error) });
              summary.done += loaded.qrels.size;
            }
            // The group's documents will not be encoded: their share of the work is over too.
            if (loaded.beir) summary.done = Math.min(summary.total, summary.done + loaded.documents);
            await this.save(saved);
            continue;
          }
        }
        for (const cell of cells) {
          // Skipped or failed while preparing: counted there.
          if (cell.state !== 'pending') continue;
          await runCell(this.cellContext(summary), cell, searcher, loaded, saved, signal);
          summary.cellsDone = report.cells.filter((c) => c.state === 'done').length;
          report.bestCellId = bestCell(report.cells);
          await this.save(saved);
        }
      }
      report.bestCellId = bestCell(report.cells);
      report.model = await this.modelInfo();
      Object.assign(summary, {
        state: 'done',
        activity: null,
        finishedAt: new Date().toISOString(),
        done: summary.total,
      });
    } finally {
      if (searcher !== this.options.indexSearcher) await searcher.dispose();
      if (corpus) await corpus.close();
    }
  }

  private load(ref: EvalDatasetRef): Promise<Loaded> {
    return loadEvalDataset(ref, this.options.dataDir, this.options.indexStore);
  }

  private cellContext(summary: EvalRunSummary): CellContext {
    return { options: this.options, progress: (force) => this.emit(summary, force) };
  }

  private async modelInfo(): Promise<EvalReport['model']> {
    try {
      const encoder = await this.options.encoder(this.options.getSettings().encoder.precision);
      return { dir: this.options.modelDir(), synthetic: encoder.config.synthetic?.preset ?? null };
    } catch {
      return null;
    }
  }

  private save(saved: Saved): Promise<void> {
    return this.files.save(saved.report.summary.runId, saved);
  }

  private async read(runId: string): Promise<Saved> {
    const raw = (await this.files.load(runId)) as { input: unknown; report: unknown };
    const saved = { input: EvalRunInputSchema.parse(raw.input), report: EvalReportSchema.parse(raw.report) };
    // A run saved as running by a process that is gone was interrupted: it can be resumed.
    const { summary } = saved.report;
    if ((summary.state === 'running' || summary.state === 'queued') && !this.slot.isLive(runId)) {
      summary.state = 'paused';
    }
    return saved;
  }

  private emit(summary: EvalRunSummary, force = false): void {
    this.progress.emit(summary, force);
  }
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
