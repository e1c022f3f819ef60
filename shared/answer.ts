import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { MAX_QUERY_LENGTH, SearchFiltersSchema, SearchModeSchema } from './search';
import { MAX_PATH_LENGTH } from './settings';

/**
 * Answers: a search → a context pack of numbered passages within a token budget → optionally a local
 * OpenAI-compatible chat model (Ollama, llama.cpp server, LM Studio, vLLM) streaming an answer that cites
 * the passages as `[n]`. Without a model the pack itself is the result, ready to copy.
 */

/** Chosen by the caller before asking, so it can follow `answer.progress` events and cancel. */
export const AskIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'an id of 1–64 letters, digits, - or _');

/** Largest context budget accepted (tokens); models with 128K+ windows exist, a pack beyond this is unwieldy. */
export const MAX_CONTEXT_TOKENS = 200_000;
export const MIN_CONTEXT_TOKENS = 256;
/** Most passages one pack holds in search scope. */
export const MAX_PACK_PASSAGES = 50;

export const AnswerScopeSchema = z.discriminatedUnion('kind', [
  /** Passages found by a search for the question (hybrid by default), with the Search page's filters. */
  z.strictObject({
    kind: z.literal('search'),
    filters: SearchFiltersSchema.optional(),
    mode: SearchModeSchema.optional(),
  }),
  /**
   * One indexed file as a whole ("summarize this file"): its passages in order; a file longer than the
   * budget is read in parts (map) whose notes are then combined (reduce).
   */
  z.strictObject({ kind: z.literal('document'), path: z.string().min(1).max(MAX_PATH_LENGTH) }),
]);
export type AnswerScope = z.infer<typeof AnswerScopeSchema>;

export const AnswerAskInputSchema = z.strictObject({
  askId: AskIdSchema,
  question: z
    .string()
    .max(MAX_QUERY_LENGTH)
    .refine((q) => q.trim().length > 0, 'the question is empty'),
  /** Default: search scope with no filters. */
  scope: AnswerScopeSchema.optional(),
  /** Token budget of the passages sent (default settings `answer.contextTokens`). */
  contextTokens: z.int().min(MIN_CONTEXT_TOKENS).max(MAX_CONTEXT_TOKENS).optional(),
  /** Most passages in a search-scope pack (default 12). */
  maxPassages: z.int().min(1).max(MAX_PACK_PASSAGES).optional(),
  /** Ask the configured model (default true); false returns the context pack only. */
  generate: z.boolean().optional(),
  /** Ask the model even when the passages are weak matches (default false: say so instead). */
  allowWeak: z.boolean().optional(),
});
export type AnswerAskInput = z.infer<typeof AnswerAskInputSchema>;

/** Why a passage is in the pack: its similarity beats chance for this index, it holds the question's words, or both. */
export const EVIDENCE_KINDS = ['both', 'semantic', 'keyword', 'weak', 'document'] as const;
export const EvidenceKindSchema = z.enum(EVIDENCE_KINDS);

export const ContextPassageSchema = z.strictObject({
  /** The citation number, 1-based, as the model sees it: `[n]`. */
  n: z.int().min(1),
  /** Chunk ids merged into this passage (consecutive chunks of one file are joined, their overlap removed). */
  chunkIds: z.array(z.string()).min(1),
  path: z.string(),
  name: z.string(),
  /** Other files holding the very same text (a copy): cited once, listed here. */
  alsoIn: z.array(z.string()),
  page: z.int().min(1).nullable(),
  pageEnd: z.int().min(1).nullable(),
  line: z.int().min(1).nullable(),
  lineEnd: z.int().min(1).nullable(),
  section: z.string().nullable(),
  headings: z.array(z.string()),
  language: z.string().nullable(),
  /** "report.pdf, p. 3 — Methods": how the pack and the UI cite it. */
  citation: z.string(),
  text: z.string(),
  /** Model tokens of `text` (the index's tokenizer), counted against the budget. */
  tokens: z.int().min(0),
  /** Best cosine similarity of its chunks to the question; null when found by keyword only. */
  similarity: z.number().nullable(),
  /** Share (0–1) of the question's content words the passage holds verbatim (folded). */
  keywordCoverage: z.number().min(0).max(1),
  evidence: EvidenceKindSchema,
});
export type ContextPassage = z.infer<typeof ContextPassageSchema>;

