import type { EvalCell, EvalCellConfig, EvalReport, EvalRunSummary, MetricValues } from '../../../../../shared';

export const summary = (over: Partial<EvalRunSummary> = {}): EvalRunSummary => ({
  runId: '20260304091500-a1b2c3',
  label: null,
  dataset: { kind: 'beir', dir: '/data/scifact' },
  datasetName: 'scifact',
  documents: 120,
  queries: 8,
  state: 'done',
  activity: null,
  done: 100,
  total: 100,
  cellsDone: 3,
  cells: 3,
  startedAt: '2026-03-04T09:15:00.000Z',
  finishedAt: '2026-03-04T09:16:00.000Z',
  error: null,
  warnings: [],
  encodeMs: {},
  revision: 3,
  ...over,
});

export const config = (over: Partial<EvalCellConfig> = {}): EvalCellConfig => ({
  mode: 'semantic',
  queryTask: 'retrieval.query',
  passageTask: 'retrieval.passage',
  dims: 256,
  precision: 'fp32',
  prefix: true,
  ...over,
});

export const KEYWORD: EvalCellConfig = {
  mode: 'keyword',
  queryTask: null,
  passageTask: null,
  dims: null,
  precision: null,
  prefix: null,
};

const metrics = (ndcg10: number, recall100 = ndcg10): MetricValues => ({
  ndcg10,
  recall10: ndcg10,
  recall100,
  mrr10: ndcg10,
  map: ndcg10,
});

/** A finished cell whose five means are `ndcg` (Recall@100 may differ), with a linear recall curve. */
export const done = (id: string, cellConfig: EvalCellConfig, ndcg: number, over: Partial<EvalCell> = {}): EvalCell => ({
  id,
  config: cellConfig,
  state: 'done',
  problem: null,
  mean: metrics(ndcg),
  interval: null,
  queries: 8,
  searchMs: 80,
  medianQueryMs: 10,
  recallCurve: Array.from({ length: 100 }, (_, k) => Math.min(1, ((k + 1) / 100) * (1 + ndcg))),
  ...over,
});

export const notDone = (
  id: string,
  cellConfig: EvalCellConfig,
  state: EvalCell['state'],
  message?: string,
): EvalCell => ({
  id,
  config: cellConfig,
  state,
  problem: message ? { code: 'INVALID_INPUT', message } : null,
  mean: null,
  interval: null,
  queries: 0,
  searchMs: 0,
  medianQueryMs: 0,
  recallCurve: [],
});

export const report = (cells: EvalCell[], over: Partial<EvalReport> = {}): EvalReport => ({
  summary: summary(),
  grid: {
    queryTasks: ['retrieval.query'],
    passageTasks: ['retrieval.passage'],
    dims: [256],
    precisions: ['fp32'],
    modes: ['semantic', 'keyword', 'hybrid'],
    prefixes: [true],
  },
  cells,
  bestCellId: null,
  queries: [],
  model: null,
  ...over,
});
