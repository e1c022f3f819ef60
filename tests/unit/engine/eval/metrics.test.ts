import { describe, expect, it } from 'vitest';

import { evaluateRun, queryMetrics, rankDocuments } from '../../../../electron/engine/eval/metrics';

const map = (entries: Record<string, number>) => new Map(Object.entries(entries));
const nested = (entries: Record<string, Record<string, number>>) =>
  new Map(Object.entries(entries).map(([q, docs]) => [q, map(docs)]));

describe('retrieval metrics, checked by hand', () => {
  it('computes graded nDCG@10, Recall, RR@10 and AP for one query', () => {
    // Ranking: d3 (grade 0), d1 (2), d5 (unjudged), d2 (1); d4 (1) never retrieved.
    const judged = map({ d1: 2, d2: 1, d3: 0, d4: 1 });
    const scores = map({ d3: 0.9, d1: 0.8, d5: 0.7, d2: 0.6 });
    const dcg = 2 / Math.log2(3) + 1 / Math.log2(5);
    const ideal = 2 + 1 / Math.log2(3) + 1 / Math.log2(4);
    const metrics = queryMetrics(judged, scores);
    expect(metrics?.ndcg10).toBeCloseTo(dcg / ideal, 10);
    expect(metrics?.ndcg10).toBeCloseTo(0.540586, 5);
    expect(metrics?.recall10).toBeCloseTo(2 / 3, 10);
    expect(metrics?.recall100).toBeCloseTo(2 / 3, 10);
    expect(metrics?.mrr10).toBe(0.5);
    expect(metrics?.map).toBeCloseTo((1 / 2 + 2 / 4) / 3, 10);
  });

  it('cuts at 10: a relevant document at rank 11 counts for Recall@100 and AP only', () => {
    const scores = map(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`d${i + 1}`, 100 - i])));
    const metrics = queryMetrics(map({ d11: 1 }), scores);
    expect(metrics).toEqual({ ndcg10: 0, recall10: 0, recall100: 1, mrr10: 0, map: 1 / 11 });
  });

  it('skips queries without a relevant document and counts judged queries missing from the run as 0', () => {
    const qrels = nested({ q1: { a: 1 }, q2: { b: 0 }, q3: { c: 1 } });
    const run = nested({ q1: { a: 1 }, q2: { b: 1 } }); // q3 missing
    const { perQuery, mean } = evaluateRun(qrels, run);
    expect([...perQuery.keys()]).toEqual(['q1', 'q3']);
    expect(perQuery.get('q3')).toEqual({ ndcg10: 0, recall10: 0, recall100: 0, mrr10: 0, map: 0 });
    expect(mean).toEqual({ ndcg10: 0.5, recall10: 0.5, recall100: 0.5, mrr10: 0.5, map: 0.5 });
  });
});

/**
 * Reference outputs of trec_eval / pytrec_eval for fixed runs with score ties, as published by their
 * maintainers (trec_eval breaks ties by document id, descending):
 * - usnistgov/trec_eval#22: qrels `a 0, b 1, c 0`; run `b 1.0, c 1.0` → ndcg 0.6309; run `b 1.0, a 1.0` → 1.0.
 * - cvangysel/pytrec_eval#56: qrels q1 `{d3: 1}`; run `{d1: 1, d2: 1, d3: 1}` → map 1.0, ndcg 1.0; the same
 *   judgments with run `{d5: 1, d4: 1, d3: 1}` → map 1/3, ndcg 0.5; q2 `{d2: 1, d3: 1}` with run
 *   `{d3: 1, d2: 1}` → map 1.0, ndcg 1.0.
 * With at most three documents retrieved, trec_eval's `ndcg` equals nDCG@10.
 */
describe('retrieval metrics, against trec_eval outputs on tied scores', () => {
  it('breaks ties by document id, descending', () => {
    expect(rankDocuments(map({ b: 1, c: 1, a: 1, z: 0.5 }))).toEqual(['c', 'b', 'a', 'z']);
  });

  it('matches usnistgov/trec_eval#22', () => {
    const judged = map({ a: 0, b: 1, c: 0 });
    expect(queryMetrics(judged, map({ b: 1, c: 1 }))?.ndcg10).toBeCloseTo(0.6309, 4);
    expect(queryMetrics(judged, map({ b: 1, a: 1 }))?.ndcg10).toBe(1);
  });

  it('matches cvangysel/pytrec_eval#56', () => {
    const q1 = map({ d3: 1 });
    expect(queryMetrics(q1, map({ d1: 1, d2: 1, d3: 1 }))).toMatchObject({ map: 1, ndcg10: 1 });
    const shifted = queryMetrics(q1, map({ d5: 1, d4: 1, d3: 1 }));
    expect(shifted?.map).toBeCloseTo(1 / 3, 10);
    expect(shifted?.ndcg10).toBeCloseTo(0.5, 10);
    expect(queryMetrics(map({ d2: 1, d3: 1 }), map({ d3: 1, d2: 1 }))).toMatchObject({ map: 1, ndcg10: 1 });
  });
});
