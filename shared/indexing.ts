import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { DimsSchema, PrecisionSchema, TaskSchema } from './model';
import { AbsolutePathSchema, MAX_PATH_LENGTH, RootSchema, rootOptionFields } from './settings';

/** Most paths one `index.retry` names; retrying everything takes no list at all. */
export const MAX_RETRY_PATHS = 1000;
/** Most errors one `index.errors` page returns. */
export const MAX_ERRORS_PAGE = 1000;

export const RootsListSchema = z.strictObject({ roots: z.array(RootSchema) });
export type RootsList = z.infer<typeof RootsListSchema>;

/** `roots.add`: a folder and, optionally, its crawl options (defaults: settings DEFAULT_* values). */
export const RootAddInputSchema = z.strictObject({
  /** An absolute folder path; it must exist and must not be inside, or contain, another root. */
  path: AbsolutePathSchema,
  ...z.strictObject(rootOptionFields).partial().shape,
});
export type RootAddInput = z.infer<typeof RootAddInputSchema>;

/** `roots.update`: change a root's crawl options; the next run (or the watcher) applies them. */
export const RootUpdateInputSchema = z.strictObject({
  path: z.string().min(1).max(MAX_PATH_LENGTH),
  ...z.strictObject(rootOptionFields).partial().shape,
});
export type RootUpdateInput = z.infer<typeof RootUpdateInputSchema>;

export const RootRemoveInputSchema = z.strictObject({ path: z.string().min(1).max(MAX_PATH_LENGTH) });

/**
 * Where an indexing job is:
 * - `recovering`: redoing files a crash left half-written;
 * - `crawling`: walking the roots and comparing with the index (size, mtime, then content hash);
 * - `indexing`: extract ∥ chunk ∥ encode ∥ write;
 * - `embedding`: adding vectors to chunks indexed before the model was ready;
 * - `optimizing`: compaction and the keyword index after bulk writes.
 */
export const INDEX_PHASES = ['recovering', 'crawling', 'indexing', 'embedding', 'optimizing'] as const;
export const INDEX_JOB_STATES = ['running', 'paused', 'done', 'failed', 'cancelled'] as const;
export type IndexPhase = (typeof INDEX_PHASES)[number];
export type IndexJobState = (typeof INDEX_JOB_STATES)[number];

const Count = z.int().min(0);

/** An indexing job's progress: the payload of `index.progress` events and of `index.status`'s `job`. */
export const IndexJobSchema = z.strictObject({
  id: z.string(),
  state: z.enum(INDEX_JOB_STATES),
  phase: z.enum(INDEX_PHASES),
  /** `full` walks every root; `changes` applies watched changes; `retry` redoes failed files; `vectors` only embeds. */
  kind: z.enum(['full', 'changes', 'retry', 'vectors']),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** Files found so far by the crawl (the total grows while crawling). */
  filesSeen: Count,
  /** Files that need work this run (new, changed, pending or retried). */
  filesTotal: Count,
  /** Of those, done: indexed, failed or skipped. */
  filesDone: Count,
  filesFailed: Count,
  /** Of those, not read on purpose: empty, over the size cap, a format Polyseek does not read. */
  filesSkipped: Count,
  /** Unchanged since the last run: not read again. */
  filesUnchanged: Count,
  /** Removed from the index (deleted, renamed away, excluded, or their root removed). */
  filesRemoved: Count,
  /** Chunks written this run. */
  chunks: Count,
  /** Chunks encoded this run (zero without a model). */
  chunksEncoded: Count,
  /** Model tokens encoded this run, and the recent rate. */
  tokens: Count,
  tokensPerSecond: z.number().min(0).nullable(),
  etaSeconds: z.number().min(0).nullable(),
  /** The file being extracted; null between files. */
  currentFile: z.string().nullable(),
  /** Indexed files still lacking vectors for the current settings. */
  filesAwaitingVectors: Count,
  /**
   * Files that lacked vectors when the embedding phase began (0 before it): with `filesAwaitingVectors`
   * it gives the share of a re-embed done.
   */
  vectorFilesTotal: Count,
  /** Why chunks are not being encoded (no model, licence not accepted, load failed); null while encoding. */
  modelProblem: z.string().nullable(),
  /** What is happening, or how it ended, in words. */
  message: z.string().nullable(),
  error: ResultErrorSchema.nullable(),
});
export type IndexJob = z.infer<typeof IndexJobSchema>;

