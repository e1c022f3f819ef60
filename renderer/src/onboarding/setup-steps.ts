import type { ModelJob, ModelStatus, Precision } from '../../../shared';

/** The first-run guide, in order: accept the licence, get the model, add a folder. */
export const STEP_IDS = ['licence', 'model', 'folder'] as const;
export type StepId = (typeof STEP_IDS)[number];

/** `unknown`: its state could not be read (yet); it is neither nagged about nor counted as done. */
export type StepState = 'done' | 'todo' | 'working' | 'unknown';

export interface SetupStep {
  readonly id: StepId;
  readonly state: StepState;
}

/**
 * Where the model stands, as the guide explains it. A returning person gets the reason their model
 * stopped working (`gone`, `partial`, `damaged`…) rather than the first-run wording.
 */
export type ModelSituation =
  | { readonly kind: 'unknown' }
  | { readonly kind: 'ready'; readonly variant: Precision; readonly verified: boolean }
  /** A download, locate or quantize job runs: the step is under way. */
  | { readonly kind: 'working'; readonly job: ModelJob }
  /** No file of it anywhere, and no sign it was ever here: a first setup. */
  | { readonly kind: 'absent' }
  /** It was here (a fingerprint was taken, a folder located) and its files are gone: moved, deleted, unplugged. */
  | { readonly kind: 'gone'; readonly dir: string; readonly dirSource: ModelStatus['dirSource'] }
  /** Some of the selected variant's files are here: an interrupted download, which downloading resumes. */
  | { readonly kind: 'partial'; readonly variant: Precision; readonly present: number; readonly needed: number }
  /** Files that fail their size or hash check. */
  | { readonly kind: 'damaged'; readonly variant: Precision; readonly files: readonly string[] }
  /** The files are intact but the model answers differently from when it was first loaded. */
  | { readonly kind: 'fingerprint'; readonly variant: Precision }
  /** The selected variant is missing while another is complete (say int8 deleted, fp32 still here). */
  | { readonly kind: 'other-variant'; readonly selected: Precision; readonly available: Precision };

const DAMAGED = new Set(['mismatch', 'wrong-size']);

/** Reads `model.status` (null while it cannot be read) into the situation the guide explains. */
export function modelSituation(status: ModelStatus | null): ModelSituation {
  if (!status) return { kind: 'unknown' };
  if (status.job?.state === 'running' && status.job.kind !== 'verify') return { kind: 'working', job: status.job };
  const selected = status.precision;
  const needed = status.files.filter((f) => !f.optional && (f.variants.length === 0 || f.variants.includes(selected)));
  const damaged = needed.filter((f) => DAMAGED.has(f.check)).map((f) => f.path);
  if (damaged.length > 0) return { kind: 'damaged', variant: selected, files: damaged };
  const variant = status.variants.find((v) => v.variant === selected);
  if (variant?.complete) {
    const fingerprint = status.fingerprints.find((f) => f.variant === selected);
    if (fingerprint?.state === 'mismatch') return { kind: 'fingerprint', variant: selected };
    return { kind: 'ready', variant: selected, verified: variant.verified };
  }
  const other = status.variants.find((v) => v.complete);
  if (other) return { kind: 'other-variant', selected, available: other.variant };
  const present = needed.filter((f) => f.bytes !== null).length;
  if (present > 0) return { kind: 'partial', variant: selected, present, needed: needed.length };
  // Fingerprints and the int8 check are taken only after the model ran here; a folder chosen by
  // settings or at start-up was there when chosen.
  const wasHere = status.fingerprints.length > 0 || status.int8 !== null || status.dirSource !== 'profile';
  return wasHere ? { kind: 'gone', dir: status.dir, dirSource: status.dirSource } : { kind: 'absent' };
}

export interface SetupFacts {
  readonly licenceAccepted: boolean;
  readonly model: ModelSituation;
  /** Folders to index, or null while settings cannot be read. */
  readonly rootCount: number | null;
}

/** What is done and what is left, derived every time from the engine's state, never from a stored flag. */
export function setupSteps(facts: SetupFacts): readonly SetupStep[] {
  return [
    { id: 'licence', state: facts.licenceAccepted ? 'done' : 'todo' },
    { id: 'model', state: modelStepState(facts.model) },
    { id: 'folder', state: facts.rootCount === null ? 'unknown' : facts.rootCount > 0 ? 'done' : 'todo' },
  ];
}

function modelStepState(model: ModelSituation): StepState {
  if (model.kind === 'unknown') return 'unknown';
  if (model.kind === 'ready') return 'done';
  return model.kind === 'working' ? 'working' : 'todo';
}

/** Steps still to do (one under way counts: it may yet fail). */
export function stepsLeft(steps: readonly SetupStep[]): number {
  return steps.filter((step) => step.state === 'todo' || step.state === 'working').length;
}

/**
 * The step the guide opens at: the first not done and not skipped in this visit (one whose state could
 * not be read opens too, showing why); null when none is left.
 */
export function firstOpenStep(steps: readonly SetupStep[], skipped: ReadonlySet<StepId> = new Set()): StepId | null {
  return steps.find((step) => step.state !== 'done' && !skipped.has(step.id))?.id ?? null;
}

/** After `id` is finished or skipped: the next step that is not done, or null (the guide ends). */
export function stepAfter(id: StepId, steps: readonly SetupStep[]): StepId | null {
  const index = steps.findIndex((step) => step.id === id);
  return steps.slice(index + 1).find((step) => step.state !== 'done')?.id ?? null;
}

/** 1-based position, for "Step 2 of 3". */
export function stepNumber(id: StepId): number {
  return STEP_IDS.indexOf(id) + 1;
}
