import { describe, expect, it } from 'vitest';

import { bootstrapIntervals, percentile } from '../../../../electron/engine/eval/bootstrap';
import { bestCell } from '../../../../electron/engine/eval/eval-runner';
import { cellId, completeGrid, expandGrid, passageKey } from '../../../../electron/engine/eval/grid';
import { seededRandom } from '../../../../electron/engine/random';
import { DEFAULT_SETTINGS, type EvalCell } from '../../../../shared';

describe('evaluation grids', () => {
  it('takes missing axes from the settings and expands every combination, one keyword cell', () => {
    const grid = completeGrid({ dims: [64, 256], modes: ['semantic', 'keyword'] }, DEFAULT_SETTINGS);
    const cells = expandGrid(grid);
    expect(cells.map((c) => c.id).sort()).toEqual([
      'keyword',
      'semantic|retrieval.query|retrieval.passage|256|fp32|prefix',
      'semantic|retrieval.query|retrieval.passage|64|fp32|prefix',
    ]);
    expect(cells).toHaveLength(3);
    expect(cells.find((c) => c.id === 'keyword')?.config).toEqual({
      mode: 'keyword',
      queryTask: null,
      passageTask: null,
      dims: null,
      precision: null,
      prefix: null,
    });
  });

  it('groups cells by what the passage vectors depend on, and refuses oversized grids', () => {
    const [cell] = expandGrid(completeGrid({ modes: ['hybrid'], queryTasks: ['text-matching'] }, DEFAULT_SETTINGS));
    expect(cell && passageKey(cell.config)).toBe('retrieval.passage|fp32|prefix');
    expect(cell && cellId(cell.config)).toBe('hybrid|text-matching|retrieval.passage|1024|fp32|prefix');
    expect(() =>
      expandGrid({
        queryTasks: ['retrieval.query', 'retrieval.passage', 'separation', 'classification', 'text-matching'],
        passageTasks: ['retrieval.query', 'retrieval.passage', 'separation', 'classification', 'text-matching'],
        dims: [32, 64, 128, 256, 512, 768, 1024],
        precisions: ['fp32', 'int8'],
        modes: ['semantic', 'hybrid'],
        prefixes: [true],
      }),
    ).toThrow(/700 cells; at most 400/u);
  });

  it('picks the best cell by nDCG@10, then Recall@100, then fewer dims', () => {
    const cell = (id: string, ndcg10: number, recall100: number, dims: number): EvalCell => ({
      id,
      config: {
        mode: 'semantic',
        queryTask: 'retrieval.query',
        passageTask: 'retrieval.passage',
        dims,
        precision: 'fp32',
        prefix: true,
      },
      state: 'done',
      problem: null,
      mean: { ndcg10, recall10: 0, recall100, mrr10: 0, map: 0 },
      interval: null,
      queries: 1,
      searchMs: 0,
      medianQueryMs: 0,
      recallCurve: [],
    });
    expect(bestCell([cell('a', 0.5, 0.9, 256), cell('b', 0.6, 0.1, 1024)])).toBe('b');
    expect(bestCell([cell('a', 0.6, 0.8, 256), cell('b', 0.6, 0.9, 1024)])).toBe('b');
    expect(bestCell([cell('big', 0.6, 0.9, 1024), cell('small', 0.6, 0.9, 128)])).toBe('small');
    expect(bestCell([])).toBeNull();
  });
});

describe('bootstrap intervals', () => {
  const rows = [0, 0.2, 0.4, 0.6, 0.8, 1].map((v) => ({ ndcg10: v, recall10: v, recall100: 1, mrr10: v, map: v }));

  it('bracket the mean, are reproducible under a seed and collapse for a constant metric', () => {
    const a = bootstrapIntervals(rows, 2000, 42);
    const b = bootstrapIntervals(rows, 2000, 42);
    expect(a).toEqual(b);
    expect(a?.ndcg10.low).toBeLessThan(0.5);
    expect(a?.ndcg10.high).toBeGreaterThan(0.5);
    // The mean of 6 draws from {0, …, 1}: sd of the mean ≈ 0.342 / √6 ≈ 0.14, so the 95 % interval spans ≈ ±0.27.
    expect((a?.ndcg10.high ?? 0) - (a?.ndcg10.low ?? 0)).toBeGreaterThan(0.4);
    expect((a?.ndcg10.high ?? 0) - (a?.ndcg10.low ?? 0)).toBeLessThan(0.7);
    expect(a?.recall100).toEqual({ low: 1, high: 1 });
    expect(bootstrapIntervals(rows, 2000, 43)).not.toEqual(a);
    expect(bootstrapIntervals([], 100, 1)).toBeNull();
  });

  it('interpolates percentiles like numpy', () => {
    expect(percentile(Float64Array.from([1, 2, 3, 4]), 0.5)).toBe(2.5);
    expect(percentile(Float64Array.from([10]), 0.975)).toBe(10);
  });

  it('draws uniform numbers in [0, 1) from a seed', () => {
    const random = seededRandom(1);
    const draws = Array.from({ length: 10_000 }, random);
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    expect(draws.reduce((s, x) => s + x, 0) / draws.length).toBeCloseTo(0.5, 1);
  });
});
