/**
 * Retrieval metrics with trec_eval's semantics (as pytrec_eval and ir-measures compute them), so numbers
 * from Polyseek's evaluation lab compare with published BEIR/MTEB tables:
 * - a run is ranked by score, descending, ties broken by document id, DESCENDING (trec_eval sorts by
 *   `sim` then `docno` in reverse — see usnistgov/trec_eval#22, cvangysel/pytrec_eval#56);
 * - a document is relevant when its judged grade is ≥ 1 (trec_eval's default `relevance_level`); grades
 *   are gains as they are (linear, not 2^g − 1) in nDCG, with the log2(rank + 1) discount;
 * - nDCG@k's ideal ranking is built from every judged document of the query (not only those retrieved);
 * - Recall@k: relevant retrieved in the top k / all relevant; RR@k: 1 / rank of the first relevant in the
 *   top k, else 0 (ir-measures `RR@10`); AP: trec_eval `map` over the whole run (precision at each
 *   relevant document retrieved, summed, / all relevant);
 * - queries judged but without a single relevant document are not evaluated (trec_eval skips them);
 *   a judged query missing from the run scores 0 on every measure and still counts in the mean (trec_eval
 *   `-c`): a system that returns nothing for a query must not look better for it.
 */

/** Judged grades per query: `qrels[queryId][docId] = grade` (BEIR qrels/*.tsv). */
export type Qrels = ReadonlyMap<string, ReadonlyMap<string, number>>;
/** Scores per query: `run[queryId][docId] = score` (higher is better). */
export type Run = ReadonlyMap<string, ReadonlyMap<string, number>>;

export interface QueryMetrics {
  readonly ndcg10: number;
  readonly recall10: number;
  readonly recall100: number;
  readonly mrr10: number;
  readonly map: number;
}

export const METRIC_NAMES = [
  'ndcg10',
  'recall10',
  'recall100',
  'mrr10',
  'map',
] as const satisfies readonly (keyof QueryMetrics)[];

/** The run's documents for one query in trec_eval's order: score descending, then id descending. */
export function rankDocuments(scores: ReadonlyMap<string, number>): string[] {
  return [...scores.entries()]
    .sort(([idA, a], [idB, b]) => b - a || (idA < idB ? 1 : idA > idB ? -1 : 0))
    .map(([id]) => id);
}

/** Every measure for one query; null when the query has no relevant document (not evaluated). */
export function queryMetrics(
  judged: ReadonlyMap<string, number>,
  scores: ReadonlyMap<string, number> | undefined,
): QueryMetrics | null {
  const relevant = [...judged.values()].filter((g) => g >= 1).length;
  if (relevant === 0) return null;
  const ranked = scores ? rankDocuments(scores) : [];
  const grade = (id: string): number => judged.get(id) ?? 0;

  let dcg = 0;
  for (const [i, id] of ranked.slice(0, 10).entries()) dcg += Math.max(0, grade(id)) / Math.log2(i + 2);
  const ideal = [...judged.values()]
    .filter((g) => g > 0)
    .sort((a, b) => b - a)
    .slice(0, 10)
    .reduce((sum, g, i) => sum + g / Math.log2(i + 2), 0);

  const hitsAt = (k: number): number => ranked.slice(0, k).filter((id) => grade(id) >= 1).length;
  const first = ranked.slice(0, 10).findIndex((id) => grade(id) >= 1);

  let found = 0;
  let precisionSum = 0;
  ranked.forEach((id, i) => {
    if (grade(id) < 1) return;
    found += 1;
    precisionSum += found / (i + 1);
  });

  return {
    ndcg10: ideal > 0 ? dcg / ideal : 0,
    recall10: hitsAt(10) / relevant,
    recall100: hitsAt(100) / relevant,
    mrr10: first === -1 ? 0 : 1 / (first + 1),
    map: precisionSum / relevant,
  };
}

export interface Evaluation {
  /** Per evaluated query (judged with at least one relevant document). */
  readonly perQuery: ReadonlyMap<string, QueryMetrics>;
  /** Means over `perQuery`. */
  readonly mean: QueryMetrics;
}

/** Evaluates a run against qrels: per-query measures and their means (see the module comment). */
export function evaluateRun(qrels: Qrels, run: Run): Evaluation {
  const perQuery = new Map<string, QueryMetrics>();
  for (const [queryId, judged] of qrels) {
    const metrics = queryMetrics(judged, run.get(queryId));
    if (metrics) perQuery.set(queryId, metrics);
  }
  return { perQuery, mean: meanOf([...perQuery.values()]) };
}

export function meanOf(rows: readonly QueryMetrics[]): QueryMetrics {
  const mean = (name: keyof QueryMetrics): number =>
    rows.length === 0 ? 0 : rows.reduce((sum, row) => sum + row[name], 0) / rows.length;
  return {
    ndcg10: mean('ndcg10'),
    recall10: mean('recall10'),
    recall100: mean('recall100'),
    mrr10: mean('mrr10'),
    map: mean('map'),
  };
}
