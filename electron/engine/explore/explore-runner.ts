import { join } from 'node:path';

import {
  DupesInputSchema,
  ExploreJobSummarySchema,
  MODEL_ID,
  PolyseekError,
  TopicsInputSchema,
  type DupesInput,
  type ExploreJobSummary,
  type ExploreKind,
  type ExplorePair,
  type ExplorePoints,
  type ExploreReport,
  type ModelStatus,
  type Precision,
  type Settings,
  type Task,
  type TopicsInput,
} from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import { asResultError } from '../eval/cell-work';
import type { EventSink } from '../handlers';
import { weightsChecksum } from '../indexer/model-access';
import { JobFiles, JobSlot, newJobId, ProgressThrottle } from '../jobs/background-job';
import { IndexStore } from '../store/index-store';
import type { Provenance } from '../store/types';
import { exactOnly, pairDetail, runDupes } from './dupes';
import { encodeMissing } from './encode-passages';
import { resolveScope, type ResolvedScope } from './scope';
import { runTopics } from './topics';
import type { DupesOutcome, DupesSettings, ExploreWork, TopicsOutcome, TopicsSettings } from './work';

export interface ExploreRunnerOptions {
  readonly dataDir: string;
  readonly getSettings: () => Settings;
  readonly encoder: (precision?: Precision) => Promise<Encoder>;
  readonly modelStatus: () => Promise<ModelStatus>;
  /** The person's index (Explore reads and adds vector sets; it never changes files or chunks). */
  readonly indexStore: () => Promise<unknown>;
  readonly chunkerVersion: () => Promise<number>;
  readonly emit?: EventSink;
}

/** What a job's file holds: its summary, and once done its report with what the follow-up commands read. */
type SavedJob =
  | { summary: ExploreJobSummary; kind: 'dupes'; outcome: DupesOutcome | null; synthetic: string | null }
  | { summary: ExploreJobSummary; kind: 'topics'; outcome: TopicsOutcome | null; synthetic: string | null };

export const DEFAULT_DUPES: DupesSettings = { threshold: null, minShare: 0.5 };
export const DEFAULT_TOPICS: TopicsSettings = { k: null, seed: 1, passagesPerFile: 8, terms: 6 };
const TASKS: Record<ExploreKind, Task> = { dupes: 'text-matching', topics: 'separation' };

/**
 * Explore's jobs (duplicates, topics): one at a time, in the background, with progress events, cancel,
 * and results saved under `<dataDir>/explore/jobs/<jobId>.json`. Each job first encodes the passages
 * of its scope that lack a vector for its adapter (stored as their own vector set, so the next job — or
 * the same one after a cancel — encodes only what is new), then hands them to its computation.
 */
export class ExploreRunner {
  private readonly slot = new JobSlot();
  private readonly files: JobFiles;
  private readonly progress: ProgressThrottle<ExploreJobSummary>;
  /** The last job read for `explore.points` / `explore.pair` (pages of one map are read in a row). */
  private cached: SavedJob | null = null;
  /** The job running in this process, as it stands in memory (its file is written at start and end), until its last save. */
  private current: SavedJob | null = null;

  constructor(private readonly options: ExploreRunnerOptions) {
    this.files = new JobFiles(join(options.dataDir, 'explore', 'jobs'), 'Explore job');
    this.progress = new ProgressThrottle((summary) =>
      options.emit?.({ name: 'explore.progress', payload: { ...summary } }),
    );
  }

  dupes(input: DupesInput): Promise<ExploreJobSummary> {
    return this.start('dupes', DupesInputSchema.parse(input));
  }

  topics(input: TopicsInput): Promise<ExploreJobSummary> {
    return this.start('topics', TopicsInputSchema.parse(input));
  }

  cancel(jobId: string): boolean {
    return this.slot.cancel(jobId);
  }

  /** Waits for the running job (tests, the CLI). */
  idle(): Promise<void> {
    return this.slot.idle();
  }

  async jobs(): Promise<ExploreJobSummary[]> {
    const out: ExploreJobSummary[] = [];
    for (const id of await this.files.ids()) {
      const saved = await this.read(id).catch(() => null);
      if (saved) out.push(saved.summary);
    }
    return out.sort((a, b) => b.startedAt.localeCompare(a.startedAt) || b.jobId.localeCompare(a.jobId));
  }

