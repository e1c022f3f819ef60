import { foldTerm, isSpacelessScript } from './fold-text';

/**
 * A run of a spaceless script up to this many code points is kept whole beside its words, so `東京都`
 * highlights `東京都` and not only `東京`. Longer runs (a pasted sentence) would hardly ever occur verbatim.
 */
const MAX_RUN_LENGTH = 16;
/** A pasted paragraph gives hundreds of words; each costs a scan of every passage. */
const MAX_TERMS = 32;
/** Words need a letter, digit or emoji: `-`, `+` or `…` alone would highlight noise. */
const HAS_CONTENT = /[\p{L}\p{N}\p{Extended_Pictographic}]/u;
const WHITE_SPACE = /\s+/u;

/**
 * The most frequent function words of the languages whose words are separated by spaces and written
 * in Latin, Cyrillic or Greek letters (folded forms: no accents). Short on purpose: only words that
 * would highlight in nearly every passage. Spaceless scripts need none (single characters are dropped).
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  [
    // English
    'the a an and or of to in on at for with by from is are was were be it this that as',
    // French
    'le la les un une des et ou de du au aux en dans sur par pour est sont ce cette qui que',
    // German
    'der die das den dem des ein eine einer und oder von zu im in auf mit ist sind fur',
    // Spanish, Portuguese, Italian
    'el los las y o del al en con por para es son que un una lo il gli e di da per che do da os as um uma',
    // Dutch
    'de het een en van op te voor met is zijn',
    // Russian, Ukrainian
    'и в во на с со по к о от из за для не что это как а но і та у',
  ]
    .join(' ')
    .split(' ')
    // Single letters (`y`, `и`, `a`) follow the single-character rule instead.
    .filter((word) => word.length > 1),
);

// Locale-free: the dictionaries for Chinese, Japanese, Thai, Lao, Khmer and Burmese apply in any locale,
// and the query's language is unknown.
const words = new Intl.Segmenter('und', { granularity: 'word' });
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count++;
  return count;
}

const codePointLength = (text: string): number => [...text].length;

/**
 * The terms of `query` to highlight in passages, longest first. The query is split at white space and
 * punctuation, and runs of scripts written without spaces (Han, kana, Thai, Lao, Khmer, Myanmar) into
 * dictionary words — with the whole run kept too when short. Terms that differ only by case or accents are
 * one term. Single characters (`の`, `a`) are dropped when a longer term exists, since they would
 * highlight nearly everywhere; a query of single characters keeps them.
 */
export function queryTerms(query: string): string[] {
  const found: string[] = [];
  for (const piece of query.normalize('NFC').split(WHITE_SPACE)) {
    let run = '';
    const endRun = (): void => {
      if (run !== '' && codePointLength(run) <= MAX_RUN_LENGTH) found.push(run);
      run = '';
    };
    for (const { segment } of words.segment(piece)) {
      if (!HAS_CONTENT.test(segment)) {
        endRun();
        continue;
      }
      found.push(segment);
      if (isSpacelessScript(segment.codePointAt(0) ?? 0)) run += segment;
      else endRun();
    }
    endRun();
  }

  const byKey = new Map<string, string>();
  for (const term of found) {
    const key = foldTerm(term);
    if (key !== '' && !byKey.has(key)) byKey.set(key, term);
  }
  let terms = [...byKey.values()];
  const single = terms.map((term) => graphemeCount(term) === 1);
  if (single.includes(false)) terms = terms.filter((_, i) => !single[i]);
  // `dignity and rights` should not light up every `and`: function words go when content words remain.
  const stop = terms.map((term) => STOP_WORDS.has(foldTerm(term)));
  if (stop.includes(false)) terms = terms.filter((_, i) => !stop[i]);
  // Array.prototype.sort is stable: equal lengths keep the query's order.
  return terms.sort((a, b) => codePointLength(b) - codePointLength(a)).slice(0, MAX_TERMS);
}
