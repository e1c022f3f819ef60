import { describe, expect, it } from 'vitest';

import { foldTerm, foldWithOffsets } from '../../../../electron/engine/search/fold-text';

/** Each folded unit with the source text it maps to. */
function pairs(text: string): [string, string][] {
  const folded = foldWithOffsets(text);
  return [...folded.text].map((_, i) => [
    folded.text[i] ?? '',
    text.slice(folded.sourceStart[i] ?? 0, folded.sourceEnd[i] ?? 0),
  ]);
}

describe('foldWithOffsets', () => {
  it('maps every folded unit back to the source unit it came from', () => {
    expect(pairs('İß')).toEqual([
      ['i', 'İ'],
      ['s', 'ß'],
      ['s', 'ß'],
    ]);
    expect(pairs('ﬁe\u0301')).toEqual([
      ['f', 'ﬁ'],
      ['i', 'ﬁ'],
      ['e', 'e\u0301'],
    ]);
    expect(foldWithOffsets('𝐀b').text).toBe('ab');
  });

  it('folds white space runs to one space, none between spaceless characters, none at the ends', () => {
    const folded = foldWithOffsets('  A \t B 東 京  ');
    expect(folded.text).toBe('a b 東京');
    expect([folded.sourceStart[1], folded.sourceEnd[1]]).toEqual([3, 6]);
  });

  it('folds terms as it folds passages', () => {
    expect(foldTerm('Ｃａｆé')).toBe('cafe');
    expect(foldTerm('ガ')).toBe('ガ');
    expect(foldTerm('ｶﾞ')).toBe('ガ');
    expect(foldTerm('한국')).toBe(foldTerm('\u1112\u1161\u11ab\u1100\u116e\u11a8'));
    expect(foldTerm('ÆSØP')).toBe('aesop');
    expect(foldTerm('Łódź')).toBe('lodz');
    // Marks stay where they make another letter: Cyrillic й, Devanagari matras, Thai vowels.
    expect(foldTerm('Й')).toBe('й');
    expect(foldTerm('हिन्दी')).toBe('हिन्दी');
    expect(foldTerm('ที่')).toBe('ที่');
  });
});
