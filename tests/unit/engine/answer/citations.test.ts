import { describe, expect, it } from 'vitest';

import { checkCitations, citedNumbers, ThinkFilter } from '../../../../electron/engine/answer/citations';

describe('citedNumbers', () => {
  it('reads single, grouped, chained and ranged citations in order of first use', () => {
    expect(citedNumbers('Rights are equal [2]. Dignity too [1, 3][2] and more [4-6].')).toEqual([2, 1, 3, 4, 5, 6]);
  });

  it('reads full-width brackets and CJK separators', () => {
    expect(citedNumbers('人権は平等である【2】。尊厳も［1、3］')).toEqual([2, 1, 3]);
  });

  it('leaves code, words and absurd ranges alone', () => {
    expect(citedNumbers('array[0] and [a] and [x1] and [1-999]')).toEqual([]);
  });
});

describe('checkCitations', () => {
  it('splits citations into those the pack has and invented ones', () => {
    expect(checkCitations('See [1], [3] and [7].', 3)).toEqual({ known: [1, 3], unknown: [7] });
  });
});

describe('ThinkFilter', () => {
  it('drops reasoning blocks, also when the tags are split across pieces', () => {
    const filter = new ThinkFilter();
    const pieces = ['<th', 'ink>let me ', 'think</thi', 'nk>The answer', ' is 42 [1].'];
    const out = pieces.map((p) => filter.push(p)).join('') + filter.flush();
    expect(out).toBe('The answer is 42 [1].');
  });

  it('releases text that only looked like the start of a tag', () => {
    const filter = new ThinkFilter();
    expect(filter.push('a <t')).toBe('a ');
    expect(filter.push('able>')).toBe('<table>');
    expect(filter.push('x <')).toBe('x ');
    expect(filter.flush()).toBe('<');
  });
});
