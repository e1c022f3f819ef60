import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { DimsSchema, PrecisionSchema, TaskSchema } from './model';
import { SearchModeSchema } from './search';
import { AbsolutePathSchema } from './settings';

/**
 * The evaluation lab: retrieval quality measured on a labelled dataset, for a grid of settings. A
 * dataset is either a BEIR-format folder (corpus.jsonl, queries.jsonl, qrels/<split>.tsv), indexed into
 * a private store of its own, or a test set made from the person's own index (queries whose relevant
 * files were marked by hand), run against that index as it is.
 */

/** Run ids: `<time>-<random>`, chosen by the engine. */
export const EvalRunIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a run id');
/** Test-set names: used as folder names, so plain. */
export const TestSetNameSchema = z
  .string()
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} _.-]{0,79}$/u,
    '1–80 letters, digits, spaces, _ . or -, starting with a letter or digit',
  );

/** Each axis of the grid; every combination is one cell (keyword cells ignore the vector axes). */
export const EvalGridSchema = z.strictObject({
  queryTasks: z.array(TaskSchema).min(1).max(5),
  passageTasks: z.array(TaskSchema).min(1).max(5),
  dims: z.array(DimsSchema).min(1).max(7),
  precisions: z.array(PrecisionSchema).min(1).max(3),
  modes: z.array(SearchModeSchema).min(1).max(3),
  prefixes: z.array(z.boolean()).min(1).max(2),
});
export type EvalGrid = z.infer<typeof EvalGridSchema>;

/** Most cells one run may have: 5·5·7·3·3·2 would be 3 150; a run that large is a mistake, not a study. */
export const MAX_EVAL_CELLS = 400;

export const EvalDatasetRefSchema = z.discriminatedUnion('kind', [
  /** A BEIR-format folder. */
  z.strictObject({ kind: z.literal('beir'), dir: AbsolutePathSchema, split: z.string().min(1).max(64).optional() }),
  /** A test set made from this index (`eval.judge`). */
  z.strictObject({ kind: z.literal('testset'), name: TestSetNameSchema }),
]);
export type EvalDatasetRef = z.infer<typeof EvalDatasetRefSchema>;

export const EvalRunInputSchema = z.strictObject({
  dataset: EvalDatasetRefSchema,
  /** Default: the current settings as a one-cell grid, in every mode. */
  grid: EvalGridSchema.partial().optional(),
  /** Bootstrap resamples for the confidence intervals (0: none). Default 1000. */
  bootstrap: z.int().min(0).max(10_000).optional(),
  /** Seed of the bootstrap's random numbers: the same run gives the same intervals. Default 1. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** A label for the run list. */
  label: z.string().max(200).optional(),
});
export type EvalRunInput = z.infer<typeof EvalRunInputSchema>;

export const METRICS = ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'] as const;
export const MetricSchema = z.enum(METRICS);
export type Metric = z.infer<typeof MetricSchema>;

const MetricValuesSchema = z.strictObject({
  ndcg10: z.number(),
  recall10: z.number(),
  recall100: z.number(),
  mrr10: z.number(),
  map: z.number(),
});
export type MetricValues = z.infer<typeof MetricValuesSchema>;

/** 95 % percentile-bootstrap interval of the mean over queries. */
export const IntervalSchema = z.strictObject({ low: z.number(), high: z.number() });

export const EvalCellConfigSchema = z.strictObject({
  mode: SearchModeSchema,
  /** Null for keyword cells (no vectors involved). */
  queryTask: TaskSchema.nullable(),
  passageTask: TaskSchema.nullable(),
  dims: z.int().positive().nullable(),
  precision: PrecisionSchema.nullable(),
  prefix: z.boolean().nullable(),
});
export type EvalCellConfig = z.infer<typeof EvalCellConfigSchema>;

export const EvalCellSchema = z.strictObject({
  /** Stable within a run: `hybrid|retrieval.query|retrieval.passage|256|int8|prefix`. */
  id: z.string(),
  config: EvalCellConfigSchema,
  state: z.enum(['pending', 'running', 'done', 'skipped', 'failed']),
  /** Why a cell was skipped or failed (dims beyond the model, no vectors with that adapter in the index…). */
  problem: ResultErrorSchema.nullable(),
  /** Means over the evaluated queries; null until done. */
  mean: MetricValuesSchema.nullable(),
  interval: z
    .strictObject({
      ndcg10: IntervalSchema,
      recall10: IntervalSchema,
      recall100: IntervalSchema,
      mrr10: IntervalSchema,
      map: IntervalSchema,
    })
    .nullable(),
  /** Queries evaluated (judged with a relevant document). */
  queries: z.int().min(0),
  /** Milliseconds searching all queries, and per query at the median. */
  searchMs: z.number().min(0),
  medianQueryMs: z.number().min(0),
  /** Recall@k for k = 1…100, for the recall curve (mean over queries); empty until done. */
  recallCurve: z.array(z.number()),
});
export type EvalCell = z.infer<typeof EvalCellSchema>;

