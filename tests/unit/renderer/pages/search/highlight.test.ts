import { describe, expect, it } from 'vitest';

import { clampRange, mergeRanges, snippetParts } from '../../../../../renderer/src/pages/search/highlight';

/** Renders parts as text with [marks] and {the sentence}, to compare whole snippets at a glance. */
function render(parts: ReturnType<typeof snippetParts>): string {
  return parts
    .map((part) => {
      const inner = part.segments.map((s) => (s.mark ? `[${s.text}]` : s.text)).join('');
      return part.sentence ? `{${inner}}` : inner;
    })
    .join('');
}

const range = (start: number, end: number) => ({ start, end });

describe('snippetParts', () => {
  it('marks the highlight ranges and sets off the best sentence', () => {
    const text = 'Intro here. The cat sat on the mat. The end.';
    const start = text.indexOf('The cat');
    const parts = snippetParts({
      text,
      highlights: [
        range(text.indexOf('cat'), text.indexOf('cat') + 3),
        range(text.indexOf('mat'), text.indexOf('mat') + 3),
      ],
      sentence: range(start, text.indexOf(' The end')),
    });
    expect(render(parts)).toBe('Intro here. {The [cat] sat on the [mat].} The end.');
    expect(parts.map((p) => p.sentence)).toEqual([false, true, false]);
  });

  it('slices CJK text by UTF-16 index', () => {
    const text = '世界人権宣言は、すべての人民とすべての国とが達成すべき共通の基準である。';
    const at = text.indexOf('人権');
    const parts = snippetParts({ text, highlights: [range(at, at + 2)], sentence: range(0, text.length) });
    expect(render(parts)).toBe('{世界[人権]宣言は、すべての人民とすべての国とが達成すべき共通の基準である。}');
  });

  it('keeps Arabic text and emoji whole', () => {
    const text = 'قال 😀 إن حقوق الإنسان 🌍 للجميع';
    const word = 'حقوق';
    const at = text.indexOf(word);
    const parts = snippetParts({ text, highlights: [range(at, at + word.length)], sentence: null });
    expect(render(parts)).toBe(`قال 😀 إن [${word}] الإنسان 🌍 للجميع`);
    // A range ending between the halves of 😀 (UTF-16 index 5 is its low surrogate) is widened past it.
    const emoji = text.indexOf('😀');
    const split = snippetParts({ text, highlights: [range(emoji, emoji + 1)], sentence: null });
    expect(split.flatMap((p) => p.segments).find((s) => s.mark)?.text).toBe('😀');
  });

  it('merges overlapping or touching highlights and splits a mark that crosses the sentence edge', () => {
    const text = 'alpha beta gamma';
    const parts = snippetParts({ text, highlights: [range(6, 9), range(0, 5), range(8, 10)], sentence: range(8, 16) });
    expect(render(parts)).toBe('[alpha] [be]{[ta] gamma}');
  });

  it('survives ranges outside the text, inverted or empty', () => {
    const text = 'short';
    const parts = snippetParts({ text, highlights: [range(3, 99), range(4, 2), range(1, 1)], sentence: range(-3, 2) });
    expect(render(parts)).toBe('{sh}o[rt]');
  });

  it('returns the text as one plain part when nothing matched', () => {
    expect(snippetParts({ text: 'plain', highlights: [], sentence: null })).toEqual([
      { sentence: false, segments: [{ text: 'plain', mark: false }] },
    ]);
    expect(snippetParts({ text: '', highlights: [], sentence: null })).toEqual([]);
  });
});

describe('range helpers', () => {
  it('clamps into the text and off surrogate halves', () => {
    expect(clampRange(range(-1, 10), 'abc')).toEqual(range(0, 3));
    expect(clampRange(range(2, 1), 'abc')).toEqual(range(2, 2));
    expect(clampRange(range(2, 3), 'a😀b')).toEqual(range(1, 3));
  });

  it('sorts and merges', () => {
    expect(mergeRanges([range(5, 7), range(0, 2), range(2, 3), range(6, 9), range(4, 4)])).toEqual([
      range(0, 3),
      range(5, 9),
    ]);
  });
});
