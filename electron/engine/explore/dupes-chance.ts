import type { ExploreWork } from './work';

/** The threshold when none is given, unless this scope's chance level is higher. */
export const DEFAULT_THRESHOLD = 0.9;
/**
 * The automatic threshold never goes above this: identical passages (cosine 1 up to rounding) always
 * match, however crowded the space — the synthetic models put every passage within 0.03 of every other.
 */
export const MAX_AUTO_THRESHOLD = 0.999;
/** Passages sampled for the chance level: ~32 K pairs, a few milliseconds. */
const SAMPLE = 256;

/**
 * How similar the best match of an unrelated passage gets by chance in this scope: mean + sd·√(2 ln n)
 * over the cosines between a fixed sample of its passages — the expected maximum of n draws from that
 * distribution (the same extreme-value bound answers use for evidence). Null when there are too few
 * passages to say. Spaces differ by model: a real jina-v3 puts unrelated passages far below 0.9, so
 * the default holds; an anisotropic or synthetic one does not, and a fixed threshold would then call
 * every file a duplicate of every other.
 */
export async function chanceLevel(work: ExploreWork): Promise<number | null> {
  const rows = await work.store.vectorRowCount(work.provenance, work.where);
  const sample = await work.store.sampleVectors(work.provenance, SAMPLE, work.where);
  if (rows < 3 || sample.length < 3) return null;
  let sum = 0;
  let squares = 0;
  let pairs = 0;
  for (let i = 0; i < sample.length; i += 1) {
    const a = sample[i] as Float32Array;
    for (let j = i + 1; j < sample.length; j += 1) {
      const b = sample[j] as Float32Array;
      let dot = 0;
      for (let k = 0; k < a.length; k += 1) dot += (a[k] as number) * (b[k] as number);
      sum += dot;
      squares += dot * dot;
      pairs += 1;
    }
  }
  const mean = sum / pairs;
  const sd = Math.sqrt(Math.max(0, squares / pairs - mean * mean));
  return mean + sd * Math.sqrt(2 * Math.log(rows));
}

/** The threshold a job uses: the given one, or the default raised to the chance level (capped). */
export function chooseThreshold(given: number | null, chance: number | null): number {
  if (given !== null) return given;
  return Math.max(DEFAULT_THRESHOLD, Math.min(chance ?? 0, MAX_AUTO_THRESHOLD));
}
