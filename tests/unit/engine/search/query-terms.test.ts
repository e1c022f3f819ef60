import { describe, expect, it } from 'vitest';

import { queryTerms } from '../../../../electron/engine/search/query-terms';

describe('queryTerms', () => {
  it('splits at white space and punctuation, longest first', () => {
    expect(queryTerms('  freedom, of expression! ')).toEqual(['expression', 'freedom']);
    // Word-internal punctuation stays (the word segmenter keeps `don't` and `3.14` whole).
    expect(queryTerms("don't e-mail 3.14")).toEqual(["don't", 'mail', '3.14']);
  });

  it('keeps a short run of a spaceless script whole beside its dictionary words', () => {
    expect(queryTerms('東京都')).toEqual(['東京都', '東京']);
    expect(queryTerms('東京都の天気')).toEqual(['東京都の天気', '東京', '天気']);
    expect(queryTerms('尊严和权利')).toEqual(['尊严和权利', '尊严', '权利']);
    expect(queryTerms('ภาษาไทย')).toEqual(['ภาษาไทย', 'ภาษา', 'ไทย']);
    // Punctuation ends a run: `東京、大阪` is two terms, not `東京大阪`.
    expect(queryTerms('東京、大阪')).toEqual(['東京', '大阪']);
  });

  it('mixes scripts inside one piece', () => {
    expect(queryTerms('iPhone15の価格')).toEqual(['iPhone15', 'の価格', '価格']);
  });

  it('drops single characters when a longer term exists, keeps them when there is nothing else', () => {
    expect(queryTerms('a cat')).toEqual(['cat']);
    expect(queryTerms('の 東京')).toEqual(['東京']);
    expect(queryTerms('a')).toEqual(['a']);
    expect(queryTerms('の')).toEqual(['の']);
    expect(queryTerms('x y')).toEqual(['x', 'y']);
    // One grapheme, however many code units: a skin-toned emoji or a decomposed letter is one character.
    expect(queryTerms('👍🏽 great')).toEqual(['great']);
    expect(queryTerms('e\u0301 cafe')).toEqual(['cafe']);
  });

  it('drops terms that are only punctuation or symbols', () => {
    expect(queryTerms('!!! … — + ?')).toEqual([]);
    expect(queryTerms('')).toEqual([]);
    expect(queryTerms('   ')).toEqual([]);
    expect(queryTerms('C++')).toEqual(['C']);
  });

  it('is one term for spellings that differ only by case, accents, width or composition', () => {
    expect(queryTerms('Café CAFE cafe')).toEqual(['Café']);
    expect(queryTerms('ＡＢＣ abc')).toEqual(['ＡＢＣ']);
    // NFC first: a decomposed query comes back composed.
    expect(queryTerms('cafe\u0301')).toEqual(['café']);
    expect(queryTerms('Straße strasse')).toEqual(['Straße']);
  });

  it('keeps emoji as terms', () => {
    expect(queryTerms('👩‍👩‍👧')).toEqual(['👩‍👩‍👧']);
  });

  it('keeps at most 32 terms, the longest', () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${'x'.repeat(i)}`);
    const terms = queryTerms(words.join(' '));
    expect(terms).toHaveLength(32);
    expect(terms[0]).toBe(words[39]);
    expect(terms.at(-1)).toBe(words[8]);
  });

  it('orders equal lengths as the query does', () => {
    expect(queryTerms('dog cat emu')).toEqual(['dog', 'cat', 'emu']);
  });

  it('drops function words while content words remain, in several languages', () => {
    expect(queryTerms('dignity and rights')).toEqual(['dignity', 'rights']);
    expect(queryTerms('droits de l’homme')).toEqual(['l’homme', 'droits']);
    expect(queryTerms('права и свободы')).toEqual(['свободы', 'права']);
    expect(queryTerms('Recht für Elise')).toEqual(['Recht', 'Elise']);
    // Only function words: they are what was asked for.
    expect(queryTerms('to be or not')).toEqual(['not']);
    expect(queryTerms('and or')).toEqual(['and', 'or']);
  });
});
