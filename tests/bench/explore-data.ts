/**
 * The generated corpus of `npm run bench:explore`: `docs` files under /bench in an IndexStore, each of
 * PASSAGES_PER_DOC chunks whose text mixes its planted topic's words (pseudo-words, 20 topics) with
 * shared filler, and 1 024-dim clustered unit vectors (tests/fixtures/clustered-vectors.ts) stored as
 * `separation` vectors — and as `text-matching` ones for the duplicates job, where every 100th file is a
 * near-copy of the one before it.
 */
import { chunkId, type IndexStore, type Provenance } from '../../electron/engine/store';
import { clusteredVectors, prng } from '../fixtures/clustered-vectors';
import { fileRecord } from '../integration/store/support';

export const BENCH_DIMS = 1024;
export const PASSAGES_PER_DOC = 2;
export const PLANTED_TOPICS = 20;
const FILES_PER_COMMIT = 1000;
const WORDS_PER_PASSAGE = 120;

const base = {
  modelId: 'jinaai/jina-embeddings-v3',
  modelChecksum: 'sha256:bench-explore',
  precision: 'fp32',
  prefix: false,
  dims: BENCH_DIMS,
  chunkerVersion: 1,
} as const;
export const SEPARATION: Provenance = { ...base, task: 'separation' };
export const TEXT_MATCHING: Provenance = { ...base, task: 'text-matching' };

export interface Planted {
  /** Planted topic of each document, by path. */
  readonly topicOf: Record<string, number>;
  /** Each topic's own words. */
  readonly vocabulary: string[][];
}

export const docPath = (i: number): string => `/bench/t${i % 50}/doc-${i}.txt`;

function pseudoWords(count: number, random: () => number): string[] {
  const consonants = 'bdfgklmnprstvz';
  const vowels = 'aeiou';
  const pick = (letters: string) => letters[Math.floor(random() * letters.length)] ?? 'a';
  return Array.from({ length: count }, () => Array.from({ length: 3 }, () => pick(consonants) + pick(vowels)).join(''));
}

/** Writes the corpus; `log` hears about progress. Returns what was planted. */
export async function writeCorpus(
  store: IndexStore,
  docs: number,
  log: (line: string) => void,
  options: { textMatching: boolean },
): Promise<Planted> {
  const random = prng(99);
  const vocabulary = Array.from({ length: PLANTED_TOPICS }, () => pseudoWords(12, random));
  const filler = pseudoWords(60, random);
  const spec = { dims: BENCH_DIMS, clusters: PLANTED_TOPICS, noise: 1, centroidSeed: 21 };
  const source = clusteredVectors(spec, 22);
  const jitter = clusteredVectors({ ...spec, noise: 0.05 }, 23);
  const topicOf: Record<string, number> = {};
  for (let first = 0; first < docs; first += FILES_PER_COMMIT) {
    const count = Math.min(FILES_PER_COMMIT, docs - first);
    const { vectors, labels } = source.labelled(count);
    const entries = Array.from({ length: count }, (_, r) => {
      const i = first + r;
      const topic = labels[r] ?? 0;
      const path = docPath(i);
      topicOf[path] = topic;
      const words = vocabulary[topic] ?? [];
      const chunks = Array.from({ length: PASSAGES_PER_DOC }, (_, ordinal) => {
        const text = Array.from({ length: WORDS_PER_PASSAGE }, () =>
          random() < 0.3 ? words[Math.floor(random() * words.length)] : filler[Math.floor(random() * filler.length)],
        ).join(' ');
        return { ordinal, text, tokens: WORDS_PER_PASSAGE, language: 'en', location: { line: ordinal * 10 + 1 } };
      });
      return { file: fileRecord(path, { root: '/bench', hash: `h${i}`, title: `Document ${i}` }), chunks };
    });
    await store.commitFiles(entries);
    const rows = entries.flatMap(({ file }, r) =>
      Array.from({ length: PASSAGES_PER_DOC }, (_, ordinal) => ({
        id: chunkId(file.path, file.hash, ordinal),
        vector: vectors.subarray(r * BENCH_DIMS, (r + 1) * BENCH_DIMS),
      })),
    );
    await store.addVectors(SEPARATION, rows);
    if (options.textMatching) {
      // Every 100th file a near-copy of the previous one: its vectors that file's plus a little noise.
      const matching = rows.map((row, index) => {
        const r = Math.floor(index / PASSAGES_PER_DOC);
        if ((first + r) % 100 !== 1) return row;
        const copy = vectors.slice((r - 1) * BENCH_DIMS, r * BENCH_DIMS);
        const noise = jitter.next();
        let norm = 0;
        for (let d = 0; d < BENCH_DIMS; d += 1) {
          copy[d] = (copy[d] ?? 0) + 0.05 * (noise[d] ?? 0);
          norm += (copy[d] ?? 0) ** 2;
        }
        return { id: row.id, vector: copy.map((value) => value / Math.sqrt(norm)) };
      });
      await store.addVectors(TEXT_MATCHING, matching);
    }
    log(`wrote ${first + count} of ${docs} documents`);
  }
  return { topicOf, vocabulary };
}