export const EVAL_RUN_STATES = ['queued', 'running', 'paused', 'done', 'cancelled', 'failed'] as const;

export const EvalRunSummarySchema = z.strictObject({
  runId: EvalRunIdSchema,
  label: z.string().nullable(),
  dataset: EvalDatasetRefSchema,
  datasetName: z.string(),
  /** Documents (BEIR corpus) or indexed files (test set), and judged queries. */
  documents: z.int().min(0),
  queries: z.int().min(0),
  state: z.enum(EVAL_RUN_STATES),
  /** What is happening now, in words ("encoding 1 200 / 5 183 documents, retrieval.passage int8"). */
  activity: z.string().nullable(),
  /** Work units done and in all: documents to encode plus queries to run, over every cell. */
  done: z.int().min(0),
  total: z.int().min(0),
  cellsDone: z.int().min(0),
  cells: z.int().min(0),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: ResultErrorSchema.nullable(),
  /** Notes from loading the dataset (judgments of unknown ids skipped…). */
  warnings: z.array(z.string()),
  /** Milliseconds spent encoding the corpus per passage setting key, for the report. */
  encodeMs: z.record(z.string(), z.number().min(0)),
  /**
   * Goes up with every progress event: a command's answer and the events race each other to a client,
   * so the client keeps the summary with the highest revision (runs saved before it existed read as 0).
   */
  revision: z.int().min(0).default(0),
});
export type EvalRunSummary = z.infer<typeof EvalRunSummarySchema>;

export const EvalQueryResultSchema = z.strictObject({
  queryId: z.string(),
  text: z.string(),
  /** Relevant documents (grade ≥ 1) in the judgments. */
  relevant: z.int().min(0),
  /** Per cell id: the query's metrics and its first ten documents (id, grade or null when unjudged). */
  cells: z.record(
    z.string(),
    z.strictObject({
      metrics: MetricValuesSchema,
      top: z.array(z.strictObject({ id: z.string(), title: z.string(), grade: z.int().nullable() })),
    }),
  ),
});
export type EvalQueryResult = z.infer<typeof EvalQueryResultSchema>;

export const EvalReportSchema = z.strictObject({
  summary: EvalRunSummarySchema,
  grid: EvalGridSchema,
  cells: z.array(EvalCellSchema),
  /** The done cell with the highest mean nDCG@10 (ties: higher Recall@100, then fewer dims). */
  bestCellId: z.string().nullable(),
  queries: z.array(EvalQueryResultSchema),
  /** Model the vectors came from (synthetic models are named: their numbers are not semantic quality). */
  model: z.strictObject({ dir: z.string(), synthetic: z.string().nullable() }).nullable(),
});
export type EvalReport = z.infer<typeof EvalReportSchema>;

export const EvalRunRefSchema = z.strictObject({ runId: EvalRunIdSchema });

/** Relevance grades people give: 0 not relevant, 1 relevant, 2 highly relevant (BEIR uses 0–2). */
export const GradeSchema = z.int().min(0).max(3);

export const EvalJudgeInputSchema = z.strictObject({
  testSet: TestSetNameSchema,
  /** The query as typed; an existing query with the same text gets these judgments merged in. */
  query: z.string().min(1).max(4000),
  /** Indexed files and their grades; grade null removes a judgment. */
  judgments: z
    .array(z.strictObject({ path: z.string().min(1).max(4096), grade: GradeSchema.nullable() }))
    .min(1)
    .max(500),
});

export const TestSetSchema = z.strictObject({
  name: TestSetNameSchema,
  /** Folder holding queries.jsonl and qrels/test.tsv (document ids are file paths). */
  dir: z.string(),
  queries: z.array(
    z.strictObject({
      id: z.string(),
      text: z.string(),
      judgments: z.array(z.strictObject({ path: z.string(), grade: GradeSchema })),
    }),
  ),
});
export type TestSet = z.infer<typeof TestSetSchema>;

export const EvalProgressSchema = EvalRunSummarySchema;