/** What vectors in the index were made with; two equal provenances give interchangeable vectors. */
export const ProvenanceSchema = z.strictObject({
  modelId: z.string(),
  modelChecksum: z.string(),
  precision: PrecisionSchema,
  task: TaskSchema,
  prefix: z.boolean(),
  dims: z.union([DimsSchema, z.int().positive()]),
  chunkerVersion: z.int().min(0),
});
export type IndexProvenance = z.infer<typeof ProvenanceSchema>;

export const VectorSetSchema = z.strictObject({
  provenance: ProvenanceSchema,
  rows: Count,
  /** rows × dims × 4 bytes. */
  floatBytes: Count,
  /** rows × ⌈dims / 8⌉ bytes: the binary tier's hamming pass reads these. */
  binaryBytes: Count,
  /** `ann`: an IVF index serves it (built past a row threshold); `exact`: every vector is compared. */
  index: z.enum(['exact', 'ann']),
  /** The set search uses by default. */
  active: z.boolean(),
});
export type VectorSet = z.infer<typeof VectorSetSchema>;

export const RootIndexStatusSchema = z.strictObject({
  path: z.string(),
  /** The folder is there now (an unplugged drive keeps its index but is not crawled). */
  exists: z.boolean(),
  files: Count,
  indexed: Count,
  failed: Count,
  skipped: Count,
  pending: Count,
  chunks: Count,
});

export const IndexStatusSchema = z.strictObject({
  /** The running job, or the last one this process ran. */
  job: IndexJobSchema.nullable(),
  /** Watching the roots for changes. */
  watching: z.boolean(),
  roots: z.array(RootIndexStatusSchema),
  totals: z.strictObject({
    files: Count,
    indexed: Count,
    failed: Count,
    skipped: Count,
    pending: Count,
    chunks: Count,
    /** Size of the index folder. */
    bytesOnDisk: Count,
  }),
  /** Indexed files without vectors for the current settings; filled when the model is ready. */
  filesAwaitingVectors: Count,
  /** Why vectors cannot be made now; null when the model is usable (or not yet tried). */
  modelProblem: z.string().nullable(),
  /** What the serving vectors were made with; null before any vector exists. */
  activeProvenance: ProvenanceSchema.nullable(),
  /** What new vectors are made with under the current settings; null while the model is unavailable. */
  currentProvenance: ProvenanceSchema.nullable(),
  /**
   * Every set of vectors the index holds (the serving one, one being filled after a settings change,
   * Matryoshka sets derived for searching at fewer dims), with its size: float32 values vs the 1-bit
   * codes of the binary tier (stored with every set).
   */
  vectorSets: z.array(VectorSetSchema),
  /** Where the index lives. */
  dir: z.string(),
});
export type IndexStatus = z.infer<typeof IndexStatusSchema>;

export const IndexStartInputSchema = z.strictObject({
  /** Only these roots (paths as in settings); default all. */
  roots: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).max(1000).optional(),
  /** Hash every file even when size and mtime are unchanged (after restoring a backup, say). */
  rehash: z.boolean().optional(),
  /** Keep watching the roots after the run and apply changes as they happen. */
  watch: z.boolean().optional(),
});
export type IndexStartInput = z.infer<typeof IndexStartInputSchema>;

export const IndexErrorsInputSchema = z.strictObject({
  /** Only files under this root. */
  root: z.string().min(1).max(MAX_PATH_LENGTH).optional(),
  offset: Count.optional(),
  /** Default 200. */
  limit: z.int().min(1).max(MAX_ERRORS_PAGE).optional(),
});
export type IndexErrorsInput = z.infer<typeof IndexErrorsInputSchema>;

