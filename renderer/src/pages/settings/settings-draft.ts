import { MAX_THREADS, type Settings, type SettingsPatch } from '../../../../shared';

export type EncoderSettings = Settings['encoder'];
export type ComputeSettings = Settings['compute'];
export type SearchSettings = Settings['search'];

/** Only the fields the person touched; everything else shows the saved value. */
export interface SettingsDraft {
  readonly encoder: Partial<EncoderSettings>;
  readonly compute: Partial<ComputeSettings>;
  readonly search: Partial<SearchSettings>;
}

export const EMPTY_DRAFT: SettingsDraft = { encoder: {}, compute: {}, search: {} };

/** The patch `settings.set` needs: edited fields that differ from the saved ones, or null if none. */
export function patchFromDraft(saved: Settings, draft: SettingsDraft): SettingsPatch | null {
  const encoder = changedFields(saved.encoder, draft.encoder);
  const compute = changedFields(saved.compute, draft.compute);
  const search = changedFields(saved.search, draft.search);
  if (!encoder && !compute && !search) return null;
  return { ...(encoder && { encoder }), ...(compute && { compute }), ...(search && { search }) };
}

function changedFields<T extends object>(saved: T, edits: Partial<T>): Partial<T> | null {
  // Compared by value: `fusion` is an object, edited as a whole.
  const changed = Object.entries(edits).filter(
    ([key, value]) => JSON.stringify(value) !== JSON.stringify(saved[key as keyof T]),
  );
  return changed.length > 0 ? (Object.fromEntries(changed) as Partial<T>) : null;
}

/** Threads from the number field: a whole number 0–256, or an explanation of what is wrong. */
export function parseThreads(text: string): { readonly threads: number } | { readonly error: string } {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return { error: `Enter a whole number from 0 to ${MAX_THREADS}.` };
  const threads = Number(trimmed);
  if (threads > MAX_THREADS) return { error: `At most ${MAX_THREADS} threads.` };
  return { threads };
}
