import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { LanguageSchema, MAX_SELECTED_FILES } from './search';
import { AbsolutePathSchema, MAX_PATH_LENGTH } from './settings';

/**
 * Explore: what a folder holds, beyond search. Two jobs over the person's own index, each encoding the
 * passages it needs with its own adapter on demand (stored beside the retrieval vectors with their
 * provenance, so a second job — or one after a cancel — encodes only what is new):
 * - duplicates: `text-matching` vectors; files with equal bytes first (by hash), then files whose
 *   passages match each other above a threshold (nearest neighbours from the store's vector search, not
 *   all pairs). Translations are near-duplicates by design: the adapter is cross-lingual.
 * - topics: `separation` vectors per document, clustered (k-means, k chosen by silhouette unless given),
 *   projected to 2-D (UMAP), each cluster labelled with its most distinctive terms (class-based TF-IDF,
 *   per language). Deterministic under a seed.
 */

export const ExploreJobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,80}$/, 'a job id');
export const EXPLORE_KINDS = ['dupes', 'topics'] as const;
export type ExploreKind = (typeof EXPLORE_KINDS)[number];
export const EXPLORE_JOB_STATES = ['queued', 'running', 'done', 'failed', 'cancelled'] as const;

/** Which indexed files a job looks at: AND of the given lists, OR inside one; nothing given = every root. */
export const ExploreScopeSchema = z.strictObject({
  roots: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).max(100).optional(),
  /** Files at any depth below these folders. */
  folders: z.array(AbsolutePathSchema).max(100).optional(),
  /** Exactly these files. */
  files: z.array(AbsolutePathSchema).max(MAX_SELECTED_FILES).optional(),
});
export type ExploreScope = z.infer<typeof ExploreScopeSchema>;

export const DupesInputSchema = z.strictObject({
  scope: ExploreScopeSchema.optional(),
  /**
   * Cosine at or above which two passages say the same thing (text-matching vectors); lower finds looser
   * paraphrases, and translations at about 0.8 with the real model. Default: automatic — 0.9, or this
   * scope's chance level when that is higher (see DupesReport.chance), at most 0.999.
   */
  threshold: z.number().min(0.5).max(1).optional(),
  /**
   * Share of a file's passages that must match the other file's for the two to be near-duplicates
   * (both ways). Default 0.5. Pairs below it on both sides but with matching passages are listed as
   * sharing passages.
   */
  minShare: z.number().min(0.05).max(1).optional(),
});
export type DupesInput = z.infer<typeof DupesInputSchema>;

export const TopicsInputSchema = z.strictObject({
  scope: ExploreScopeSchema.optional(),
  /** Clusters wanted; default: chosen by silhouette among 2…min(30, √documents). */
  k: z.int().min(2).max(200).optional(),
  /** Seed of every random choice (k-means++ starts, UMAP): the same seed gives the same map. Default 1. */
  seed: z
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  /** Passages per document that are encoded and averaged (its first ones). Default 8. */
  passagesPerFile: z.int().min(1).max(64).optional(),
  /** Terms per cluster label. Default 6. */
  terms: z.int().min(1).max(30).optional(),
});
export type TopicsInput = z.infer<typeof TopicsInputSchema>;

export const ExploreJobSummarySchema = z.strictObject({
  jobId: ExploreJobIdSchema,
  kind: z.enum(EXPLORE_KINDS),
  /** The input as given (validated), for the list and for running it again. */
  input: z.union([DupesInputSchema, TopicsInputSchema]),
  state: z.enum(EXPLORE_JOB_STATES),
  /** What is happening now, in words ("encoding passages (text-matching): 1 200 of 5 183"). */
  activity: z.string().nullable(),
  /** Work units done and in all (passages to encode, then passages or documents to compare). */
  done: z.int().min(0),
  total: z.int().min(0),
  /** Files in the scope, and passages encoded by this job (the rest were already stored). */
  files: z.int().min(0),
  encoded: z.int().min(0),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  error: ResultErrorSchema.nullable(),
  /** Goes up with every event (a client keeps the highest: answers and events race). */
  revision: z.int().min(0),
});
export type ExploreJobSummary = z.infer<typeof ExploreJobSummarySchema>;

