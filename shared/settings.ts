import { z } from 'zod';

import { LicenseAcceptanceSchema } from './license';
import { DimsSchema, PrecisionSchema, ProviderPreferenceSchema, TaskSchema } from './model';

/** Bump with a new numbered migration in electron/engine/settings/migrations/. */
export const SETTINGS_VERSION = 6;

export const MAX_PATH_LENGTH = 4096;
export const MAX_ROOTS = 1000;
export const MAX_THREADS = 256;

const encoderFields = {
  /** Adapter used to embed search queries. */
  queryTask: TaskSchema,
  /** Adapter used to embed indexed passages; changing it needs new vectors. */
  passageTask: TaskSchema,
  /** Prepend config.json's task instruction ("Represent the query for …") for tasks that have one. */
  instructionPrefix: z.boolean(),
  /** Matryoshka dimension stored in the index; smaller is faster and smaller, slightly less accurate. */
  dims: DimsSchema,
  /** Weights to load: fp32 (reference), fp16, or int8 (≈2.4× faster on CPU, cosine ≈ 0.9995). */
  precision: PrecisionSchema,
};

const computeFields = {
  /** Execution provider preference; `auto` tries GPUs and falls back to CPU with a reason. */
  provider: ProviderPreferenceSchema,
  /** Intra-op threads for the encoder; 0 lets Polyseek pick the physical core count. */
  threads: z.int().min(0).max(MAX_THREADS),
};

/** POSIX `/…`, Windows `C:\…` or `\\server\share`; checked here because shared/ cannot use node:path. */
export const AbsolutePathSchema = z
  .string()
  .min(1)
  .max(MAX_PATH_LENGTH)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'expected an absolute path');

/** Longest endpoint URL accepted; real mirrors are far shorter. */
export const MAX_ENDPOINT_LENGTH = 2048;

const modelFields = {
  /**
   * A model folder used in place (a USB stick, a Hugging Face cache snapshot), set by `model.locate`;
   * null means the profile's own folder. `--model-dir` still wins over it.
   */
  dir: AbsolutePathSchema.nullable(),
  /**
   * Where `model.download` fetches from, as `{endpoint}/{repo}/resolve/{revision}/{path}` (a Hugging Face
   * mirror); null means `HF_ENDPOINT`, else https://huggingface.co. The bearer token for gated mirrors is
   * deliberately not a setting: this file is shown by `settings get`, sent to every client and copied into
   * backups, so the token comes from the `HF_TOKEN` environment variable only.
   */
  endpoint: z
    .url({ protocol: /^https?$/ })
    .max(MAX_ENDPOINT_LENGTH)
    .nullable(),
};

const searchFields = {
  /** Mode the Search page and CLI start in. */
  mode: z.enum(['hybrid', 'semantic', 'keyword']),
  /**
   * First pass on 1-bit sign codes (hamming distance, 32× smaller than float32), candidates rescored with
   * the float vectors. Faster on large indexes at a small recall cost; the codes are stored either way.
   */
  binaryTier: z.boolean(),
  /** Reciprocal-rank fusion for hybrid mode: score = Σ weight / (k + rank). */
  fusion: z.strictObject({
    semanticWeight: z.number().min(0).max(10),
    keywordWeight: z.number().min(0).max(10),
    k: z.int().min(1).max(1000),
  }),
};

/** Longest model name accepted (`qwen2.5:7b-instruct-q4_K_M`, a Hugging Face repo path). */
export const MAX_MODEL_NAME_LENGTH = 256;

const answerFields = {
  /**
   * OpenAI-compatible API base, including `/v1`: Ollama `http://127.0.0.1:11434/v1`, llama.cpp server
   * `http://127.0.0.1:8080/v1`, LM Studio `http://127.0.0.1:1234/v1`; null: no model, answers are
   * context packs. The API key is not a setting (this file is shown, synced and backed up): it lives in
   * the OS keychain (desktop), in memory, or in POLYSEEK_ANSWER_API_KEY.
   */
  baseUrl: z
    .url({ protocol: /^https?$/ })
    .max(MAX_ENDPOINT_LENGTH)
    .nullable(),
  /** The model name the endpoint knows (`llama3.1:8b`); null: not chosen yet. */
  model: z.string().trim().min(1).max(MAX_MODEL_NAME_LENGTH).nullable(),
  /**
   * Token budget for the passages sent. 3 000 leaves room for the instructions, the question and a
   * 1 000-token answer in the 4K–8K windows small local models default to; raise it for long-context models.
   */
  contextTokens: z.int().min(256).max(200_000),
  /** Longest answer asked for (`max_tokens`). */
  maxAnswerTokens: z.int().min(16).max(32_768),
  /** Sampling temperature; low keeps answers close to the passages. */
  temperature: z.number().min(0).max(2),
  /**
   * Seconds to wait for the first answer text, and the longest silence between two pieces of it
   * (a local model loading into memory can take a minute).
   */
  timeoutSeconds: z.int().min(1).max(3600),
};

export const EncoderSettingsSchema = z.strictObject(encoderFields);
export const AnswerSettingsSchema = z.strictObject(answerFields);
export const SearchSettingsSchema = z.strictObject(searchFields);
export const ComputeSettingsSchema = z.strictObject(computeFields);
export const ModelSettingsSchema = z.strictObject(modelFields);