export const EvidenceReportSchema = z.strictObject({
  /** No passage is a better match than chance: the model is not asked unless `allowWeak`. */
  weak: z.boolean(),
  /** Best similarity among the candidates; null without vectors. */
  bestSimilarity: z.number().nullable(),
  /**
   * The similarity the best of this index's passages would reach by chance for this question: mean +
   * sd × √(2 ln n) of the question's similarity to a sample of the index (null without vectors).
   */
  chanceSimilarity: z.number().nullable(),
  /** Best keyword coverage among the candidates. */
  bestCoverage: z.number().min(0).max(1),
  /** Indexed passages the chance level is computed for, and how many were sampled. */
  indexPassages: z.int().min(0),
  sampled: z.int().min(0),
  /** In words, for people: why the passages count as weak, or null. */
  message: z.string().nullable(),
});
export type EvidenceReport = z.infer<typeof EvidenceReportSchema>;

export const ContextPackSchema = z.strictObject({
  question: z.string(),
  scope: z.enum(['search', 'document']),
  passages: z.array(ContextPassageSchema),
  /** Budget and tokens used by the passages. */
  budgetTokens: z.int().min(0),
  usedTokens: z.int().min(0),
  /** Candidate passages left out: over the budget, duplicates, and (when strong ones exist) weak ones. */
  omitted: z.strictObject({ budget: z.int().min(0), duplicates: z.int().min(0), weak: z.int().min(0) }),
  evidence: EvidenceReportSchema,
  /** Document scope: parts read separately (map) before answering; 1 when the file fits the budget. */
  parts: z.int().min(0),
  /** How the search went: vectors used or why not. */
  search: z.strictObject({
    mode: SearchModeSchema,
    semantic: z.enum(['used', 'unavailable', 'off']),
    problem: ResultErrorSchema.nullable(),
  }),
  /** The pack as plain text (question, numbered passages with citations): what "copy context" copies. */
  text: z.string(),
});
export type ContextPack = z.infer<typeof ContextPackSchema>;

export const ANSWER_STATUSES = ['answered', 'context-only', 'weak', 'cancelled', 'failed'] as const;
export const AnswerStatusKindSchema = z.enum(ANSWER_STATUSES);
export type AnswerStatusKind = z.infer<typeof AnswerStatusKindSchema>;

/** Everything about an answer except its context pack (sent once, in the `context` event). */
export const AnswerOutcomeSchema = z.strictObject({
  askId: AskIdSchema,
  /**
   * `answered`: the model answered; `context-only`: no model configured, or `generate: false`; `weak`:
   * the passages were weak and the model was not asked; `cancelled`; `failed`: see `error` (the pack is
   * still returned).
   */
  status: AnswerStatusKindSchema,
  /** The model's text as streamed (possibly partial when cancelled or failed). */
  answer: z.string(),
  /** `[n]` numbers the answer cites that exist in the pack, in order of first use. */
  citations: z.array(z.int().min(1)),
  /** `[n]` numbers the answer cites that the pack does not have (the model invented them). */
  unknownCitations: z.array(z.int().min(1)),
  model: z.strictObject({ baseUrl: z.string(), name: z.string() }).nullable(),
  usage: z.strictObject({ promptTokens: z.int().min(0), completionTokens: z.int().min(0) }).nullable(),
  /** The model's `finish_reason` (`stop`, `length`…), null when unknown. */
  finishReason: z.string().nullable(),
  timings: z.strictObject({
    retrieveMs: z.number().min(0),
    /** From sending the request to the first answer text; null when none came. */
    firstTokenMs: z.number().min(0).nullable(),
    totalMs: z.number().min(0),
  }),
  error: ResultErrorSchema.nullable(),
  /** A remark for people (why no model was asked, the answer was cut at the length limit…), or null. */
  notice: z.string().nullable(),
});
export type AnswerOutcome = z.infer<typeof AnswerOutcomeSchema>;

