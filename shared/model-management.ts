import { z } from 'zod';

import { ResultErrorSchema } from './errors';
import { PrecisionSchema } from './model';

/** Variants the hub publishes; int8 is made on this machine by `model.quantize`. */
export const DOWNLOAD_VARIANTS = ['fp32', 'fp16'] as const;
export const DownloadVariantSchema = z.enum(DOWNLOAD_VARIANTS);
export type DownloadVariant = z.infer<typeof DownloadVariantSchema>;

/** Background work on the model folder; one runs at a time per profile. */
export const MODEL_JOB_KINDS = ['download', 'locate', 'verify', 'quantize'] as const;
export const MODEL_JOB_STATES = ['running', 'done', 'failed', 'cancelled'] as const;
export type ModelJobKind = (typeof MODEL_JOB_KINDS)[number];
export type ModelJobState = (typeof MODEL_JOB_STATES)[number];

/**
 * What is known about one file's integrity:
 * - `missing`: not in the folder;
 * - `unchecked`: present, not hashed since it last changed (size and mtime are compared);
 * - `verified`: its sha256 matched the manifest or the hash recorded at the first verified download;
 * - `hash-unknown`: hashed, but no reference exists yet (the first verified download records one);
 * - `mismatch`: hashed and different from the reference;
 * - `wrong-size`: its size already differs from the reference, no hashing needed.
 */
export const FILE_CHECKS = ['missing', 'unchecked', 'verified', 'hash-unknown', 'mismatch', 'wrong-size'] as const;
export type FileCheck = (typeof FILE_CHECKS)[number];

/** Where a reference sha256 comes from: the shipped manifest, or recorded in the profile by a download. */
export const HASH_SOURCES = ['manifest', 'recorded'] as const;

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
const Bytes = z.int().min(0);

export const ModelFileStatusSchema = z.strictObject({
  /** Relative to the model folder, with `/`: `onnx/model.onnx`. */
  path: z.string(),
  /** Variants that need it; empty for the shared files (tokenizer, config). */
  variants: z.array(PrecisionSchema),
  /** The encoder does not need it (a folder without it is still complete). */
  optional: z.boolean(),
  /** Size on disk; null when missing. */
  bytes: Bytes.nullable(),
  expectedBytes: Bytes.nullable(),
  expectedSha256: Sha256.nullable(),
  hashSource: z.enum(HASH_SOURCES).nullable(),
  /** Where the manifest's value came from, or why it is unknown. */
  note: z.string(),
  check: z.enum(FILE_CHECKS),
  /** The hash computed when the file was last checked. */
  sha256: Sha256.nullable(),
  checkedAt: z.iso.datetime().nullable(),
});
export type ModelFileStatus = z.infer<typeof ModelFileStatusSchema>;

export const ModelVariantStatusSchema = z.strictObject({
  variant: PrecisionSchema,
  /** Its own files; the shared files are needed too. */
  files: z.array(z.string()),
  /** Every file it needs (shared included) is present. */
  complete: z.boolean(),
  /** Every file it needs was hashed and matched a reference (or had none, and was recorded). */
  verified: z.boolean(),
  /** Published by the hub (`model.download`), or made here (`model.quantize`). */
  origin: z.enum(['hub', 'local']),
  expectedBytes: Bytes.nullable(),
});
export type ModelVariantStatus = z.infer<typeof ModelVariantStatusSchema>;

/** The last fingerprint check of one variant: probe texts in five scripts, each task, against the first load. */
export const FingerprintCheckSchema = z.strictObject({
  variant: PrecisionSchema,
  state: z.enum(['recorded', 'matches', 'mismatch', 'needs-licence', 'not-complete']),
  /** Lowest cosine between a probe's embedding now and at the first load. */
  minCosine: z.number().nullable(),
  /** When the reference fingerprint was taken. */
  recordedAt: z.iso.datetime().nullable(),
  checkedAt: z.iso.datetime(),
  message: z.string(),
});
export type FingerprintCheck = z.infer<typeof FingerprintCheckSchema>;

