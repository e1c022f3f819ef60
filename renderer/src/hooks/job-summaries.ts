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
