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
  // Array.prototype.sort is stable: equal lengths keep the query's order.
  return terms.sort((a, b) => codePointLength(b) - codePointLength(a)).slice(0, MAX_TERMS);
}
