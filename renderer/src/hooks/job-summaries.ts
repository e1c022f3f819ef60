/* What Evaluate's runs and Explore's jobs have in common: their summaries, as events and answers bring them. */

/** States a job can still move on from by itself (progress events keep coming). */
export function isActive(summary: { readonly state: string }): boolean {
  return summary.state === 'queued' || summary.state === 'running';
}

/** Share of the work done (0–1), or null while the total is not known yet. */
export function doneShare(summary: { readonly done: number; readonly total: number }): number | null {
  return summary.total > 0 ? Math.min(1, summary.done / summary.total) : null;
}

/** A summary the engine numbers: a higher revision is a later state of the same job or run. */
export interface Revised {
  readonly revision: number;
}

/** Summaries by id. */
export type RevisionMap<T extends Revised> = ReadonlyMap<string, T>;

/**
 * The map with one summary added or replaced (a progress event, a command's answer, the saved list),
 * unless it already holds a newer one: a command's answer can reach the page after the events of work
 * that finished at once, and must not take it back to "queued". An equal revision replaces.
 */
export function withNewer<T extends Revised>(map: RevisionMap<T>, id: string, summary: T): RevisionMap<T> {
  const known = map.get(id);
  if (known && known.revision > summary.revision) return map;
  return new Map(map).set(id, summary);
}

/**
 * The saved summaries with what the page already holds where that is newer (events outrun the files),
 * except where `savedWins` says the saved one is to be believed whatever the page last heard.
 */
export function mergeNewer<T extends Revised>(
  shown: RevisionMap<T>,
  saved: readonly T[],
  idOf: (summary: T) => string,
  savedWins: (saved: T) => boolean = () => false,
): RevisionMap<T> {
  let map: RevisionMap<T> = new Map(saved.map((summary) => [idOf(summary), summary]));
  for (const summary of shown.values()) {
    const id = idOf(summary);
    const known = map.get(id);
    if (!known || !savedWins(known)) map = withNewer(map, id, summary);
  }
  return map;
}

/** What a row's Cancel button says, in each page's words. */
export interface CancelText {
  readonly cancel: string;
  readonly cancelLabel: (name: string) => string;
  /** Once asked: the job stops at its next check (a batch of passages, a cell). */
  readonly cancelling: string;
  readonly cancellingLabel: (name: string) => string;
}

/**
 * A row's Cancel button: none once the job has ended; once asked (`cancelling`), disabled and saying so
 * until the job's last event — it stops at its next check, which takes seconds or more with a large
 * model, and a button back meanwhile would only invite a second cancel with nothing to stop.
 */
export function cancelButton(
  summary: { readonly state: string },
  cancelling: boolean,
  name: string,
  text: CancelText,
): { text: string; label: string; disabled: boolean } | null {
  if (!isActive(summary)) return null;
  return cancelling
    ? { text: text.cancelling, label: text.cancellingLabel(name), disabled: true }
    : { text: text.cancel, label: text.cancelLabel(name), disabled: false };
}

/**
 * The ids asked to cancel whose job is still active in `summaries` — the same set when none has ended. One
 * that ended leaves, so a run resumed later offers Cancel again.
 */
export function stillCancelling<T extends { readonly state: string }>(
  ids: ReadonlySet<string>,
  summaries: readonly T[],
  idOf: (summary: T) => string,
): ReadonlySet<string> {
  if (ids.size === 0) return ids;
  const active = new Set(summaries.filter(isActive).map(idOf));
  const kept = [...ids].filter((id) => active.has(id));
  return kept.length === ids.size ? ids : new Set(kept);
}
