import { describe, expect, it } from 'vitest';

import { classTfIdf, labelTerms, TermCounts } from '../../../../electron/engine/explore/labels';

function counts(passages: readonly string[]): TermCounts {
  const out = new TermCounts();
  for (const passage of passages) out.add(labelTerms(passage));
  return out;
}

describe('labelTerms', () => {
  it('lower-cases words and drops numbers, single letters, punctuation and stop words', () => {
    expect(labelTerms('The Quick brown fox, 42 times: a fox! État 3rd')).toEqual([
      'quick',
      'brown',
      'fox',
      'times',
      'fox',
      'état',
      '3rd',
    ]);
  });

  it('segments Chinese, Japanese and Thai into dictionary words', () => {
    const chinese = labelTerms('我们讨论机器学习和神经网络');
    expect(chinese).toContain('机器');
    expect(chinese).toContain('学习');
    expect(chinese).not.toContain('和');
    expect(labelTerms('東京都の天気予報です')).toEqual(expect.arrayContaining(['東京', '天気', '予報']));
    const thai = labelTerms('การเรียนรู้ของเครื่อง');
    expect(thai.length).toBeGreaterThan(1);
    expect(thai.join('')).toBe('การเรียนรู้ของเครื่อง');
  });
});

describe('classTfIdf', () => {
  it('ranks the distinctive terms of each cluster first, over terms every cluster shares', () => {
    const shared = 'report document summary report';
    const classes = [
      counts([`${shared} neural network training`, `${shared} neural network gradient`, '机器学习 神经网络 模型']),
      counts([`${shared} invoice payment tax`, `${shared} invoice tax refund`, '发票 税务 付款']),
      counts([`${shared} recipe flour oven`, `${shared} recipe oven sugar`]),
    ];
    const [ai, money, baking] = classTfIdf(classes, 3);
    expect(ai?.slice(0, 2).sort()).toEqual(['network', 'neural']);
    expect(money?.slice(0, 2).sort()).toEqual(['invoice', 'tax']);
    expect(baking?.slice(0, 2).sort()).toEqual(['oven', 'recipe']);
    // A term of every cluster ranks below the distinctive ones, however frequent (c-TF-IDF's idf).
    for (const terms of classTfIdf(classes, 12)) expect(terms.indexOf('report')).toBeGreaterThan(1);
    // CJK terms are segmented words, ranked like any other.
    expect(classTfIdf(classes, 12)[1]).toEqual(expect.arrayContaining(['发票', '税务']));
  });

  it('gives empty clusters no terms and breaks ties by term', () => {
    const [empty, only] = classTfIdf([new TermCounts(), counts(['zeta alpha'])], 5);
    expect(empty).toEqual([]);
    expect(only).toEqual(['alpha', 'zeta']);
  });
});
