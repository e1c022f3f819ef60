import type { FileCheck, ModelFileStatus, ModelJob, ModelStatus, ModelVariantStatus } from '../../../../shared';

/** 45 s, 3 min 12 s, 1 h 05 min. */
export function formatEta(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s`;
  return `${Math.floor(s / 3600)} h ${String(Math.floor((s % 3600) / 60)).padStart(2, '0')} min`;
}

/** What a file's check state means, for people; hash-unknown says how it becomes known. */
export const CHECK_LABELS: Readonly<Record<FileCheck, string>> = {
  missing: 'Missing',
  unchecked: 'Present, not checked yet',
  verified: 'Verified',
  'hash-unknown': 'Hash unknown — recorded at the first verified download',
  mismatch: 'Checksum mismatch',
  'wrong-size': 'Wrong size',
};

export type Tone = 'ok' | 'warning' | 'error' | 'muted';

export function checkTone(check: FileCheck): Tone {
  if (check === 'verified') return 'ok';
  if (check === 'mismatch' || check === 'wrong-size') return 'error';
  return check === 'missing' ? 'muted' : 'warning';
}

export function describeFileSource(file: ModelFileStatus): string {
  if (file.hashSource === 'manifest') return 'hash from the manifest';
  // The int8 files are made here, never downloaded: their hash is taken when they are made.
  if (file.hashSource === 'recorded' && file.variants.includes('int8')) return 'hash recorded when it was made here';
  if (file.hashSource === 'recorded') return 'hash recorded at the first verified download';
  return 'no reference hash yet';
}

export function variantState(variant: ModelVariantStatus): { label: string; tone: Tone } {
  if (!variant.complete) return { label: 'Not complete', tone: 'muted' };
  return variant.verified
    ? { label: 'Complete, verified', tone: 'ok' }
    : { label: 'Complete, not verified', tone: 'warning' };
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

export const JOB_TITLES: Readonly<Record<ModelJob['kind'], string>> = {
  download: 'Download',
  locate: 'Locate',
  verify: 'Verification',
  quantize: 'Quantization',
};
