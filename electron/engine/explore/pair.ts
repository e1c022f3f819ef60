import { PolyseekError, type DupePair, type ExplorePair } from '../../../shared';
import type { ChunkLocation } from '../chunk/types';
import type { StoredChunk } from '../store/types';
import { diffText, unmarked, type TextDiff } from './diff-text';
import { fileRef } from './dupes-exact';
import { pairKey, type DupesOutcome, type PairDetail, type PassageMatch } from './work';

/** Passages the side-by-side view gets at most (ExplorePairSchema). */
export const MAX_PAIR_PASSAGES = 200;

/**
 * Where a passage is, in words: pages when the format has them, else lines, with the section or last
 * heading — as answer/context-pack.ts `citationOf` writes them, without the file name the view shows
 * above both columns. `passage N` when the extractor recorded neither.
 */
export function passageLocation(location: ChunkLocation, ordinal: number): string {
  let where: string;
  if (location.page !== undefined) {
    const last = location.pageEnd ?? location.page;
    where = last !== location.page ? `pp. ${location.page}–${last}` : `p. ${location.page}`;
  } else if (location.line !== undefined) {
    const last = location.lineEnd ?? location.line;
    where = last !== location.line ? `lines ${location.line}–${last}` : `line ${location.line}`;
  } else where = `passage ${ordinal + 1}`;
  const section = location.section ?? location.headings?.at(-1);
  return section ? `${where} — ${section}` : where;
}

/** The listed pair of `a` and `b` in either order, or null. */
function findPair(outcome: DupesOutcome, a: string, b: string): DupePair | null {
  const key = pairKey(a, b);
  const listed = [...outcome.report.groups.flatMap((group) => group.pairs), ...outcome.report.shared];
  return listed.find((pair) => pairKey(pair.a, pair.b) === key) ?? null;
}

/** The pair as seen from `a`: shares and sides swapped when the report lists it the other way. */
function orient(pair: DupePair, a: string): DupePair {
  if (pair.a === a) return pair;
  return { ...pair, a: pair.b, b: pair.a, shareA: pair.shareB, shareB: pair.shareA };
}

/** For each of a's matched passages its best match in b (ties: the lower chunk id). */
function bestPerPassage(matches: readonly PassageMatch[], flipped: boolean): Map<string, PassageMatch> {
  const best = new Map<string, PassageMatch>();
  for (const match of matches) {
    const seen = flipped ? { a: match.b, b: match.a, similarity: match.similarity } : match;
    const known = best.get(seen.a);
    if (!known || seen.similarity > known.similarity || (seen.similarity === known.similarity && seen.b < known.b)) {
      best.set(seen.a, seen);
    }
  }
  return best;
}

function side(chunk: StoredChunk, segments: TextDiff['a']): ExplorePair['passages'][number]['a'] {
  return {
    chunkId: chunk.id,
    ordinal: chunk.ordinal,
    location: passageLocation(chunk.location, chunk.ordinal),
    segments,
  };
}

/**
 * `explore.pair`: the matched passages of a listed pair side by side, in a's order, with the words each
 * side lacks marked (no marks across languages: a translation differs in every word). Passages whose
 * chunk left the index since the job ran are skipped.
 */
export const pairDetail: PairDetail = async (store, outcome, asked, other) => {
  // Exact copies took part as the first file of their hash group: their pairs are listed under it.
  const a = representative(outcome, asked);
  const b = representative(outcome, other);
  if (a === b) {
    throw new PolyseekError('INVALID_INPUT', `${asked} and ${other} have the same bytes: there is nothing to compare`);
  }
  const listed = findPair(outcome, a, b);
  const matches = outcome.matches[pairKey(a, b)];
  if (!listed || !matches) {
    throw new PolyseekError('INVALID_INPUT', `${asked} and ${other} are not a pair in this duplicates report`);
  }
  const pair = { ...orient(listed, a), a: asked, b: other };
  const best = bestPerPassage(matches, listed.a !== a);
  const [files, chunks] = await Promise.all([
    store.getFiles([a, b]),
    store.getChunksByIds([...best.values()].flatMap((match) => [match.a, match.b])),
  ]);
  const fileA = files.find((file) => file.path === a);
  const fileB = files.find((file) => file.path === b);
  if (!fileA || !fileB) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `${fileA ? b : a} is no longer in the index; run the duplicates job again`,
    );
  }
  const byId = new Map(chunks.map((chunk) => [chunk.id, chunk]));
  const rows = [...best.values()]
    .flatMap((match) => {
      const left = byId.get(match.a);
      const right = byId.get(match.b);
      return left && right ? [{ left, right, similarity: match.similarity }] : [];
    })
    .sort((x, y) => x.left.ordinal - y.left.ordinal || x.right.ordinal - y.right.ordinal)
    .slice(0, MAX_PAIR_PASSAGES);
  const passages = rows.map(({ left, right, similarity }) => {
    const diff = pair.crossLanguage
      ? { a: unmarked(left.text), b: unmarked(right.text) }
      : diffText(left.text, right.text);
    return { similarity, a: side(left, diff.a), b: side(right, diff.b) };
  });
  const ref = (file: typeof fileA, path: string) => ({ ...fileRef(file), path });
  return { pair, a: ref(fileA, asked), b: ref(fileB, other), passages, crossLanguage: pair.crossLanguage };
};

/** The file a path took part as: itself, or the first file of its exact-copy group. */
function representative(outcome: DupesOutcome, path: string): string {
  const group = outcome.report.exact.find((copies) => copies.files.some((file) => file.path === path));
  return group?.files[0]?.path ?? path;
}