export const AnswerResultSchema = AnswerOutcomeSchema.extend({ pack: ContextPackSchema });
export type AnswerResult = z.infer<typeof AnswerResultSchema>;

/** Streamed while `answer.ask` runs; clients keep the events of their own `askId`. */
export const AnswerProgressSchema = z.discriminatedUnion('type', [
  z.strictObject({
    askId: AskIdSchema,
    type: z.literal('phase'),
    phase: z.enum(['retrieving', 'reading', 'generating']),
    /** `reading` (document scope): parts read so far and in all. */
    done: z.int().min(0),
    total: z.int().min(0),
  }),
  z.strictObject({ askId: AskIdSchema, type: z.literal('context'), pack: ContextPackSchema }),
  /** Answer text appended since the previous delta (coalesced: at most ~20 deltas a second). */
  z.strictObject({ askId: AskIdSchema, type: z.literal('delta'), text: z.string() }),
  z.strictObject({ askId: AskIdSchema, type: z.literal('end'), outcome: AnswerOutcomeSchema }),
]);
export type AnswerProgress = z.infer<typeof AnswerProgressSchema>;

export const AnswerCancelInputSchema = z.strictObject({ askId: AskIdSchema });
export const AnswerCancelResultSchema = z.strictObject({
  /** False when no answer with that id was running (already finished, or never started). */
  cancelled: z.boolean(),
});

/** Longest API key accepted; real ones are ~50–200 characters. */
export const MAX_API_KEY_LENGTH = 4096;

export const AnswerSetKeyInputSchema = z.strictObject({
  /** The key, or null to forget it. Never written in plain text, never returned, never logged. */
  apiKey: z
    .string()
    .min(1)
    .max(MAX_API_KEY_LENGTH)
    .regex(/^[\x21-\x7e]+$/, 'printable characters without spaces')
    .nullable(),
});

export const KeySourceSchema = z.enum([
  /** Encrypted with the OS keychain (Electron safeStorage) and kept across restarts. */
  'keychain',
  /** Held in memory until the app or server stops (no keychain here). */
  'session',
  /** From the POLYSEEK_ANSWER_API_KEY environment variable. */
  'environment',
]);
export type KeySource = z.infer<typeof KeySourceSchema>;

export const AnswerStatusSchema = z.strictObject({
  /** Both an endpoint and a model name are set: answers are generated. */
  configured: z.boolean(),
  baseUrl: z.string().nullable(),
  model: z.string().nullable(),
  /**
   * Where the endpoint is: this machine, the local network, or elsewhere (passages leave the machine —
   * the UI says so).
   */
  endpointLocation: z.enum(['loopback', 'private', 'public']).nullable(),
  key: z.strictObject({
    present: z.boolean(),
    source: KeySourceSchema.nullable(),
  }),
  /** Whether keys set now can be kept across restarts, and if not why. */
  keychain: z.strictObject({ available: z.boolean(), message: z.string().nullable() }),
});
export type AnswerStatus = z.infer<typeof AnswerStatusSchema>;

export const AnswerCheckResultSchema = z.strictObject({
  baseUrl: z.string(),
  /** Model ids the endpoint lists (`GET /models`); empty when it lists none. */
  models: z.array(z.string()),
  /** Whether the configured model is among them; null when no model is set or none are listed. */
  modelListed: z.boolean().nullable(),
  latencyMs: z.number().min(0),
});
export type AnswerCheckResult = z.infer<typeof AnswerCheckResultSchema>;
