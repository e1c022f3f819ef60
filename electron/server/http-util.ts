import type { IncomingMessage, ServerResponse } from 'node:http';

import { PolyseekError, type ErrorCode, type Result } from '../../shared';

/** HTTP status for each error code; the body always carries the Result with the stable code. */
const STATUS: Record<ErrorCode, number> = {
  INVALID_INPUT: 400,
  UNKNOWN_COMMAND: 404,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  PAYLOAD_TOO_LARGE: 413,
  SETTINGS_CORRUPT: 409,
  SETTINGS_TOO_NEW: 409,
  SETTINGS_WRITE_FAILED: 500,
  LICENSE_NOT_ACCEPTED: 403,
  MODEL_NOT_FOUND: 404,
  MODEL_INVALID: 422,
  ENGINE_UNAVAILABLE: 503,
  ENGINE_CRASHED: 502,
  TIMEOUT: 504,
  CANCELLED: 499,
  INVALID_OUTPUT: 500,
  INTERNAL: 500,
  DOWNLOAD_FAILED: 502,
  CHECKSUM_MISMATCH: 422,
  DISK_FULL: 507,
  JOB_RUNNING: 409,
  FINGERPRINT_MISMATCH: 422,
  QUANTIZE_FAILED: 500,
  ROOT_NOT_FOUND: 404,
  ROOT_CONFLICT: 409,
  PATH_OUTSIDE_ROOTS: 403,
  INDEX_FAILED: 500,
  PROVENANCE_MISMATCH: 409,
  FILE_NOT_INDEXED: 404,
  NO_VECTORS: 409,
  CHAT_FAILED: 502,
  NOT_CONFIGURED: 409,
};

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function sendResult(res: ServerResponse, result: Result<unknown>, headers: Record<string, string> = {}): void {
  const status = result.ok ? 200 : STATUS[result.error.code];
  sendJson(res, status, result, headers);
}

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** Reads a JSON body of at most `limit` bytes; an empty body reads as `{}`. */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolyseekError('INVALID_INPUT', `request body is not valid JSON: ${(error as Error).message}`);
  }
}

function tooLarge(limit: number): PolyseekError {
  return new PolyseekError('PAYLOAD_TOO_LARGE', `request body exceeds ${limit} bytes`);
}