/** How the locally made int8 model compares with fp32 on the probe texts. */
export const Int8CheckSchema = z.strictObject({
  checkedAt: z.iso.datetime(),
  bytes: Bytes,
  sha256: Sha256,
  meanCosine: z.number(),
  minCosine: z.number(),
  /** The mean cosine it had to reach. */
  threshold: z.number(),
  passed: z.boolean(),
});
export type Int8Check = z.infer<typeof Int8CheckSchema>;

export const ModelJobFileSchema = z.strictObject({
  path: z.string(),
  bytes: Bytes,
  total: Bytes.nullable(),
  etaSeconds: z.number().min(0).nullable(),
});

/** A model job's progress: the payload of `model.progress` events and of `model.status`'s `job`. */
export const ModelJobSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(MODEL_JOB_KINDS),
  state: z.enum(MODEL_JOB_STATES),
  variant: PrecisionSchema.nullable(),
  startedAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  /** The file being worked on; null between files. */
  file: ModelJobFileSchema.nullable(),
  /** Bytes done over the whole job (downloaded, hashed or copied). */
  bytes: Bytes,
  total: Bytes.nullable(),
  bytesPerSecond: z.number().min(0).nullable(),
  etaSeconds: z.number().min(0).nullable(),
  /** What is happening, or how it ended, in words. */
  message: z.string().nullable(),
  error: ResultErrorSchema.nullable(),
});
export type ModelJob = z.infer<typeof ModelJobSchema>;

export const ModelStatusSchema = z.strictObject({
  modelId: z.string(),
  revision: z.string(),
  license: z.strictObject({ id: z.string(), url: z.string(), accepted: z.boolean() }),
  /** The folder the encoder loads from. */
  dir: z.string(),
  /** Why that folder: `--model-dir`/runtime option, settings `model.dir` (a located folder), or the profile. */
  dirSource: z.enum(['option', 'settings', 'profile']),
  /** A Hugging Face cache snapshot (files are links into blobs/): read, never written. */
  hfCacheSnapshot: z.boolean(),
  /** Preset of the project's synthetic stand-in, or null for anything else. */
  synthetic: z.string().nullable(),
  /** Where downloads come from (settings `model.endpoint`, `HF_ENDPOINT`, or huggingface.co). */
  endpoint: z.string(),
  /** Whether a bearer token (`HF_TOKEN`) will be sent to the endpoint. */
  token: z.boolean(),
  /** The proxy a download would use, credentials removed; null for a direct connection. */
  proxy: z.string().nullable(),
  /** Precision selected in settings. */
  precision: PrecisionSchema,
  files: z.array(ModelFileStatusSchema),
  variants: z.array(ModelVariantStatusSchema),
  /** The running job, or the last one this process ran. */
  job: ModelJobSchema.nullable(),
  fingerprints: z.array(FingerprintCheckSchema),
  int8: Int8CheckSchema.nullable(),
});
export type ModelStatus = z.infer<typeof ModelStatusSchema>;

export const ModelDownloadInputSchema = z.strictObject({ variant: DownloadVariantSchema });

/** Longest folder path accepted (matches settings' MAX_PATH_LENGTH). */
const MAX_LOCATE_PATH = 4096;

export const ModelLocateInputSchema = z.strictObject({
  /** An absolute folder path: a copy, a USB stick, or a Hugging Face cache folder or snapshot. */
  path: z.string().min(1).max(MAX_LOCATE_PATH),
  /** `use` reads it in place (settings `model.dir`); `copy` copies it into the profile. */
  mode: z.enum(['use', 'copy']),
});
export type ModelLocateInput = z.infer<typeof ModelLocateInputSchema>;

export const ModelVerifyInputSchema = z.strictObject({
  /** Check this variant (and the shared files); default every variant with files present. */
  variant: PrecisionSchema.optional(),
  /** Take a new reference fingerprint instead of comparing with the old one (after replacing the model). */
  resetFingerprint: z.boolean().optional(),
});
export type ModelVerifyInput = z.infer<typeof ModelVerifyInputSchema>;
