import { describe, expect, it } from 'vitest';

import { diffText, unmarked, wordTokens } from '../../../../electron/engine/explore/diff-text';
import { passageLocation } from '../../../../electron/engine/explore/pair';
import type { DiffSegment } from '../../../../shared';

const changed = (segments: readonly DiffSegment[]): string[] =>
  segments.filter((segment) => segment.changed).map((segment) => segment.text);
const text = (segments: readonly DiffSegment[]): string => segments.map((segment) => segment.text).join('');

describe('diffText', () => {
  it('marks only the edited words and rebuilds each side exactly', () => {
    const a = 'The quick brown fox jumps over the lazy dog.';
    const b = 'The quick red fox jumped over the  lazy dog.';
    const diff = diffText(a, b);
    expect(changed(diff.a)).toEqual(['brown', 'jumps']);
    expect(changed(diff.b)).toEqual(['red', 'jumped']);
    expect(text(diff.a)).toBe(a);
    expect(text(diff.b)).toBe(b);
  });

  it('joins neighbouring edits into one run and leaves re-wrapped white space unmarked', () => {
    expect(diffText('one two three', 'uno dos three').a).toEqual([
      { text: 'one two', changed: true },
      { text: ' three', changed: false },
    ]);
    expect(diffText('line one\nline two', 'line one line two').a).toEqual([
      { text: 'line one\nline two', changed: false },
    ]);
  });

  it('splits scripts without spaces into dictionary words', () => {
    const zh = diffText('我们今天去北京开会。', '我们明天去北京开会。');
    expect(changed(zh.a)).toEqual(['今天']);
    expect(changed(zh.b)).toEqual(['明天']);
    const ja = diffText('東京都に住んでいます。', '大阪府に住んでいます。');
    expect(changed(ja.a)).toEqual(['東京都']);
    const th = diffText('ฉันชอบกินข้าวผัดทุกวัน', 'ฉันชอบกินก๋วยเตี๋ยวทุกวัน');
    expect(changed(th.a)).toEqual(['ข้าวผัด']);
    expect(changed(th.b)).toEqual(['ก๋วยเตี๋ยว']);
    expect(text(th.b)).toBe('ฉันชอบกินก๋วยเตี๋ยวทุกวัน');
  });

  it('marks a whole side when nothing is shared, and handles empty text', () => {
    expect(diffText('alpha beta', 'other words')).toEqual({
      a: [{ text: 'alpha beta', changed: true }],
      b: [{ text: 'other words', changed: true }],
    });
    expect(diffText('', 'new')).toEqual({ a: [], b: [{ text: 'new', changed: true }] });
    expect(unmarked('')).toEqual([]);
    expect(unmarked('Ein Satz.')).toEqual([{ text: 'Ein Satz.', changed: false }]);
  });

  it('gives up on word diffs of long unrelated passages, marking them whole', () => {
    const left = Array.from({ length: 1_500 }, (_, i) => `a${i}`).join(' ');
    const right = Array.from({ length: 1_500 }, (_, i) => `b${i}`).join(' ');
    const diff = diffText(left, right);
    expect(diff.a).toEqual([{ text: left, changed: true }]);
    expect(diff.b).toEqual([{ text: right, changed: true }]);
  });

  it('tokenizes words and punctuation, not spaces', () => {
    expect(wordTokens('Hi, you.').map((token) => token.text)).toEqual(['Hi', ',', 'you', '.']);
  });
});

describe('passageLocation', () => {
  it('says pages, else lines, else the passage number, with the section', () => {
    expect(passageLocation({ page: 3, pageEnd: 3 }, 0)).toBe('p. 3');
    expect(passageLocation({ page: 3, pageEnd: 4, headings: ['Intro', 'Scope'] }, 0)).toBe('pp. 3–4 — Scope');
    expect(passageLocation({ line: 10, lineEnd: 24 }, 0)).toBe('lines 10–24');
    expect(passageLocation({ line: 7 }, 0)).toBe('line 7');
    expect(passageLocation({ section: 'Sheet1' }, 4)).toBe('passage 5 — Sheet1');
  });
});
