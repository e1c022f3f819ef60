import { describe, expect, it } from 'vitest';

import { citedNumbers, parseCitations } from '../../../../../../renderer/src/pages/search/ask/citations';

const FIVE = new Set([1, 2, 3, 4, 5]);

describe('parseCitations', () => {
  it('finds single, grouped and adjacent citations', () => {
    expect(parseCitations('Everyone has rights [1].', FIVE)).toEqual([
      { kind: 'text', text: 'Everyone has rights ' },
      { kind: 'cite', numbers: [1], raw: '[1]' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseCitations('Both say so [1, 3].', FIVE)).toEqual([
      { kind: 'text', text: 'Both say so ' },
      { kind: 'cite', numbers: [1, 3], raw: '[1, 3]' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseCitations('Seen twice [2][5]', FIVE)).toEqual([
      { kind: 'text', text: 'Seen twice ' },
      { kind: 'cite', numbers: [2], raw: '[2]' },
      { kind: 'cite', numbers: [5], raw: '[5]' },
    ]);
    expect(parseCitations('[1,3]', FIVE)).toEqual([{ kind: 'cite', numbers: [1, 3], raw: '[1,3]' }]);
  });

  it('keeps numbers that are not sources, for "not a source"', () => {
    expect(parseCitations('Made up [12].', FIVE)).toEqual([
      { kind: 'text', text: 'Made up ' },
      { kind: 'cite', numbers: [12], raw: '[12]' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads the other forms the engine counts: ranges, "and", full-width brackets and commas', () => {
    expect(parseCitations('So [1-3].', FIVE)[1]).toEqual({ kind: 'cite', numbers: [1, 2, 3], raw: '[1-3]' });
    expect(parseCitations('So [2 and 4].', FIVE)[1]).toEqual({ kind: 'cite', numbers: [2, 4], raw: '[2 and 4]' });
    expect(parseCitations('人権【2】と［1，3］。', FIVE)).toEqual([
      { kind: 'text', text: '人権' },
      { kind: 'cite', numbers: [2], raw: '【2】' },
      { kind: 'text', text: 'と' },
      { kind: 'cite', numbers: [1, 3], raw: '［1，3］' },
      { kind: 'text', text: '。' },
    ]);
  });

  it('leaves other brackets alone: letters, indexes, zero, backwards or overlong ranges', () => {
    for (const text of ['see [a] and [b]', 'array[0] is first', 'x = [0]', '[3-1]', 'pages [1-40]', '[]', '[12345]']) {
      expect(parseCitations(text, FIVE)).toEqual([{ kind: 'text', text }]);
    }
  });

  it('counts a group written after a word only when every number is a source', () => {
    expect(parseCitations('capital[1].', FIVE)).toEqual([
      { kind: 'text', text: 'capital' },
      { kind: 'cite', numbers: [1], raw: '[1]' },
      { kind: 'text', text: '.' },
    ]);
    expect(parseCitations('rows[7] holds it', FIVE)).toEqual([{ kind: 'text', text: 'rows[7] holds it' }]);
    expect(parseCitations('人権[2]', FIVE)).toEqual([
      { kind: 'text', text: '人権' },
      { kind: 'cite', numbers: [2], raw: '[2]' },
    ]);
  });

  it('leaves a half-streamed group as text until it closes', () => {
    expect(parseCitations('rights [1', FIVE)).toEqual([{ kind: 'text', text: 'rights [1' }]);
    expect(parseCitations('rights [1, ', FIVE)).toEqual([{ kind: 'text', text: 'rights [1, ' }]);
  });
});

describe('citedNumbers', () => {
  it('lists each number once, in order of first use', () => {
    expect(citedNumbers('A [3]. B [1, 3]. C [2][3]. D [9].', FIVE)).toEqual([3, 1, 2, 9]);
    expect(citedNumbers('nothing cited', FIVE)).toEqual([]);
  });
});
