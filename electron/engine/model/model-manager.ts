import { join } from 'node:path';

import {
  PolyseekError,
  type DownloadVariant,
  type ModelJob,
  type ModelLocateInput,
  type ModelStatus,
  type ModelVerifyInput,
  type Precision,
  type Settings,
} from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import type { EventSink, Handlers } from '../handlers';
import type { ModelContext, ModelDirSource, NetworkOptions } from './context';
import { statfsFreeSpace, type FreeSpaceProbe } from './disk-space';
import { planDownload, runDownload } from './download-job';
import { takeFingerprint } from './fingerprint';
import { JobLock } from './job-lock';
import { ModelJobs } from './jobs';
import { planLocate, runLocate } from './locate-job';
import { SHIPPED_MANIFEST, type ModelManifest } from './manifest';
import { modelRecordPath, modelsRoot, profileModelDir } from './model-paths';
import { ModelRecordStore } from './model-record';
import { modelStatus } from './model-status';
import { loadQuantizer, planQuantize, runQuantize, type QuantizeToInt8 } from './quantize-job';
import { planVerify, runVerify } from './verify-job';

export type ModelCommand =
  'model.status' | 'model.download' | 'model.cancel' | 'model.locate' | 'model.verify' | 'model.quantize';

export interface ModelManagerOptions {
  /** Profile folder: the model record, the job lock and the profile's own model folder live under it. */
  readonly dataDir: string;
  readonly getSettings: () => Settings;
  /** The folder in use now and why. */
  readonly modelDir: () => { readonly dir: string; readonly source: ModelDirSource };
  /** The engine's encoder loader (licence gate included). */
  readonly encoder: (precision: Precision) => Promise<Encoder>;
  /** Disposes loaded encoders of a folder whose files changed. */
  readonly releaseEncoders: (dir: string) => Promise<void>;
  /** Persists settings `model.dir`; without it `model.locate` is refused (the host cannot write settings). */
  readonly setModelDir?: (dir: string | null) => Promise<void>;
  readonly emit?: EventSink;
  /** Default: models/manifest.json as shipped. */
  readonly manifest?: ModelManifest;
  /** Endpoint, token and proxy variables. Default `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /** Default: `fs.statfs`. */
  readonly freeSpace?: FreeSpaceProbe;
  readonly network?: NetworkOptions;
  /** Default: electron/engine/model/quantize, loaded on first use. */
  readonly quantize?: QuantizeToInt8;
}

/**
 * Model management for one profile: status, and the background jobs (download, locate, verify,
 * quantize) that run one at a time and report through `model.progress`. Also records each variant's
 * fingerprint the first time the engine loads it.
 */
export class ModelManager {
  readonly context: ModelContext;
  private readonly jobs: ModelJobs;
  private readonly firstLoads = new Map<string, Promise<void>>();

  constructor(private readonly options: ModelManagerOptions) {
    const manifest = options.manifest ?? SHIPPED_MANIFEST;
    const profileDir = profileModelDir(options.dataDir, manifest.folderName);
    this.context = {
      dataDir: options.dataDir,
      manifest,
      records: new ModelRecordStore(modelRecordPath(options.dataDir, manifest.folderName), manifest.id),
      env: options.env ?? process.env,
      freeSpace: options.freeSpace ?? statfsFreeSpace,
      network: options.network ?? {},
      getSettings: options.getSettings,
      modelDir: options.modelDir,
      profileDir: () => profileDir,
      encoder: options.encoder,
      releaseEncoders: options.releaseEncoders,
      setModelDir: async (dir) => {
        if (!options.setModelDir) throw new PolyseekError('INTERNAL', 'this host cannot record settings model.dir');
        await options.setModelDir(dir);
      },
      firstLoadsSettled: async () => void (await Promise.all(this.firstLoads.values())),
    };
    const lock = new JobLock(join(modelsRoot(options.dataDir), '.polyseek-job.lock'));
    this.jobs = new ModelJobs({ lock, ...(options.emit ? { emit: options.emit } : {}) });
  }

  status(): Promise<ModelStatus> {
    return modelStatus(this.context, this.jobs.current());
  }

  async download(variant: DownloadVariant): Promise<ModelStatus> {
    this.refuseWhileRunning();
    const plan = await planDownload(this.context, variant);
    await this.jobs.start('download', variant, runDownload(this.context, plan));
    return this.status();
  }

  async locate(input: ModelLocateInput): Promise<ModelStatus> {
    this.refuseWhileRunning();
    if (!this.options.setModelDir) {
      throw new PolyseekError('INTERNAL', 'model.locate needs a host that owns the settings file');
    }
    const plan = await planLocate(this.context, input);
    await this.jobs.start('locate', null, runLocate(this.context, plan));
    return this.status();
  }

  async verify(input: ModelVerifyInput): Promise<ModelStatus> {
    this.refuseWhileRunning();
    const plan = await planVerify(this.context, input);
    await this.jobs.start('verify', input.variant ?? null, runVerify(this.context, plan));
    return this.status();
  }

  async quantize(): Promise<ModelStatus> {
    this.refuseWhileRunning();
    const { dir } = await planQuantize(this.context);
    const quantize = this.options.quantize ?? (await loadQuantizer());
    await this.jobs.start('quantize', 'int8', runQuantize(this.context, dir, quantize));
    return this.status();
  }

  async cancel(): Promise<ModelStatus> {
    if (this.jobs.cancel()) await this.jobs.wait();
    return this.status();
  }

  /** The running job's end (for the CLI, which waits in-process); the last job when none runs. */
  waitForJob(): Promise<ModelJob | null> {
    return this.jobs.wait();
  }

  /**
   * Called by the engine after an encoder loads: the first load of each variant takes its fingerprint,
   * the reference later verifications compare with. Never fails the load that triggered it.
   */
  recordFirstLoad(precision: Precision, encoder: Encoder, dir: string): void {
    const key = JSON.stringify([dir, precision]);
    if (this.firstLoads.has(key)) return;
    const work = (async () => {
      if ((await this.context.records.read()).fingerprints[precision]) return;
      const fingerprint = await takeFingerprint(encoder);
      const recordedAt = new Date().toISOString();
      await this.context.records.update((record) => {
        record.fingerprints[precision] ??= { recordedAt, dir, ...fingerprint };
      });
    })().catch(() => undefined);
    this.firstLoads.set(key, work);
  }

  handlers(): Pick<Handlers, ModelCommand> {
    return {
      'model.status': () => this.status(),
      'model.download': (input) => this.download(input.variant),
      'model.cancel': () => this.cancel(),
      'model.locate': (input) => this.locate(input),
      'model.verify': (input) => this.verify(input),
      'model.quantize': () => this.quantize(),
    };
  }

  /** Cancels a running job and waits for it and for first-load fingerprints to settle. */
  async dispose(): Promise<void> {
    await this.jobs.dispose();
    await this.context.firstLoadsSettled();
  }

  private refuseWhileRunning(): void {
    const job = this.jobs.isRunning() ? this.jobs.current() : null;
    if (this.jobs.isRunning()) {
      throw new PolyseekError(
        'JOB_RUNNING',
        `a model ${job?.kind ?? 'job'} is running${job ? ` (since ${job.startedAt})` : ''}; cancel it or wait for it`,
      );
    }
  }
}
