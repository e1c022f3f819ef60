import type { ResultError } from '../../../shared';
import type { FileRecord } from '../store/types';
import { chanceLevel, chooseThreshold } from './dupes-chance';
import { exactCopies } from './dupes-exact';
import { nearPassages } from './dupes-neighbours';
import { groupPairs, passageMatches, scorePair, type ScoredPair } from './dupes-pairs';
import { pairKey, type DupesOutcome, type DupesSettings, type ExploreWork, type PassageMatch } from './work';

/**
 * Which files of the scope say the same thing. Exact copies first, by content hash (no model); then
 * near-duplicates by `text-matching` vectors: each passage's nearest passages in other files through
 * the store's vector search (dupes-neighbours.ts), matches at or above `threshold` folded into file
 * pairs scored by the share of each file's passages matched (dupes-pairs.ts), pairs joined into groups.
 * Exact copies take part once, as the first file (by path) of their hash group. Without a given
 * threshold, the default rises to the scope's chance level (dupes-chance.ts).
 *
 * The runner has filled `work.provenance`'s vectors for every passage in scope before this runs.
 */
export async function runDupes(work: ExploreWork, settings: DupesSettings): Promise<DupesOutcome> {
  work.signal.throwIfAborted();
  const files = new Map<string, FileRecord>(work.files.map((file) => [file.path, file]));
  const copies = exactCopies(work.files);
  let passages = 0;
  let total = 0;
  for (const file of work.files) {
    passages += file.chunkCount;
    if (copies.representative.get(file.path) === file.path) total += file.chunkCount;
  }
  work.progress(0, total, 'comparing passages');
  const chance = await chanceLevel(work);
  const threshold = chooseThreshold(settings.threshold, chance);
  const matched = await nearPassages({ work, copies, threshold, total }, files);

  work.signal.throwIfAborted();
  const scored: ScoredPair[] = [];
  for (const source of matched.values()) {
    const entry = scorePair(source, files, settings.minShare);
    if (entry) scored.push(entry);
  }
  matched.clear();
  const { groups, shared, kept } = groupPairs(scored, files);
  // Matches only for the pairs the report lists: `explore.pair` can ask for no other.
  const matches: Record<string, PassageMatch[]> = {};
  for (const { pair, source } of kept) matches[pairKey(pair.a, pair.b)] = passageMatches(source);
  work.progress(total, total, 'comparing passages');
  return {
    report: {
      threshold,
      autoThreshold: settings.threshold === null,
      chance,
      minShare: settings.minShare,
      files: work.files.length,
      passages,
      exact: copies.exact,
      groups,
      shared,
      nearProblem: null,
    },
    matches,
  };
}

/**
 * Exact copies only, when no text-matching vectors can be made (no model, no licence): they need nothing
 * but the hashes the index already has. `problem` says why the near-duplicates are missing.
 */
export function exactOnly(files: readonly FileRecord[], settings: DupesSettings, problem: ResultError): DupesOutcome {
  return {
    report: {
      threshold: chooseThreshold(settings.threshold, null),
      autoThreshold: settings.threshold === null,
      chance: null,
      minShare: settings.minShare,
      files: files.length,
      passages: files.reduce((n, file) => n + file.chunkCount, 0),
      exact: exactCopies(files).exact,
      groups: [],
      shared: [],
      nearProblem: problem,
    },
    matches: {},
  };
}

// The runner takes both commands' computations from here.
export { pairDetail } from './pair';
