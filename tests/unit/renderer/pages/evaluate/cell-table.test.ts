import { describe, expect, it } from 'vitest';

import {
  cellLabel,
  cellLabelParts,
  DEFAULT_ORDER,
  initialChartCells,
  nextOrder,
  sortCells,
} from '../../../../../renderer/src/pages/evaluate/cell-table';
import { config, done, KEYWORD, notDone } from './eval-fixtures';

const CELLS = [
  done('a', config({ dims: 256 }), 0.4, { medianQueryMs: 12 }),
  notDone('b', config({ dims: 2048 }), 'skipped', 'this model is 1024 dims wide'),
  done('c', config({ mode: 'hybrid', dims: 64 }), 0.7, { medianQueryMs: 30 }),
  done('k', KEYWORD, 0.5, { medianQueryMs: 3 }),
  notDone('f', config({ precision: 'fp16' }), 'failed', 'no fp16 model'),
  done('d', config({ dims: 128 }), 0.4, { medianQueryMs: 8 }),
];
const ids = (cells: readonly { id: string }[]) => cells.map((c) => c.id);

describe('sorting the cell table', () => {
  it('puts the best nDCG@10 first by default, cells without numbers last', () => {
    expect(DEFAULT_ORDER).toEqual({ key: 'ndcg10', direction: 'descending' });
    expect(ids(sortCells(CELLS, DEFAULT_ORDER))).toEqual(['c', 'k', 'd', 'a', 'b', 'f']);
  });

  it('breaks ties as the engine picks the best cell: higher Recall@100, then fewer dims, then run order', () => {
    const tied = [
      done('wide', config({ dims: 1024 }), 0.5),
      done('narrow', config({ dims: 64 }), 0.5),
      done('recall', config({ dims: 1024 }), 0.5, {
        mean: { ndcg10: 0.5, recall10: 0.5, recall100: 0.9, mrr10: 0.5, map: 0.5 },
      }),
      done('again', config({ dims: 1024, precision: 'int8' }), 0.5),
    ];
    expect(ids(sortCells(tied, DEFAULT_ORDER))).toEqual(['recall', 'narrow', 'wide', 'again']);
  });

  it('keeps cells without numbers last in ascending order too', () => {
    expect(ids(sortCells(CELLS, { key: 'ndcg10', direction: 'ascending' }))).toEqual(['d', 'a', 'k', 'c', 'b', 'f']);
    expect(ids(sortCells(CELLS, { key: 'ms', direction: 'ascending' }))).toEqual(['k', 'd', 'a', 'c', 'b', 'f']);
  });

  it('sorts settings by mode (hybrid, semantic, keyword) then the axes, dims numerically', () => {
    expect(ids(sortCells(CELLS, { key: 'setting', direction: 'ascending' }))).toEqual(['c', 'd', 'f', 'a', 'b', 'k']);
  });

  it('sorts states finished first', () => {
    expect(ids(sortCells(CELLS, { key: 'state', direction: 'ascending' }))).toEqual(['a', 'c', 'k', 'd', 'b', 'f']);
  });

  it('flips the direction on a second click; numbers start high, text and time low', () => {
    expect(nextOrder(DEFAULT_ORDER, 'ndcg10')).toEqual({ key: 'ndcg10', direction: 'ascending' });
    expect(nextOrder(DEFAULT_ORDER, 'map')).toEqual({ key: 'map', direction: 'descending' });
    expect(nextOrder(DEFAULT_ORDER, 'ms')).toEqual({ key: 'ms', direction: 'ascending' });
    expect(nextOrder(DEFAULT_ORDER, 'setting')).toEqual({ key: 'setting', direction: 'ascending' });
  });
});

describe('cells in words', () => {
  it('names every setting of a cell, and a keyword cell as using no vectors', () => {
    expect(cellLabel(config({ prefix: false, precision: 'int8' }))).toBe(
      'semantic · retrieval.query → retrieval.passage · 256 dims · int8 · no prefix',
    );
    expect(cellLabel(KEYWORD)).toBe('keyword · no vectors');
  });

  it('splits a label into how the cell searches and with which vectors (two lines of the table)', () => {
    expect(cellLabelParts(config({ dims: 64 }))).toEqual([
      'semantic · retrieval.query → retrieval.passage',
      '64 dims · fp32 · prefix',
    ]);
    expect(cellLabelParts(KEYWORD)).toEqual(['keyword', 'no vectors']);
  });

  it('starts the recall chart with the best finished cells', () => {
    expect(initialChartCells(CELLS, 2)).toEqual(['c', 'k']);
    expect(initialChartCells(CELLS)).toEqual(['c', 'k', 'd', 'a']);
  });
});
