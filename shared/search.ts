import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { ProvenanceSchema } from './indexing';
import { DimsSchema, TaskSchema } from './model';
import { AbsolutePathSchema, MAX_PATH_LENGTH } from './settings';

/**
 * `hybrid`: vector ∥ keyword, fused by reciprocal rank; `semantic`: vectors only; `keyword`: the n-gram
 * full-text index only (works without a model, and for files still awaiting vectors).
 */
export const SEARCH_MODES = ['hybrid', 'semantic', 'keyword'] as const;
export const SearchModeSchema = z.enum(SEARCH_MODES);
export type SearchMode = z.infer<typeof SearchModeSchema>;

/** Longest query accepted (characters); the encoder truncates far sooner (8192 tokens). */
export const MAX_QUERY_LENGTH = 4000;
/** Most files one search returns. */
export const MAX_SEARCH_FILES = 200;
/** Most passages shown per file (the rest are counted in `matchedPassages`). */
export const MAX_PASSAGES_PER_FILE = 20;
const MAX_FILTER_VALUES = 100;
/** Most files a selection may name (a lasso on the Explore map, a hand-picked list). */
export const MAX_SELECTED_FILES = 10_000;

/** A file format as the index records it: lower-case extension or sniffed format (`pdf`, `docx`, `txt`). */
export const FileFormatSchema = z.string().regex(/^[a-z0-9]{1,16}$/, 'a lower-case format such as pdf or docx');
/** A BCP-47 primary language subtag as the chunker detects it (`en`, `ja`, `zh`, `ar`, `und`). */
export const LanguageSchema = z.string().regex(/^[a-z]{2,3}$/, 'a two- or three-letter language code such as ja');

/** All filters are AND-ed; values inside one list are OR-ed. Applied before ranking (pre-filter). */
export const SearchFiltersSchema = z.strictObject({
  /** Roots (as listed by `roots.list`). */
  roots: z.array(z.string().min(1).max(MAX_PATH_LENGTH)).max(MAX_FILTER_VALUES).optional(),
  /** Folders: files at any depth below them. */
  folders: z.array(AbsolutePathSchema).max(MAX_FILTER_VALUES).optional(),
  /** Exactly these files (a selection on the Explore map). */
  files: z.array(AbsolutePathSchema).max(MAX_SELECTED_FILES).optional(),
  types: z.array(FileFormatSchema).max(MAX_FILTER_VALUES).optional(),
  languages: z.array(LanguageSchema).max(MAX_FILTER_VALUES).optional(),
  /** Modification time range, inclusive, ISO 8601. */
  modifiedAfter: z.iso.datetime({ offset: true }).optional(),
  modifiedBefore: z.iso.datetime({ offset: true }).optional(),
});
export type SearchFilters = z.infer<typeof SearchFiltersSchema>;

/** Reciprocal-rank fusion: score = Σ weight / (k + rank). */
export const FusionSchema = z.strictObject({
  semanticWeight: z.number().min(0).max(10),
  keywordWeight: z.number().min(0).max(10),
  /** RRF's k: larger flattens the difference between ranks. */
  k: z.int().min(1).max(1000),
});
export type Fusion = z.infer<typeof FusionSchema>;

export const SearchQueryInputSchema = z.strictObject({
  query: z.string().max(MAX_QUERY_LENGTH),
  /** Default: settings `search.mode`. */
  mode: SearchModeSchema.optional(),
  filters: SearchFiltersSchema.optional(),
  /** Files to return. Default 20. */
  limit: z.int().min(1).max(MAX_SEARCH_FILES).optional(),
  /** Passages returned per file, best first. Default 3. */
  perFile: z.int().min(1).max(MAX_PASSAGES_PER_FILE).optional(),
  /**
   * Matryoshka dimension to search at; at most the index's. Fewer dims than stored use vectors derived
   * from the stored ones (truncated, renormalised) — never a re-encode.
   */
  dims: DimsSchema.optional(),
  /**
   * Adapters. `query`: the task the query is embedded with (default settings `encoder.queryTask`).
   * `passage`: the task the searched vectors must have been made with (default settings
   * `encoder.passageTask`); an index made with another is refused, naming the mismatch.
   */
  adapters: z.strictObject({ query: TaskSchema.optional(), passage: TaskSchema.optional() }).optional(),
  /** Instruction prefix for the query (default settings `encoder.instructionPrefix`). */
  prefix: z.boolean().optional(),
  /** Binary first pass rescored with floats (default settings `search.binaryTier`). */
  binary: z.boolean().optional(),
  /** Fusion weights (default settings `search.fusion`). */
  fusion: FusionSchema.partial().optional(),
});
export type SearchQueryInput = z.infer<typeof SearchQueryInputSchema>;

/** `[start, end)` in UTF-16 code units of the snippet's `text` (JavaScript string indices), never inside a surrogate pair. */
export const TextRangeSchema = z.strictObject({ start: z.int().min(0), end: z.int().min(0) });
export type TextRange = z.infer<typeof TextRangeSchema>;

export const SnippetSchema = z.strictObject({
  /** An excerpt of the passage around its best-matching sentence, whitespace collapsed. */
  text: z.string(),
  /** Query terms found in `text`, sorted, not overlapping. */
  highlights: z.array(TextRangeSchema),
  /** The best-matching sentence inside `text`; null when nothing matched any term. */
  sentence: TextRangeSchema.nullable(),
  /** Text was cut before / after the excerpt (show an ellipsis). */
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
});
export type Snippet = z.infer<typeof SnippetSchema>;