  async report(jobId: string): Promise<ExploreReport> {
    const saved = await this.read(jobId);
    if (saved.kind === 'dupes') {
      const dupes = saved.outcome ? { ...saved.outcome.report, synthetic: saved.synthetic } : null;
      return { kind: 'dupes', summary: saved.summary, dupes };
    }
    const topics = saved.outcome ? { ...saved.outcome.report, synthetic: saved.synthetic } : null;
    return { kind: 'topics', summary: saved.summary, topics };
  }

  async points(jobId: string, offset = 0, limit = 20_000): Promise<ExplorePoints> {
    const saved = await this.finished(jobId, 'topics');
    const all = saved.kind === 'topics' ? (saved.outcome?.points ?? []) : [];
    const points = all.slice(offset, offset + limit);
    const next = offset + points.length < all.length ? offset + points.length : null;
    return { points, total: all.length, next };
  }

  async pair(jobId: string, a: string, b: string): Promise<ExplorePair> {
    const saved = await this.finished(jobId, 'dupes');
    if (saved.kind !== 'dupes' || !saved.outcome)
      throw new PolyseekError('INTERNAL', 'a duplicates job without results');
    return pairDetail(await this.store(), saved.outcome, a, b);
  }

  dispose(): Promise<void> {
    return this.slot.dispose();
  }

  private async start(kind: ExploreKind, input: DupesInput | TopicsInput): Promise<ExploreJobSummary> {
    this.slot.assertFree((id) => `Explore job ${id} is running; cancel it or wait for it to finish`);
    // A bad scope is the caller's mistake: said now, not as a failed job.
    const scope = await resolveScope(await this.store(), this.options.getSettings(), input.scope);
    if (scope.files.length === 0) {
      throw new PolyseekError('FILE_NOT_INDEXED', `no indexed files with text in ${scope.description} yet`);
    }
    const summary: ExploreJobSummary = {
      jobId: newJobId(),
      kind,
      input,
      state: 'queued',
      activity: null,
      done: 0,
      total: 0,
      files: scope.files.length,
      encoded: 0,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      error: null,
      revision: 0,
    };
    const saved: SavedJob =
      kind === 'dupes'
        ? { summary, kind, outcome: null, synthetic: null }
        : { summary, kind, outcome: null, synthetic: null };
    await this.save(saved);
    this.current = saved;
    this.slot.launch(summary.jobId, (signal) => this.execute(saved, scope, signal), {
      ended: (error, aborted) => {
        if (error === null) Object.assign(summary, { state: 'done', done: summary.total });
        else
          Object.assign(summary, {
            state: aborted ? 'cancelled' : 'failed',
            error: aborted ? null : asResultError(error),
          });
        Object.assign(summary, { activity: null, finishedAt: new Date().toISOString() });
      },
      save: async () => {
        await this.save(saved);
        // The file says all there is now.
        if (this.current === saved) this.current = null;
      },
      announce: () => this.emit(summary, true),
    });
    return { ...summary };
  }

