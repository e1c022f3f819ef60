import { AbsolutePathSchema, type DupesInput, type ExploreScope, type TopicsInput } from '../../../../shared';

/** Which files a job looks at, as the form holds it (strings as typed). */
export interface ScopeDraft {
  readonly kind: 'all' | 'root' | 'folder';
  /** The chosen root (kind `root`). */
  readonly root: string;
  /** An absolute folder inside a root (kind `folder`). */
  readonly folder: string;
}

export const INITIAL_SCOPE: ScopeDraft = { kind: 'all', root: '', folder: '' };

/** What is wrong with a draft, per field (absent: nothing). */
export type ScopeProblem = 'root' | 'folder' | null;

export function scopeProblem(draft: ScopeDraft): ScopeProblem {
  if (draft.kind === 'root' && draft.root === '') return 'root';
  if (draft.kind === 'folder' && !AbsolutePathSchema.safeParse(draft.folder.trim()).success) return 'folder';
  return null;
}

/** The contract's scope, or undefined for every root (also while the draft has a problem). */
export function toScope(draft: ScopeDraft): ExploreScope | undefined {
  if (scopeProblem(draft)) return undefined;
  if (draft.kind === 'root') return { roots: [draft.root] };
  if (draft.kind === 'folder') return { folders: [draft.folder.trim()] };
  return undefined;
}

export const MIN_THRESHOLD = 0.5;

/**
 * A threshold as typed: empty (or "auto") → automatic (undefined: the engine takes 0.9, raised to the
 * scope's chance level); a number in [0.5, 1] → that (a comma works as the decimal mark); else null.
 */
export function parseThreshold(text: string): number | undefined | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'auto' || trimmed === 'automatic') return undefined;
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value) || value < MIN_THRESHOLD || value > 1) return null;
  return value;
}

export function dupesInput(scope: ScopeDraft, threshold: string): DupesInput | null {
  const value = parseThreshold(threshold);
  if (value === null || scopeProblem(scope)) return null;
  const chosen = toScope(scope);
  return { ...(chosen ? { scope: chosen } : {}), ...(value === undefined ? {} : { threshold: value }) };
}

export const MAX_K = 200;

/** Clusters as typed: empty or "auto" → automatic (undefined); 2–200 → that; else null (a problem). */
export function parseK(text: string): number | undefined | null {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'auto') return undefined;
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value >= 2 && value <= MAX_K ? value : null;
}

export const MAX_SEED = 2 ** 31 - 1;

/** A seed as typed: a whole number 0 … 2³¹−1, or null. Empty means the default (1). */
export function parseSeed(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '') return 1;
  if (!/^\d+$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= MAX_SEED ? value : null;
}

export function topicsInput(scope: ScopeDraft, k: string, seed: string): TopicsInput | null {
  const clusters = parseK(k);
  const seeded = parseSeed(seed);
  if (clusters === null || seeded === null || scopeProblem(scope)) return null;
  const chosen = toScope(scope);
  return {
    ...(chosen ? { scope: chosen } : {}),
    ...(clusters === undefined ? {} : { k: clusters }),
    seed: seeded,
  };
}
