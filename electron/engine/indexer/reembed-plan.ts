import {
  MODEL_ID,
  type EncodeSpeed,
  type Precision,
  type ReembedPlan,
  type Settings,
  type SettingsPatch,
  type VectorSetting,
} from '../../../shared';
import { storedDims } from '../encoder/model-config';
import type { Provenance, VectorSetInfo } from '../store/types';
import { speedFor } from './encode-speed';
import type { IndexStorePort } from './ports';

/** What `index.plan` knows about the index and the model; gathered by the indexer, planned here. */
export interface PlanFacts {
  readonly saved: Settings;
  readonly patch: SettingsPatch;
  readonly sets: readonly VectorSetInfo[];
  /** The vectors searches use now; null before any exist. */
  readonly active: Provenance | null;
  /** What the encoder makes under the saved settings, once loaded since they last changed. */
  readonly current: Provenance | null;
  /** Chunks in the index, and indexed files. */
  readonly chunks: number;
  readonly files: number;
  /** The model folder's Matryoshka dims and width (config.json); null when it cannot be read. */
  readonly model: { readonly dims: readonly number[]; readonly hiddenSize: number } | null;
  readonly chunkerVersion: number;
  readonly speeds: Partial<Record<Precision, EncodeSpeed>>;
}

/** What vectors depend on besides the model files: a change re-embeds in the background (or derives). */
export function vectorSettingsKey(settings: Settings): string {
  const { passageTask, instructionPrefix, dims, precision } = settings.encoder;
  return JSON.stringify([
    passageTask,
    instructionPrefix,
    dims,
    precision,
    settings.model.dir,
    settings.license !== null,
  ]);
}

/** Reads what the plan needs from the store (sets, the serving provenance, counts) and plans. */
export async function planFromStore(
  store: IndexStorePort,
  facts: Omit<PlanFacts, 'sets' | 'active' | 'chunks' | 'files'>,
): Promise<ReembedPlan> {
  const stats = await store.stats();
  return planReembed({
    ...facts,
    sets: await store.vectorSets(),
    active: await store.activeProvenance(),
    chunks: stats.chunks,
    files: stats.byStatus.indexed,
  });
}

/**
 * What saving `patch` does to the vectors. The new provenance is predicted from the settings: the same
 * weights as now when neither the variant nor the folder changes (the checksum is only known once the
 * encoder loads — a model replaced in place is caught then, and re-embedded), any stored set of the new
 * variant otherwise. A changed folder matches no stored set: its weights are unknown until loaded.
 * Mirrors the embed job: a stored set of exactly these settings is reused, a wider one with otherwise
 * equal settings is truncated (fill-vectors), the rest goes through the encoder.
 */
export function planReembed(facts: PlanFacts): ReembedPlan {
  const { saved, patch, chunks } = facts;
  const next = { ...saved.encoder, ...defined(patch.encoder) };
  const dirChanged = patch.model?.dir !== undefined && patch.model.dir !== saved.model.dir;
  const dims = facts.model ? storedDims(facts.model, next.dims) : next.dims;
  const savedDims = facts.model ? storedDims(facts.model, saved.encoder.dims) : saved.encoder.dims;
  const changed: Record<VectorSetting, boolean> = {
    passageTask: next.passageTask !== saved.encoder.passageTask,
    instructionPrefix: next.instructionPrefix !== saved.encoder.instructionPrefix,
    dims: dims !== savedDims,
    precision: next.precision !== saved.encoder.precision,
    modelDir: dirChanged,
  };
  const changes = (Object.keys(changed) as VectorSetting[]).filter((key) => changed[key]);
  const speed = speedFor(facts.speeds, next.precision);
  const base: Omit<ReembedPlan, 'action' | 'reuse' | 'deriveFrom' | 'chunksReady' | 'chunksToDerive'> = {
    changes,
    requestedDims: next.dims,
    dims,
    modelDims: facts.model ? [...facts.model.dims] : null,
    serving: facts.active,
    chunks,
    files: facts.files,
    chunksToEncode: 0,
    newSetBytes: 0,
    estimatedSeconds: null,
    speed,
  };
  if (changes.length === 0) {
    return { ...base, action: 'none', reuse: null, deriveFrom: null, chunksReady: 0, chunksToDerive: 0 };
  }

  const weights = facts.current ?? facts.active;
  const sameWeights = (p: Provenance) =>
    !dirChanged &&
    p.modelId === (weights?.modelId ?? MODEL_ID) &&
    p.precision === next.precision &&
    p.chunkerVersion === facts.chunkerVersion &&
    (weights === null || weights.precision !== p.precision || weights.modelChecksum === p.modelChecksum);
  const candidates = facts.sets
    .filter((s) => sameWeights(s.provenance))
    .filter((s) => s.provenance.task === next.passageTask && s.provenance.prefix === next.instructionPrefix);
  const reuse = candidates.filter((s) => s.provenance.dims === dims).sort((a, b) => b.rows - a.rows)[0];
  const wider = candidates
    .filter((s) => s.provenance.dims > dims)
    .sort((a, b) => a.provenance.dims - b.provenance.dims)[0];

  const chunksReady = reuse ? Math.min(reuse.rows, chunks) : 0;
  const chunksToDerive = wider ? Math.max(0, Math.min(wider.rows, chunks) - chunksReady) : 0;
  const chunksToEncode = Math.max(0, chunks - chunksReady - chunksToDerive);
  return {
    ...base,
    action: reuse ? 'reuse' : wider ? 'derive' : 'encode',
    reuse: reuse?.provenance ?? null,
    deriveFrom: wider?.provenance ?? null,
    chunksReady,
    chunksToDerive,
    chunksToEncode,
    // As index.status counts a vector set: rows × dims × 4 float bytes + rows × ⌈dims / 8⌉ code bytes.
    newSetBytes: chunks * (dims * 4 + Math.ceil(dims / 8)),
    estimatedSeconds: chunksToEncode === 0 ? 0 : speed ? chunksToEncode / speed.chunksPerSecond : null,
  };
}

function defined<T extends object>(value: T | undefined): Partial<T> {
  if (!value) return {};
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