/** Why a file has no text in the index; codes from the extractor (`ENCRYPTED`, `TOO_LARGE`, …). */
export const IndexFileErrorSchema = z.strictObject({
  path: z.string(),
  root: z.string(),
  /** `failed`: tried and could not be read; `skipped`: not read on purpose (over the size cap, empty). */
  status: z.enum(['failed', 'skipped']),
  code: z.string(),
  message: z.string(),
  size: Count,
  format: z.string(),
});
export type IndexFileError = z.infer<typeof IndexFileErrorSchema>;

export const IndexErrorsSchema = z.strictObject({ total: Count, errors: z.array(IndexFileErrorSchema) });
export type IndexErrors = z.infer<typeof IndexErrorsSchema>;

export const IndexRetryInputSchema = z.strictObject({
  /** Files to try again (each must lie in a root); default every failed file. */
  paths: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).min(1).max(MAX_RETRY_PATHS).optional(),
});
export type IndexRetryInput = z.infer<typeof IndexRetryInputSchema>;

/**
 * Passage-encoding speed measured on this machine: chunks and tokens over the time spent inside the
 * encoder (extraction and writes excluded), from the last indexing job that encoded enough to tell.
 */
export const EncodeSpeedSchema = z.strictObject({
  /** Weights the speed was measured with (int8 runs about 2.4× fp32 on CPU). */
  precision: PrecisionSchema,
  chunksPerSecond: z.number().positive(),
  tokensPerSecond: z.number().min(0),
  /** Chunks and encoder seconds the figure is from. */
  chunks: Count,
  seconds: z.number().positive(),
  measuredAt: z.iso.datetime(),
});
export type EncodeSpeed = z.infer<typeof EncodeSpeedSchema>;

/** Settings that passage vectors depend on; changing one needs other vectors (or a stored set). */
export const VECTOR_SETTINGS = ['passageTask', 'instructionPrefix', 'dims', 'precision', 'modelDir'] as const;
export type VectorSetting = (typeof VECTOR_SETTINGS)[number];

/**
 * `index.plan`: what saving a settings patch would do to the stored vectors, before it is saved.
 * - `none`: nothing vectors depend on changes (query adapter, search, compute), or it resolves to the
 *   vectors made now (a dims value this model does not offer);
 * - `reuse`: a stored set was made with exactly these settings; it serves once it covers every file;
 * - `derive`: fewer dims than a stored set with otherwise equal settings: truncated, no encoder;
 * - `encode`: the encoder runs over `chunksToEncode` passages in the background.
 * Meanwhile the serving vectors keep answering searches.
 */
export const ReembedPlanSchema = z.strictObject({
  action: z.enum(['none', 'reuse', 'derive', 'encode']),
  /** Settings in the patch that change what the vectors are made with, in contract order. */
  changes: z.array(z.enum(VECTOR_SETTINGS)),
  /** Dims as asked for, and as stored: a model narrower than the setting stores its own width. */
  requestedDims: DimsSchema,
  dims: z.int().positive(),
  /** Matryoshka dims the model in the folder offers (config.json); null when it cannot be read. */
  modelDims: z.array(z.int().positive()).nullable(),
  /** The vectors searches use until the new ones cover every file; null before any exist. */
  serving: ProvenanceSchema.nullable(),
  /** `reuse`: the stored set that already matches. */
  reuse: ProvenanceSchema.nullable(),
  /** `derive`: the wider stored set the vectors are truncated from. */
  deriveFrom: ProvenanceSchema.nullable(),
  /** Chunks (passages) in the index and the indexed files that hold them. */
  chunks: Count,
  files: Count,
  /** Passages that already have vectors for the new settings, that get them by truncation, by the encoder. */
  chunksReady: Count,
  chunksToDerive: Count,
  chunksToEncode: Count,
  /** The new set once complete: float32 values plus the binary tier's 1-bit codes (0 for `none`). */
  newSetBytes: Count,
  /** `chunksToEncode` at `speed`; null without a measured speed. Truncation takes seconds and is left out. */
  estimatedSeconds: z.number().min(0).nullable(),
  /** The measurement used: for the new precision when one exists, else the latest. */
  speed: EncodeSpeedSchema.nullable(),
});
export type ReembedPlan = z.infer<typeof ReembedPlanSchema>;
