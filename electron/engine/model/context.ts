import type { Precision, Settings } from '../../../shared';
import type { Encoder } from '../encoder/encoder';
import type { FreeSpaceProbe } from './disk-space';
import type { ModelManifest } from './manifest';
import type { ModelRecordStore } from './model-record';

/** Where the model folder in use comes from. */
export type ModelDirSource = 'option' | 'settings' | 'profile';

/** Knobs for downloads; defaults suit the real hub, tests shorten them. */
export interface NetworkOptions {
  /** Attempts after a dropped connection or a 5xx. Default 5. */
  readonly retries?: number;
  /** First wait between attempts, doubling. Default 1000 ms. */
  readonly retryDelayMs?: number;
  /** Silence after which a connection counts as dropped. Default 60 000 ms. */
  readonly idleTimeoutMs?: number;
  /** Extra trusted CA certificates (PEM) for a mirror with a private CA. */
  readonly ca?: string;
}

/** What every model job and the status need from the engine; one object, built by the ModelManager. */
export interface ModelContext {
  readonly dataDir: string;
  readonly manifest: ModelManifest;
  readonly records: ModelRecordStore;
  /** Endpoint, token and proxy variables. */
  readonly env: NodeJS.ProcessEnv;
  readonly freeSpace: FreeSpaceProbe;
  readonly network: NetworkOptions;
  getSettings(): Settings;
  /** The folder the encoder loads from now. */
  modelDir(): { readonly dir: string; readonly source: ModelDirSource };
  /** The folder Polyseek owns: downloads and copies go here unless another folder is in use. */
  profileDir(): string;
  /** The engine's encoder for a precision (the licence gate applies). */
  encoder(precision: Precision): Promise<Encoder>;
  /** Drops loaded encoders of a folder whose files changed, so the next use loads them afresh. */
  releaseEncoders(dir: string): Promise<void>;
  /** Records settings `model.dir` through whoever owns the settings file (null: the profile's folder). */
  setModelDir(dir: string | null): Promise<void>;
  /** Resolves once the fingerprints being taken after first loads are stored. */
  firstLoadsSettled(): Promise<void>;
}
