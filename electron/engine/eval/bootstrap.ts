import { METRICS, type Metric } from '../../../shared';
import { seededRandom } from '../random';
import type { QueryMetrics } from './metrics';

export type Intervals = Record<Metric, { low: number; high: number }>;

/**
 * 95 % percentile-bootstrap intervals of each metric's mean over queries: resample the queries with
 * replacement `samples` times, take the 2.5th and 97.5th percentiles of the resampled means. Queries are
 * the unit of sampling because they are what a different test set would change (Sakai 2006, Urbano et
 * al. 2013 use the same for IR evaluation). All metrics share each resample, so their intervals agree.
 */
export function bootstrapIntervals(rows: readonly QueryMetrics[], samples: number, seed: number): Intervals | null {
  if (rows.length === 0 || samples <= 0) return null;
  const random = seededRandom(seed);
  const means: Record<Metric, Float64Array> = Object.fromEntries(
    METRICS.map((m) => [m, new Float64Array(samples)]),
  ) as Record<Metric, Float64Array>;
  const n = rows.length;
  for (let s = 0; s < samples; s++) {
    const sums: Record<Metric, number> = { ndcg10: 0, recall10: 0, recall100: 0, mrr10: 0, map: 0 };
    for (let i = 0; i < n; i++) {
      const row = rows[Math.floor(random() * n)] as QueryMetrics;
      for (const metric of METRICS) sums[metric] += row[metric];
    }
    for (const metric of METRICS) means[metric][s] = sums[metric] / n;
  }
  const out = {} as Intervals;
  for (const metric of METRICS) {
    const sorted = means[metric].sort();
    out[metric] = { low: percentile(sorted, 0.025), high: percentile(sorted, 0.975) };
  }
  return out;
}

/** Linear interpolation between the closest ranks (numpy's default), on sorted values. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.min(sorted.length - 1, below + 1);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (position - below);
}