export const PassageLocationSchema = z.strictObject({
  /** 1-based pages (PDF, paginated formats); null when the format has none. */
  page: z.int().min(1).nullable(),
  pageEnd: z.int().min(1).nullable(),
  /** 1-based lines (text, code, Markdown); null when unknown. */
  line: z.int().min(1).nullable(),
  lineEnd: z.int().min(1).nullable(),
  /** Section or sheet name (EPUB chapter, spreadsheet sheet, slide). */
  section: z.string().nullable(),
  /** Enclosing headings, outermost first. */
  headings: z.array(z.string()),
});
export type PassageLocation = z.infer<typeof PassageLocationSchema>;

export const SearchPassageSchema = z.strictObject({
  chunkId: z.string(),
  ordinal: z.int().min(0),
  snippet: SnippetSchema,
  location: PassageLocationSchema,
  language: z.string().nullable(),
  /** Fused score (RRF), higher is better; comparable within one result list only. */
  score: z.number(),
  /** Cosine similarity to the query at the dims searched; null when the vector list did not hold it. */
  similarity: z.number().nullable(),
  /** 1-based ranks in each list; null when absent from it. */
  semanticRank: z.int().min(1).nullable(),
  keywordRank: z.int().min(1).nullable(),
});
export type SearchPassage = z.infer<typeof SearchPassageSchema>;

export const SearchFileHitSchema = z.strictObject({
  path: z.string(),
  root: z.string(),
  /** File name, for display. */
  name: z.string(),
  format: z.string(),
  title: z.string().nullable(),
  language: z.string().nullable(),
  mtimeMs: z.number(),
  /** The best passage's score. */
  score: z.number(),
  /** Best first, at most `perFile`. */
  passages: z.array(SearchPassageSchema),
  /** Passages of this file among the candidates (≥ passages.length): "n more" on expand. */
  matchedPassages: z.int().min(0),
  /** The file has chunks without vectors yet: found by keyword only. */
  awaitingVectors: z.boolean(),
});
export type SearchFileHit = z.infer<typeof SearchFileHitSchema>;

export const SemanticReportSchema = z.strictObject({
  /** `used`: vectors took part; `unavailable`: wanted but impossible (see `problem`); `off`: keyword mode. */
  state: z.enum(['used', 'unavailable', 'off']),
  /** Why vectors were not used (no model, licence, no vectors yet, provenance mismatch). */
  problem: ResultErrorSchema.nullable(),
  /** The vectors searched. */
  provenance: ProvenanceSchema.nullable(),
  queryTask: TaskSchema.nullable(),
  /** Dims asked for, and searched at (they differ while derived vectors are still being prepared). */
  dimsRequested: z.int().positive().nullable(),
  dimsUsed: z.int().positive().nullable(),
  /** Derived (truncated) vectors for `dimsRequested`: their preparation, when not complete. */
  derive: z
    .strictObject({
      dims: z.int().positive(),
      done: z.int().min(0),
      total: z.int().min(0),
      state: z.enum(['queued', 'running', 'done', 'failed']),
    })
    .nullable(),
  /** `exact`: every vector compared; `ann`: an IVF index (rows added since it was built are compared exactly). */
  index: z.enum(['exact', 'ann']).nullable(),
  /** Binary first pass, rescored with floats. */
  binary: z.boolean(),
  /** Indexed files semantic search cannot see yet (no vectors for this provenance). */
  filesAwaitingVectors: z.int().min(0),
  /** The query came from the in-memory cache of recent query embeddings (no encoder call). */
  queryCached: z.boolean(),
});
export type SemanticReport = z.infer<typeof SemanticReportSchema>;

export const SearchResultSchema = z.strictObject({
  query: z.string(),
  mode: SearchModeSchema,
  files: z.array(SearchFileHitSchema),
  /** Files matching before `limit`. */
  totalFiles: z.int().min(0),
  semantic: SemanticReportSchema,
  /** Milliseconds per stage. */
  timings: z.strictObject({
    embedMs: z.number().min(0),
    vectorMs: z.number().min(0),
    keywordMs: z.number().min(0),
    totalMs: z.number().min(0),
  }),
});
export type SearchResult = z.infer<typeof SearchResultSchema>;

/** `file.open` / `file.reveal`: only files in the index, under a current root. */
export const FileOpenInputSchema = z.strictObject({
  path: z.string().min(1).max(MAX_PATH_LENGTH),
  /** 1-based page to open at, where the viewer supports it (PDF). */
  page: z.int().min(1).optional(),
});
export type FileOpenInput = z.infer<typeof FileOpenInputSchema>;

export const FileOpenResultSchema = z.strictObject({
  path: z.string(),
  /** The host opened it (desktop, or a server on this machine). */
  opened: z.boolean(),
  /**
   * When the host cannot open files where the client is (a server bound to the network): a URL on the
   * same server that serves the file's bytes to an authorised client, with `#page=N` for PDFs.
   */
  url: z.string().nullable(),
});
export type FileOpenResult = z.infer<typeof FileOpenResultSchema>;