/** Longest glob accepted, and most globs per list; real ones are far shorter and fewer. */
export const MAX_GLOB_LENGTH = 500;
export const MAX_GLOBS = 200;
/** 4 GiB: the largest per-file cap accepted. */
export const MAX_FILE_BYTES_CAP = 4 * 1024 ** 3;

/**
 * Globs relative to the root, matched with `/` separators (picomatch; `**` crosses folders, dot files
 * included). A folder matched by an exclude glob is not entered at all.
 */
export const DEFAULT_INCLUDE_GLOBS: readonly string[] = ['**/*'];
/**
 * Hidden files and folders, version control, dependency and build outputs, caches, editor and office
 * lock/temp files: rarely what a person searches, often huge (node_modules alone can hold 100k files).
 */
export const DEFAULT_EXCLUDE_GLOBS: readonly string[] = [
  '**/.*',
  '**/node_modules',
  '**/bower_components',
  '**/__pycache__',
  '**/*.pyc',
  '**/venv',
  '**/dist',
  '**/build',
  '**/target',
  '**/coverage',
  '**/Library/Caches',
  '**/*.tmp',
  '**/*.temp',
  '**/*.swp',
  '**/*~',
  '**/~$*',
  '**/Thumbs.db',
  '**/desktop.ini',
];
/** 64 MiB: larger documents are almost always data dumps, disk images or scans; raise it per folder. */
export const DEFAULT_MAX_FILE_BYTES = 64 * 1024 * 1024;

const GlobListSchema = z.array(z.string().min(1).max(MAX_GLOB_LENGTH)).max(MAX_GLOBS);

/** What a person can change about a root after adding it. */
export const rootOptionFields = {
  /** A file is indexed only if its path relative to the root matches one of these. */
  include: GlobListSchema,
  /** Files and folders matching any of these are skipped (folders are not entered). */
  exclude: GlobListSchema,
  /** Files larger than this many bytes are listed as skipped (`TOO_LARGE`), not read. */
  maxFileBytes: z.int().min(1).max(MAX_FILE_BYTES_CAP),
  /**
   * Follow symbolic links. Each real file is indexed once: a link whose target lies inside the root is
   * already covered by the walk, links are never followed into a folder being walked (no loops).
   */
  followSymlinks: z.boolean(),
  /** Let links lead outside the root (a shared drive linked into Documents). Default off. */
  allowOutside: z.boolean(),
};

export const RootSchema = z.strictObject({
  /** Absolute folder path as the person chose it. */
  path: z.string().min(1).max(MAX_PATH_LENGTH),
  addedAt: z.iso.datetime(),
  ...rootOptionFields,
});
export type Root = z.infer<typeof RootSchema>;

export const SettingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  encoder: EncoderSettingsSchema,
  compute: ComputeSettingsSchema,
  model: ModelSettingsSchema,
  roots: z.array(RootSchema).max(MAX_ROOTS),
  search: SearchSettingsSchema,
  answer: AnswerSettingsSchema,
  /** The CC-BY-NC-4.0 acknowledgment; null until accepted. */
  license: LicenseAcceptanceSchema.nullable(),
});
export type Settings = z.infer<typeof SettingsSchema>;

/** k = 60 is the value of the RRF paper (Cormack et al. 2009), robust across collections. */
export const DEFAULT_SEARCH_SETTINGS: z.infer<typeof SearchSettingsSchema> = {
  mode: 'hybrid',
  binaryTier: false,
  fusion: { semanticWeight: 1, keywordWeight: 1, k: 60 },
};

export const DEFAULT_ANSWER_SETTINGS: z.infer<typeof AnswerSettingsSchema> = {
  baseUrl: null,
  model: null,
  contextTokens: 3000,
  maxAnswerTokens: 1024,
  temperature: 0.2,
  timeoutSeconds: 120,
};

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  encoder: {
    queryTask: 'retrieval.query',
    passageTask: 'retrieval.passage',
    instructionPrefix: true,
    dims: 1024,
    precision: 'fp32',
  },
  compute: { provider: 'auto', threads: 0 },
  model: { dir: null, endpoint: null },
  roots: [],
  search: DEFAULT_SEARCH_SETTINGS,
  answer: DEFAULT_ANSWER_SETTINGS,
  license: null,
};

/** What `settings.set` may change. Roots and the licence have their own commands. */
export const SettingsPatchSchema = z.strictObject({
  encoder: z.strictObject(encoderFields).partial().optional(),
  compute: z.strictObject(computeFields).partial().optional(),
  model: z.strictObject(modelFields).partial().optional(),
  search: z.strictObject(searchFields).partial().optional(),
  answer: z.strictObject(answerFields).partial().optional(),
});
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;

/** Why the settings in use are not simply what the file said. */
export const SettingsProblemSchema = z.strictObject({
  code: z.enum(['SETTINGS_CORRUPT', 'SETTINGS_TOO_NEW', 'SETTINGS_WRITE_FAILED']),
  message: z.string(),
  /** Copy of the unreadable file, kept so nothing is lost. */
  backupPath: z.string().nullable(),
  /** Top-level sections replaced by defaults because they could not be read. */
  resetSections: z.array(z.string()),
});
export type SettingsProblem = z.infer<typeof SettingsProblemSchema>;

export const SettingsViewSchema = z.strictObject({
  settings: SettingsSchema,
  /** Where the file lives. */
  path: z.string(),
  /** Set while the file is read-only to this build (written by a newer version). */
  readOnly: z.boolean(),
  problem: SettingsProblemSchema.nullable(),
});
export type SettingsView = z.infer<typeof SettingsViewSchema>;
