import type { IndexJob, IndexProvenance, IndexStatus, Settings } from '../../../../shared';

/** Fields of a provenance, in the order a difference is worth naming. */
const FIELDS = ['task', 'prefix', 'dims', 'precision', 'modelChecksum', 'chunkerVersion', 'modelId'] as const;

export type ProvenanceField = (typeof FIELDS)[number];

/** Where a re-embed stands: which vectors serve, which are being made, and whether a job is on it. */
export type ReembedState =
  | { readonly kind: 'none' }
  | {
      readonly kind: 'reembedding';
      readonly serving: IndexProvenance;
      /** Null while the encoder has not loaded since the settings changed (then its checksum is unknown). */
      readonly making: IndexProvenance | null;
      readonly changed: readonly ProvenanceField[];
      /** Files without the new vectors, out of the files that lacked them when the job began. */
      readonly left: number;
      readonly total: number;
      readonly job: 'running' | 'paused' | 'waiting' | 'stopped';
      /** Why the model cannot make them now (`waiting`). */
      readonly why: string | null;
    };

/** The fields two provenances differ in; empty when their vectors are interchangeable. */
export function provenanceChanges(a: IndexProvenance, b: IndexProvenance): ProvenanceField[] {
  return FIELDS.filter((field) => a[field] !== b[field]);
}

/**
 * Is the index being re-embedded? Yes when the vectors made now (`currentProvenance`) differ from the
 * serving ones; before the encoder has loaded, when the saved adapter, prefix or variant differ from the
 * serving vectors (dims are left out: a narrow model stores its own width whatever the setting).
 */
export function reembedState(status: IndexStatus, job: IndexJob | null, settings: Settings | null): ReembedState {
  const serving = status.activeProvenance;
  if (!serving) return { kind: 'none' };
  const making = status.currentProvenance;
  let changed: ProvenanceField[];
  if (making) changed = provenanceChanges(serving, making);
  else if (settings) {
    const e = settings.encoder;
    changed = [
      ...(e.passageTask !== serving.task ? (['task'] as const) : []),
      ...(e.instructionPrefix !== serving.prefix ? (['prefix'] as const) : []),
      ...(e.precision !== serving.precision ? (['precision'] as const) : []),
    ];
  } else changed = [];
  if (changed.length === 0) return { kind: 'none' };

  const live = job !== null && (job.state === 'running' || job.state === 'paused');
  const embedding = live && job.phase === 'embedding';
  const left = embedding ? job.filesAwaitingVectors : status.filesAwaitingVectors;
  const total = embedding && job.vectorFilesTotal > 0 ? job.vectorFilesTotal : status.totals.indexed;
  const why = status.modelProblem ?? (live ? job.modelProblem : null);
  return {
    kind: 'reembedding',
    serving,
    making,
    changed,
    left,
    total,
    job: live && !job.modelProblem ? (job.state === 'paused' ? 'paused' : 'running') : why ? 'waiting' : 'stopped',
    why,
  };
}
