import type { FileCheck, ModelFileStatus, ModelJob, ModelStatus, ModelVariantStatus } from '../../../../shared';
import { formatDuration } from '../../text/common';
import { MODELS_TEXT } from '../../text/models';

/** 45 s, 3 min 12 s, 1 h 05 min (kept under this name: the Folders page shows its ETA with it too). */
export const formatEta = formatDuration;

/** What a file's check state means, for people; hash-unknown says how it becomes known. */
export const CHECK_LABELS: Readonly<Record<FileCheck, string>> = MODELS_TEXT.files.checks;

export type Tone = 'ok' | 'warning' | 'error' | 'muted';

export function checkTone(check: FileCheck): Tone {
  if (check === 'verified') return 'ok';
  if (check === 'mismatch' || check === 'wrong-size') return 'error';
  return check === 'missing' ? 'muted' : 'warning';
}

export function describeFileSource(file: ModelFileStatus): string {
  const words = MODELS_TEXT.files.sources;
  if (file.hashSource === 'manifest') return words.manifest;
  // The int8 files are made here, never downloaded: their hash is taken when they are made.
  if (file.hashSource === 'recorded' && file.variants.includes('int8')) return words.madeHere;
  if (file.hashSource === 'recorded') return words.recorded;
  return words.none;
}

export function variantState(variant: ModelVariantStatus): { label: string; tone: Tone } {
  const words = MODELS_TEXT.variants;
  if (!variant.complete) return { label: words.notComplete, tone: 'muted' };
  return variant.verified ? { label: words.verified, tone: 'ok' } : { label: words.notVerified, tone: 'warning' };
}

/** Share of the job done, 0–1, or null while the total is unknown. */
export function jobShare(job: Pick<ModelJob, 'bytes' | 'total'>): number | null {
  return job.total && job.total > 0 ? Math.min(1, job.bytes / job.total) : null;
}

/** int8 may be chosen once it exists and passed its comparison with fp32. */
export function int8Selectable(status: ModelStatus): boolean {
  const int8 = status.variants.find((v) => v.variant === 'int8');
  return Boolean(int8?.complete && status.int8?.passed);
}

export const JOB_TITLES: Readonly<Record<ModelJob['kind'], string>> = MODELS_TEXT.jobTitles;