  private async execute(saved: SavedJob, scope: ResolvedScope, signal: AbortSignal): Promise<void> {
    const { summary } = saved;
    const store = await this.store();
    summary.state = 'running';
    summary.activity = 'loading the model';
    this.emit(summary, true);
    const settings = this.options.getSettings();
    let encoder: Encoder;
    try {
      encoder = await this.options.encoder(settings.encoder.precision);
    } catch (error) {
      if (saved.kind !== 'dupes' || signal.aborted) throw error;
      // Exact copies need no model: found all the same, with the reason the rest is missing.
      const dupes = withDefaults(DEFAULT_DUPES, DupesInputSchema.parse(saved.summary.input));
      saved.outcome = exactOnly(scope.files, dupes, asResultError(error));
      return;
    }
    const task = TASKS[saved.kind];
    const provenance: Provenance = {
      modelId: MODEL_ID,
      modelChecksum: await weightsChecksum(encoder, this.options.modelStatus),
      precision: encoder.precision,
      task,
      // Only tasks with an instruction in config.json are affected by the prefix setting.
      prefix: encoder.config.instructions.has(task) ? settings.encoder.instructionPrefix : false,
      dims: encoder.config.hiddenSize,
      chunkerVersion: await this.options.chunkerVersion(),
    };
    const topics =
      saved.kind === 'topics' ? withDefaults(DEFAULT_TOPICS, TopicsInputSchema.parse(saved.summary.input)) : null;
    // Topics encode a document's first passages only (they stand for it); duplicates need every passage.
    const encodeWhere = topics ? joinWhere(scope.where, `ordinal < ${topics.passagesPerFile}`) : scope.where;
    const wanted = scope.files.reduce(
      (n, file) => n + (topics ? Math.min(file.chunkCount, topics.passagesPerFile) : file.chunkCount),
      0,
    );
    const toEncode = Math.max(0, wanted - (await store.vectorRowCount(provenance, scope.where)));
    const label = `${task}, ${provenance.precision}`;
    Object.assign(summary, { total: toEncode, activity: `checking the passages' ${task} vectors` });
    this.emit(summary, true);
    summary.encoded = await encodeMissing(store, encoder, provenance, {
      where: encodeWhere,
      signal,
      onProgress: ({ encoded }) => {
        summary.encoded = encoded;
        summary.total = Math.max(summary.total, encoded);
        summary.done = encoded;
        summary.activity = `encoding passages (${label}): ${encoded} of ${summary.total}`;
        this.emit(summary);
      },
    });
    const encodedUnits = summary.done;
    const work: ExploreWork = {
      store,
      provenance,
      files: scope.files,
      where: scope.where,
      signal,
      progress: (done, total, activity) => {
        summary.done = encodedUnits + done;
        summary.total = encodedUnits + total;
        summary.activity = activity;
        this.emit(summary);
      },
    };
    const synthetic = encoder.config.synthetic?.preset ?? null;
    if (saved.kind === 'dupes') {
      saved.outcome = await runDupes(work, withDefaults(DEFAULT_DUPES, DupesInputSchema.parse(saved.summary.input)));
    } else if (topics) {
      saved.outcome = await runTopics(work, topics);
    }
    saved.synthetic = synthetic;
  }

  private async store(): Promise<IndexStore> {
    const store = await this.options.indexStore();
    // Explore reads vector tables directly: it needs the LanceDB index, not a test double of it.
    if (!(store instanceof IndexStore)) throw new PolyseekError('INTERNAL', 'Explore needs the LanceDB index store');
    return store;
  }

  private async finished(jobId: string, kind: ExploreKind): Promise<SavedJob> {
    const saved = this.cached?.summary.jobId === jobId ? this.cached : await this.read(jobId);
    if (saved.kind !== kind)
      throw new PolyseekError('INVALID_INPUT', `job ${jobId} is a ${saved.kind} job, not ${kind}`);
    if (saved.summary.state !== 'done' || !saved.outcome) {
      throw new PolyseekError('INVALID_INPUT', `job ${jobId} has no results (it is ${saved.summary.state})`);
    }
    this.cached = saved;
    return saved;
  }

  private save(saved: SavedJob): Promise<void> {
    return this.files.save(saved.summary.jobId, saved);
  }

  private async read(jobId: string): Promise<SavedJob> {
    // Started by this process: what is in memory is never older than its file (saved at start and end only),
    // so a page opened mid-job sees the progress, and one reading right as the job ends sees its results.
    const current = this.current;
    if (current?.summary.jobId === jobId) return { ...current, summary: { ...current.summary } };
    const raw = (await this.files.load(jobId)) as SavedJob;
    const summary = ExploreJobSummarySchema.parse(raw.summary);
    // Saved as running by a process that is gone: interrupted. Running it again continues the encoding.
    if ((summary.state === 'running' || summary.state === 'queued') && !this.slot.isLive(jobId)) {
      Object.assign(summary, {
        state: 'cancelled',
        activity: null,
        error: { code: 'CANCELLED', message: 'interrupted when Polyseek stopped; run it again to continue' },
      });
    }
    return { ...raw, summary };
  }

  private emit(summary: ExploreJobSummary, force = false): void {
    this.progress.emit(summary, force);
  }
}

/** The settings with the input's given values over them (the scope is not a setting). */
function withDefaults<S extends Record<string, unknown>>(defaults: S, input: object): S {
  const out: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(input)) {
    if (key !== 'scope' && value !== undefined && key in defaults) out[key] = value;
  }
  return out as S;
}

function joinWhere(where: string | undefined, extra: string): string {
  return where ? `(${where}) AND ${extra}` : extra;
}
