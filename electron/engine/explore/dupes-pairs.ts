import type { DupePair, DupesReport } from '../../../shared';
import type { FileRecord } from '../store/types';
import { fileRef } from './dupes-exact';
import type { PairMatches } from './dupes-neighbours';
import type { PassageMatch } from './work';

/** Pairs that share passages without being near-duplicates, at most (DupesReportSchema). */
export const MAX_SHARED_PAIRS = 500;

export interface ScoredPair {
  readonly pair: DupePair;
  /** What it was scored from; turned into PassageMatch[] only for the pairs the report keeps. */
  readonly source: PairMatches;
}

/** Languages the index could not tell are not evidence of a translation. */
const known = (language: string | null): language is string => language !== null && language !== 'und';

/** Best similarity per chunk id. */
function bestOf(ids: readonly string[], similarities: readonly number[]): Map<string, number> {
  const best = new Map<string, number>();
  ids.forEach((id, i) => {
    const similarity = similarities[i] ?? 0;
    if (similarity > (best.get(id) ?? -Infinity)) best.set(id, similarity);
  });
  return best;
}

/**
 * One file pair from its matches. Both directions count (a's passage found b's, or b's found a's): the
 * nearest-neighbour relation is not symmetric, so either side may have seen a match the other missed.
 * Shares are over each file's passages; similarity is the mean of each matched passage's best match,
 * on both sides; matchedPassages is the larger side's count (what the side-by-side view lists at most).
 */
export function scorePair(
  matches: PairMatches,
  files: ReadonlyMap<string, FileRecord>,
  minShare: number,
): ScoredPair | null {
  const fileA = files.get(matches.a);
  const fileB = files.get(matches.b);
  if (!fileA || !fileB) return null;
  const bestA = bestOf(matches.aChunks, matches.similarities);
  const bestB = bestOf(matches.bChunks, matches.similarities);
  const shareA = Math.min(1, bestA.size / Math.max(1, fileA.chunkCount));
  const shareB = Math.min(1, bestB.size / Math.max(1, fileB.chunkCount));
  let sum = 0;
  for (const value of bestA.values()) sum += value;
  for (const value of bestB.values()) sum += value;
  const near = (shareA >= minShare ? 1 : 0) + (shareB >= minShare ? 1 : 0);
  const pair: DupePair = {
    a: matches.a,
    b: matches.b,
    similarity: sum / (bestA.size + bestB.size),
    shareA,
    shareB,
    matchedPassages: Math.max(bestA.size, bestB.size),
    relation: near === 2 ? 'near' : near === 1 ? 'contained' : 'shared',
    crossLanguage: known(fileA.language) && known(fileB.language) && fileA.language !== fileB.language,
  };
  return { pair, source: matches };
}

/** Each chunk pair of `matches` once, with its best similarity, best first. */
export function passageMatches(matches: PairMatches): PassageMatch[] {
  const unique = new Map<string, PassageMatch>();
  matches.aChunks.forEach((a, i) => {
    const b = matches.bChunks[i] ?? '';
    const similarity = matches.similarities[i] ?? 0;
    const key = `${a}\u0000${b}`;
    if (similarity > (unique.get(key)?.similarity ?? -Infinity)) unique.set(key, { a, b, similarity });
  });
  return [...unique.values()].sort((x, y) => y.similarity - x.similarity || (x.a < y.a ? -1 : x.a > y.a ? 1 : 0));
}

/** Pairs with most matched passages first, then most similar, then by path (a stable report). */
const byStrength = (x: DupePair, y: DupePair): number =>
  y.matchedPassages - x.matchedPassages ||
  y.similarity - x.similarity ||
  (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0);

/** Union-find over paths, with path halving. */
class DisjointSets {
  private readonly parent = new Map<string, string>();

  find(x: string): string {
    let node = x;
    for (;;) {
      const up = this.parent.get(node) ?? node;
      if (up === node) return node;
      const grand = this.parent.get(up) ?? up;
      this.parent.set(node, grand);
      node = grand;
    }
  }

  union(x: string, y: string): void {
    const rx = this.find(x);
    const ry = this.find(y);
    if (rx !== ry) this.parent.set(rx < ry ? ry : rx, rx < ry ? rx : ry);
  }
}

/**
 * Groups of files joined by `near` and `contained` pairs, and the `shared` rest. Groups come
 * best-connected first: most files, then most pairs among them, then highest mean similarity.
 */
export function groupPairs(
  scored: readonly ScoredPair[],
  files: ReadonlyMap<string, FileRecord>,
): Pick<DupesReport, 'groups' | 'shared'> & { readonly kept: ScoredPair[] } {
  const sets = new DisjointSets();
  const joined: ScoredPair[] = [];
  const rest: ScoredPair[] = [];
  for (const entry of scored) {
    if (entry.pair.relation === 'shared') rest.push(entry);
    else {
      joined.push(entry);
      sets.union(entry.pair.a, entry.pair.b);
    }
  }
  const byRoot = new Map<string, { paths: Set<string>; pairs: DupePair[] }>();
  for (const { pair } of joined) {
    const root = sets.find(pair.a);
    let group = byRoot.get(root);
    if (!group) {
      group = { paths: new Set(), pairs: [] };
      byRoot.set(root, group);
    }
    group.paths.add(pair.a).add(pair.b);
    group.pairs.push(pair);
  }
  const meanSimilarity = (pairs: readonly DupePair[]): number =>
    pairs.reduce((sum, pair) => sum + pair.similarity, 0) / Math.max(1, pairs.length);
  const groups = [...byRoot.values()]
    .map(({ paths, pairs }) => ({ paths: [...paths].sort(), pairs: pairs.sort(byStrength) }))
    .sort(
      (x, y) =>
        y.paths.length - x.paths.length ||
        y.pairs.length - x.pairs.length ||
        meanSimilarity(y.pairs) - meanSimilarity(x.pairs) ||
        ((x.paths[0] ?? '') < (y.paths[0] ?? '') ? -1 : 1),
    )
    .map(({ paths, pairs }, id) => ({
      id,
      files: paths.flatMap((path) => {
        const file = files.get(path);
        return file ? [fileRef(file)] : [];
      }),
      pairs,
    }));
  const shared = rest.sort((x, y) => byStrength(x.pair, y.pair)).slice(0, MAX_SHARED_PAIRS);
  return { groups, shared: shared.map((entry) => entry.pair), kept: [...joined, ...shared] };
}