const FileRefSchema = z.strictObject({
  path: z.string(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  /** Passages the file has in the index. */
  passages: z.int().min(0),
});
export type ExploreFileRef = z.infer<typeof FileRefSchema>;

export const DupePairSchema = z.strictObject({
  a: z.string(),
  b: z.string(),
  /** Mean cosine of the matched passages. */
  similarity: z.number(),
  /** Share of a's passages with a match in b, and of b's in a. */
  shareA: z.number().min(0).max(1),
  shareB: z.number().min(0).max(1),
  /** Passages with a match in the other file, on the side that has more of them. */
  matchedPassages: z.int().min(0),
  /** `near`: both shares reach minShare; `contained`: one does (an excerpt, a file inside a larger one); `shared`: neither. */
  relation: z.enum(['near', 'contained', 'shared']),
  /** The two files' detected languages differ: a translation, near-duplicate by design. */
  crossLanguage: z.boolean(),
});
export type DupePair = z.infer<typeof DupePairSchema>;

export const DupesReportSchema = z.strictObject({
  /** The threshold used, and whether it was chosen automatically (no threshold in the input). */
  threshold: z.number(),
  autoThreshold: z.boolean(),
  /**
   * How similar the best match of an unrelated passage gets by chance in this scope: mean + sd·√(2 ln n)
   * of the cosines between a sample of its passages (n passages). Embedding spaces differ — a synthetic
   * or anisotropic model puts every passage near every other — so a fixed cosine cannot work for all;
   * a given threshold below this level matches passages that are not duplicates. Null below 3 passages.
   */
  chance: z.number().nullable(),
  minShare: z.number(),
  files: z.int().min(0),
  passages: z.int().min(0),
  /** Files with identical bytes (sha256), biggest groups first; empty files left out. */
  exact: z.array(z.strictObject({ hash: z.string(), size: z.int().min(0), files: z.array(FileRefSchema) })),
  /**
   * Near-duplicate groups: files joined by `near` or `contained` pairs (exact copies count once, as the
   * first of their hash group). Best-connected first.
   */
  groups: z.array(
    z.strictObject({ id: z.int().min(0), files: z.array(FileRefSchema), pairs: z.array(DupePairSchema) }),
  ),
  /**
   * Why near-duplicates were not looked for (no model yet, the licence not accepted…): exact copies need
   * no model and are found all the same. Null when they were.
   */
  nearProblem: ResultErrorSchema.nullable(),
  /** Pairs of files sharing some passages without being near-duplicates, most shared first (at most 500). */
  shared: z.array(DupePairSchema),
  /** The model's synthetic preset when it is one (its similarities mean nothing semantic). */
  synthetic: z.string().nullable(),
});
export type DupesReport = z.infer<typeof DupesReportSchema>;

export const TopicClusterSchema = z.strictObject({
  id: z.int().min(0),
  size: z.int().min(0),
  /** Most distinctive terms over every language of the cluster, best first. */
  terms: z.array(z.string()),
  /** The same per language the cluster's passages are in (most passages first). */
  byLanguage: z.array(
    z.strictObject({ language: LanguageSchema, passages: z.int().min(0), terms: z.array(z.string()) }),
  ),
  /** Centre of the cluster's points on the map. */
  x: z.number(),
  y: z.number(),
});
export type TopicCluster = z.infer<typeof TopicClusterSchema>;

export const TopicsReportSchema = z.strictObject({
  seed: z.int(),
  k: z.int().min(0),
  /** Whether k was chosen (by silhouette), and the silhouette of the chosen clustering (−1…1). */
  autoK: z.boolean(),
  silhouette: z.number().nullable(),
  documents: z.int().min(0),
  /** Dimensions the vectors were clustered at (Matryoshka-truncated from the stored width). */
  dims: z.int().min(1),
  clusters: z.array(TopicClusterSchema),
  bounds: z.strictObject({ minX: z.number(), maxX: z.number(), minY: z.number(), maxY: z.number() }),
  synthetic: z.string().nullable(),
});
export type TopicsReport = z.infer<typeof TopicsReportSchema>;

export const ExploreReportSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('dupes'), summary: ExploreJobSummarySchema, dupes: DupesReportSchema.nullable() }),
  z.strictObject({
    kind: z.literal('topics'),
    summary: ExploreJobSummarySchema,
    topics: TopicsReportSchema.nullable(),
  }),
]);
export type ExploreReport = z.infer<typeof ExploreReportSchema>;

export const ExploreJobRefSchema = z.strictObject({ jobId: ExploreJobIdSchema });

/** Most map points one page holds: the renderer draws page by page. */
export const MAX_POINTS_PAGE = 20_000;

export const TopicPointSchema = z.strictObject({
  path: z.string(),
  title: z.string().nullable(),
  x: z.number(),
  y: z.number(),
  cluster: z.int().min(0),
});
export type TopicPoint = z.infer<typeof TopicPointSchema>;

export const ExplorePointsInputSchema = z.strictObject({
  jobId: ExploreJobIdSchema,
  offset: z.int().min(0).optional(),
  /** Default and most: MAX_POINTS_PAGE. */
  limit: z.int().min(1).max(MAX_POINTS_PAGE).optional(),
});
export const ExplorePointsSchema = z.strictObject({
  points: z.array(TopicPointSchema),
  total: z.int().min(0),
  /** Offset of the next page, null after the last. */
  next: z.int().min(0).nullable(),
});
export type ExplorePoints = z.infer<typeof ExplorePointsSchema>;

export const ExplorePairInputSchema = z.strictObject({
  jobId: ExploreJobIdSchema,
  a: z.string().min(1).max(MAX_PATH_LENGTH),
  b: z.string().min(1).max(MAX_PATH_LENGTH),
});

/** A run of text the other side has too (`same`) or lacks (`changed`). */
export const DiffSegmentSchema = z.strictObject({ text: z.string(), changed: z.boolean() });
export type DiffSegment = z.infer<typeof DiffSegmentSchema>;

const PairPassageSchema = z.strictObject({
  chunkId: z.string(),
  ordinal: z.int().min(0),
  /** Where it is, in words ("p. 3", "lines 10–24"). */
  location: z.string(),
  /** The passage's text split into segments; the changed ones are what to highlight. */
  segments: z.array(DiffSegmentSchema),
});

export const ExplorePairSchema = z.strictObject({
  pair: DupePairSchema,
  a: FileRefSchema,
  b: FileRefSchema,
  /** Matched passages in a's order, each with its best match in b (at most 200). */
  passages: z.array(z.strictObject({ similarity: z.number(), a: PairPassageSchema, b: PairPassageSchema })),
  /** Word-level diff is meaningless across languages: segments are then whole passages, unmarked. */
  crossLanguage: z.boolean(),
});
export type ExplorePair = z.infer<typeof ExplorePairSchema>;

/** `explore.progress`: a job started, progressed (at most 4 times a second), finished, failed or was cancelled. */
export const ExploreProgressSchema = ExploreJobSummarySchema;
