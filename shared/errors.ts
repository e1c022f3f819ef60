import { z } from 'zod';

/**
 * Stable error codes. Hosts, the CLI and the UI switch on these; never rename one, only add.
 * The message beside each code is for people and may change.
 */
export const ERROR_CODES = [
  /** The input did not match the command's schema (wrong types, extra fields, too long). */
  'INVALID_INPUT',
  /** No command of that name exists in the contract. */
  'UNKNOWN_COMMAND',
  /** The HTTP request carried no valid bearer token. */
  'UNAUTHORIZED',
  /** The request was refused for where it came from (foreign origin, foreign IPC sender). */
  'FORBIDDEN',
  /** The request body exceeded the host's size limit. */
  'PAYLOAD_TOO_LARGE',
  /** The settings file could not be read as valid settings; a backup was kept. */
  'SETTINGS_CORRUPT',
  /** The settings file was written by a newer Polyseek; it is left untouched and read-only. */
  'SETTINGS_TOO_NEW',
  /** Writing the settings file failed (disk full, permissions); the previous file is intact. */
  'SETTINGS_WRITE_FAILED',
  /** A model operation was attempted before the CC-BY-NC-4.0 acknowledgment was recorded. */
  'LICENSE_NOT_ACCEPTED',
  /** The model folder or one of its files is missing. */
  'MODEL_NOT_FOUND',
  /** The model files exist but are not a usable jina-v3 export (corrupt ONNX, wrong inputs, bad config). */
  'MODEL_INVALID',
  /** The engine process is not running (starting, restarting or given up). */
  'ENGINE_UNAVAILABLE',
  /** The engine process died while handling the request. */
  'ENGINE_CRASHED',
  /** The operation did not finish in time. */
  'TIMEOUT',
  /** The operation was cancelled by the caller. */
  'CANCELLED',
  /** A handler returned a value that does not match its own output schema (a bug). */
  'INVALID_OUTPUT',
  /** Anything unexpected; the message carries the context. */
  'INTERNAL',
  /** A model file could not be fetched (HTTP error, refused, connection lost after retries); names file and URL. */
  'DOWNLOAD_FAILED',
  /** A file's sha256 or size differs from the manifest or the recorded hash; nothing was put under its name. */
  'CHECKSUM_MISMATCH',
  /** Not enough free disk space for the operation; checked before starting, and on ENOSPC. */
  'DISK_FULL',
  /** Another model job (download, locate, verify, quantize) is running; one runs at a time. */
  'JOB_RUNNING',
  /** The model's embeddings of the probe texts differ from those recorded at its first load. */
  'FINGERPRINT_MISMATCH',
  /** Making or checking the int8 variant failed. */
  'QUANTIZE_FAILED',
  /** A folder to index does not exist, is not a folder, or is not in the roots. */
  'ROOT_NOT_FOUND',
  /** A folder to index is already a root, or lies inside (or contains) another root. */
  'ROOT_CONFLICT',
  /** A path named by a caller does not resolve inside any indexed root. */
  'PATH_OUTSIDE_ROOTS',
  /** The index database could not be opened or written (the message names the folder and the cause). */
  'INDEX_FAILED',
  /**
   * The vectors asked for were made with another model, variant, adapter or more dims than exist; the
   * message names the mismatch and the re-embed action. Keyword search still works.
   */
  'PROVENANCE_MISMATCH',
  /** The path is not an indexed file under a current root (file.open / file.reveal). */
  'FILE_NOT_INDEXED',
  /** The index has no vectors yet (no model when it was built, or the embed job has not run): keyword search only. */
  'NO_VECTORS',
  /**
   * The chat endpoint for answers refused, failed or dropped the connection; the message names the URL,
   * the HTTP status and the server's own error text.
   */
  'CHAT_FAILED',
  /** The feature needs a setting that is not set (answers: the chat endpoint or the model name). */
  'NOT_CONFIGURED',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ResultErrorSchema = z.strictObject({ code: ErrorCodeSchema, message: z.string() });

/** An error with a stable code, thrown inside a process and turned into a Result at its boundary. */
export class PolyseekError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'PolyseekError';
    this.code = code;
  }
}

/** The message of anything thrown, for error context strings. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
