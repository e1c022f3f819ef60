/**
 * Cluster labels by class-based TF-IDF (c-TF-IDF, Grootendorst 2022, BERTopic): all passages of a
 * cluster form one document, and a term scores tf(t, c) · log(1 + A / f(t)), where tf is the term's
 * share of the cluster's words, A the mean number of words per cluster and f(t) the term's count over
 * all clusters. A term frequent everywhere scores low; one concentrated in a cluster scores high.
 */

// Locale-free word segmentation: ICU's dictionaries for Chinese, Japanese, Thai, Lao, Khmer and Burmese
// apply in any locale, which is what search/query-terms.ts relies on too.
const WORDS = new Intl.Segmenter('und', { granularity: 'word' });
const HAS_LETTER = /\p{L}/u;
const HAN = /^\p{Script=Han}$/u;

/**
 * Function words that survive c-TF-IDF when there are few clusters (a word in every cluster still gets
 * log(1 + A / f) > 0, and its tf is high). Broader than query-terms.ts's highlighting list, which is
 * short on purpose; this one also holds the commonest CJK particles (single kana are dropped anyway).
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    'the and or of to in on at for with by from is are was were be been being it its this that these those as an not',
    'but if then than so such can could will would should may might must do does did has have had having he she',
    'they them their his her we our you your i me my which who whom whose what when where why how all any each',
    'other some more most no nor only own same too very just also into about over under after before between',
    'le la les un une des et ou de du au aux en dans sur par pour est sont ce cette ces qui que pas plus il elle',
    'der die das den dem des ein eine einer eines und oder von zu im auf mit ist sind für nicht sich auch es',
    'el los las y o del al con por para es son que un una lo se su sus como más pero il gli di da per che non',
    'do os as um uma com não mais het een van op te voor zijn niet',
    'и в во на с со по к о от из за для не что это как а но же то он она они его её их і та у',
    '的 是 在 了 和 与 或 也 都 就 而 及 这 那 之 其 为 以 有 不 中',
    'です ます した して する こと これ それ ため もの よう から まで など',
  ]
    .join(' ')
    .split(' '),
);

/**
 * The label terms of `text`: its words (CJK and Thai segmented by dictionary), lower-cased, without
 * numbers, punctuation, single letters (except a Han character, often a word by itself) and stop words.
 */
export function labelTerms(text: string): string[] {
  const out: string[] = [];
  for (const { segment, isWordLike } of WORDS.segment(text.normalize('NFC'))) {
    if (isWordLike !== true || !HAS_LETTER.test(segment)) continue;
    const term = segment.toLowerCase();
    if ([...term].length === 1 && !HAN.test(term)) continue;
    if (STOP_WORDS.has(term)) continue;
    out.push(term);
  }
  return out;
}

/** Term counts of one class (cluster), built passage by passage. */
export class TermCounts {
  readonly counts = new Map<string, number>();
  words = 0;

  add(terms: readonly string[]): void {
    for (const term of terms) this.counts.set(term, (this.counts.get(term) ?? 0) + 1);
    this.words += terms.length;
  }
}

/**
 * The `top` most distinctive terms of each class by c-TF-IDF. Empty classes give no terms and do not
 * count in A. Ties break by term (code-point order), so the labels are deterministic.
 */
export function classTfIdf(classes: readonly TermCounts[], top: number): string[][] {
  const frequency = new Map<string, number>();
  let words = 0;
  let nonEmpty = 0;
  for (const counts of classes) {
    if (counts.words === 0) continue;
    nonEmpty += 1;
    words += counts.words;
    for (const [term, count] of counts.counts) frequency.set(term, (frequency.get(term) ?? 0) + count);
  }
  const meanWords = nonEmpty > 0 ? words / nonEmpty : 0;
  return classes.map((counts) => {
    if (counts.words === 0) return [];
    const scored: { term: string; score: number }[] = [];
    for (const [term, count] of counts.counts) {
      const idf = Math.log(1 + meanWords / (frequency.get(term) ?? count));
      scored.push({ term, score: (count / counts.words) * idf });
    }
    scored.sort((a, b) => b.score - a.score || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0));
    return scored.slice(0, top).map((entry) => entry.term);
  });
}
