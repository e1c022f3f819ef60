import { describe, expect, it } from 'vitest';

import { cleanText, SegmentList, splitLongText } from '../../../../electron/engine/extract/segments';

describe('segments', () => {
  it('cleans control characters, BOMs and line ends, and normalises to NFC', () => {
    expect(cleanText('a\r\nb\rc\u0017\uFEFF d  \n')).toBe('a\nb\nc d\n');
    expect(cleanText('Cafe\u0301')).toBe('Café');
  });

  it('splits long text at paragraph, sentence or space boundaries, hard-cuts only unbroken runs', () => {
    const sentence = 'This sentence has some words. ';
    const pieces = splitLongText(sentence.repeat(400), 1000);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(1000);
      expect(piece.endsWith('words.')).toBe(true);
    }
    const base64 = 'QUJD'.repeat(1000);
    const cut = splitLongText(base64, 1000);
    expect(cut.map((p) => p.length)).toEqual([1000, 1000, 1000, 1000]);
    expect(cut.join('')).toBe(base64);
  });

  it('never splits a surrogate pair', () => {
    const pieces = splitLongText('a' + '😀'.repeat(600), 1000);
    for (const piece of pieces) expect(piece).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
  });

  it('drops empty segments and clamps heading levels', () => {
    const list = new SegmentList();
    list.text('  \n ');
    list.heading('Title', 9);
    list.text('Body', { line: 3 });
    expect(list.segments).toEqual([
      { kind: 'heading', level: 6, text: 'Title', location: {} },
      { kind: 'text', text: 'Body', location: { line: 3 } },
    ]);
  });
});
