import { cosine } from '../encoder/vectors';
import { foldTerm, foldWithOffsets } from '../search/fold-text';
import { queryTerms } from '../search/query-terms';

/**
 * Words that make a sentence a question rather than say what it is about (folded forms). Search keeps
 * them as terms; for judging whether a passage holds the question's words they are noise: a passage
 * holding "what" and "does" is no evidence for "what does the contract say about notice periods".
 */
const QUESTION_WORDS: ReadonlySet<string> = new Set(
  [
    'what which who whom whose when where why how does do did can could should would will shall may might',
    'about tell me please explain describe summarize summarise list give any there their they you your',
    'quoi quel quelle quels quelles qui quand ou pourquoi comment est-ce peux pouvez dire',
    'was welche welcher welches wer wann wo warum wie gibt es',
    'que cual cuales quien cuando donde por porque como hay',
    'что какой какая какие кто когда где почему как ли',
  ]
    .join(' ')
    .split(' ')
    .map(foldTerm),
);

/** The question's content words: its search terms without the words that only make it a question. */
export function contentTerms(question: string): string[] {
  const terms = queryTerms(question);
  const content = terms.filter((term) => !QUESTION_WORDS.has(foldTerm(term)));
  return content.length > 0 ? content : terms;
}

/** Share (0–1) of `terms` that `text` holds verbatim after folding (case, accents, width). */
export function keywordCoverage(text: string, terms: readonly string[]): number {
  const folded = terms.map(foldTerm).filter((t) => t.length > 0);
  if (folded.length === 0) return 0;
  const haystack = foldWithOffsets(text).text;
  return folded.filter((term) => haystack.includes(term)).length / folded.length;
}

/**
 * A passage holding at least half of the question's content words is keyword evidence: with stop and
 * question words removed, half is two of "notice period contract termination", one of a one-word query.
 */
export const KEYWORD_EVIDENCE = 0.5;

export interface ChanceLevel {
  readonly mean: number;
  readonly sd: number;
  /** The similarity the best of `population` unrelated passages reaches by chance. */
  readonly chance: number;
  readonly sampled: number;
}

/**
 * How similar the best passage of this index would be to the question by chance. Similarities of a
 * query to unrelated passages are roughly normal, but not centred on 0 (embedding spaces are
 * anisotropic: jina-v3 puts unrelated texts at a model- and language-dependent positive cosine), so the
 * level is measured, not assumed: the question's similarity to a fixed sample of the index gives a mean
 * and sd, and the expected maximum of n normal draws is ≈ mean + sd·√(2 ln n) (extreme-value theory). A
 * best passage no higher than that is what searching n unrelated passages yields anyway: no evidence
 * the index answers the question. The level grows with the index (3.0 sd at 100 passages, 4.8 at 100 K),
 * as it should: a bigger haystack holds better-looking accidents.
 */
export function chanceLevel(
  query: Float32Array,
  sample: readonly Float32Array[],
  population: number,
): ChanceLevel | null {
  // Fewer than this and the sd itself is too uncertain to set a level with.
  if (sample.length < 8) return null;
  let sum = 0;
  let sumSquares = 0;
  for (const vector of sample) {
    const similarity = cosine(query, vector);
    sum += similarity;
    sumSquares += similarity * similarity;
  }
  const n = sample.length;
  const mean = sum / n;
  const sd = Math.sqrt(Math.max(0, (sumSquares - n * mean * mean) / (n - 1)));
  const chance = mean + sd * Math.sqrt(2 * Math.log(Math.max(2, population)));
  return { mean, sd, chance, sampled: n };
}
