import { LanguageSchema } from '../../../shared';
import { seededRandom } from '../random';
import type { FileRecord } from '../store/types';
import { classTfIdf, labelTerms, TermCounts } from './labels';
import { breather, permutation } from './topics-steps';
import { leadingChunkIds } from './topics-vectors';
import type { ExploreWork } from './work';

/**
 * Passages read for labels in all: c-TF-IDF needs each cluster's vocabulary, not every passage, and
 * reading and segmenting all 400 000 leading passages of 50 000 documents would take minutes. Split
 * evenly over the clusters (a small cluster gives what it has).
 */
export const LABEL_PASSAGES = 12_000;
/** Characters of a passage segmented for labels (a chunk holds ~1 500; longer ones are rare outliers). */
const MAX_PASSAGE_CHARS = 3000;
/** Ids fetched per store call. */
const FETCH_BATCH = 500;

export interface ClusterLabels {
  readonly terms: string[][];
  readonly byLanguage: { language: string; passages: number; terms: string[] }[][];
}

export interface LabelOptions {
  readonly k: number;
  readonly passagesPerFile: number;
  readonly terms: number;
  readonly seed: number;
}

/**
 * Labels of each cluster: c-TF-IDF over a seeded sample of its documents' leading passages, once over all
 * languages and once per language (`languages`: passages per language and document, exact, from the
 * vectors read; the per-language terms come from the sampled passages in that language).
 */
export async function clusterLabels(
  work: ExploreWork,
  files: readonly FileRecord[],
  clusters: Int32Array,
  languages: ReadonlyMap<string, Int32Array>,
  options: LabelOptions,
): Promise<ClusterLabels> {
  const breathe = breather(work.signal);
  const { k } = options;
  const members: number[][] = Array.from({ length: k }, () => []);
  clusters.forEach((cluster, doc) => members[cluster]?.push(doc));
  const random = seededRandom(options.seed ^ 0x2545f491);
  const budget = Math.ceil(LABEL_PASSAGES / Math.max(1, k));
  const wanted: { id: string; cluster: number }[] = [];
  for (const [cluster, docs] of members.entries()) {
    let taken = 0;
    for (const pick of permutation(docs.length, random)) {
      if (taken >= budget) break;
      const file = files[docs[pick] ?? 0];
      if (!file) continue;
      for (const id of leadingChunkIds(file, options.passagesPerFile).slice(0, budget - taken)) {
        wanted.push({ id, cluster });
        taken += 1;
      }
    }
  }

  const overall = Array.from({ length: k }, () => new TermCounts());
  const perLanguage = new Map<string, TermCounts[]>();
  const clusterOf = new Map(wanted.map((entry) => [entry.id, entry.cluster]));
  for (let start = 0; start < wanted.length; start += FETCH_BATCH) {
    const batch = wanted.slice(start, start + FETCH_BATCH).map((entry) => entry.id);
    const chunks = await work.store.getChunksByIds(batch);
    // The store returns a batch in no particular order: sort so counts (and ties) never depend on it.
    chunks.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const chunk of chunks) {
      const cluster = clusterOf.get(chunk.id);
      if (cluster === undefined) continue;
      const terms = labelTerms(chunk.text.slice(0, MAX_PASSAGE_CHARS));
      overall[cluster]?.add(terms);
      const language = languageCode(chunk.language);
      let counts = perLanguage.get(language);
      if (!counts) perLanguage.set(language, (counts = Array.from({ length: k }, () => new TermCounts())));
      counts[cluster]?.add(terms);
      await breathe();
    }
    const done = Math.min(start + FETCH_BATCH, wanted.length);
    work.progress(done, wanted.length, `labelling topics (${done} of ${wanted.length} passages)`);
  }

  const terms = classTfIdf(overall, options.terms);
  const languageTerms = new Map(
    [...perLanguage].map(([language, counts]) => [language, classTfIdf(counts, options.terms)]),
  );
  const passages = new Map<string, Float64Array>();
  for (const [language, perDoc] of languages) {
    const code = languageCode(language);
    let sums = passages.get(code);
    if (!sums) passages.set(code, (sums = new Float64Array(k)));
    perDoc.forEach((count, doc) => {
      const cluster = clusters[doc] ?? 0;
      sums[cluster] = (sums[cluster] ?? 0) + count;
    });
  }
  const byLanguage = Array.from({ length: k }, (_, cluster) =>
    [...passages]
      .map(([language, sums]) => ({
        language,
        passages: sums[cluster] ?? 0,
        terms: languageTerms.get(language)?.[cluster] ?? [],
      }))
      .filter((entry) => entry.passages > 0)
      .sort((a, b) => b.passages - a.passages || (a.language < b.language ? -1 : 1)),
  );
  return { terms, byLanguage };
}

/** The contract's language code (`ja`, `und`…): anything else a chunk carries counts as undetermined. */
function languageCode(language: string): string {
  return LanguageSchema.safeParse(language).success ? language : 'und';
}
