import type { Fusion } from '../../../shared';

export interface RankedList {
  /** Ids best first. */
  readonly ids: readonly string[];
  readonly weight: number;
}

export interface Fused {
  readonly id: string;
  readonly score: number;
  /** 1-based rank in each input list, null when absent. */
  readonly ranks: (number | null)[];
}

/**
 * Reciprocal-rank fusion (Cormack, Clarke & Büttcher 2009): score = Σ weight / (k + rank). Ranks, not
 * raw scores, are combined because BM25 over n-grams and cosine similarity live on unrelated scales.
 * Ties keep the order of the first list that ranked the id higher, so results are deterministic.
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k: Fusion['k']): Fused[] {
  const byId = new Map<string, { score: number; ranks: (number | null)[]; first: number }>();
  lists.forEach((list, listIndex) => {
    list.ids.forEach((id, index) => {
      const rank = index + 1;
      let entry = byId.get(id);
      if (!entry) {
        entry = { score: 0, ranks: lists.map(() => null), first: Number.POSITIVE_INFINITY };
        byId.set(id, entry);
      }
      if (entry.ranks[listIndex] !== null) return; // a list naming an id twice counts it once
      entry.ranks[listIndex] = rank;
      entry.score += list.weight / (k + rank);
      entry.first = Math.min(entry.first, rank + listIndex / (lists.length + 1));
    });
  });
  return [...byId.entries()]
    .sort(([, a], [, b]) => b.score - a.score || a.first - b.first)
    .map(([id, { score, ranks }]) => ({ id, score, ranks }));
}
