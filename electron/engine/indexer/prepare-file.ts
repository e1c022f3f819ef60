import { extname } from 'node:path';

import { PolyseekError, errorMessage } from '../../../shared';
import type { Chunk } from '../chunk/types';
import {
  ExtractError,
  type ExtractErrorCode,
  type Extracted,
  type ExtractorPool,
  type Segment,
} from '../extract/types';
import { sha256File } from '../model/hash-file';
import type { FileRecord } from '../store/types';
import type { CrawledFile } from './crawl';

/** Codes that say a file has nothing for the index (not that reading it went wrong): listed as skipped. */
const NOT_READ_ON_PURPOSE: ReadonlySet<ExtractErrorCode> = new Set(['EMPTY', 'UNSUPPORTED', 'TOO_LARGE']);

/** A crawled file that needs work; `hash` is set when the comparison already read it. */
export interface WorkFile extends CrawledFile {
  readonly hash: string | null;
}

/** A file ready to commit: its record and its chunks (none for a failed or skipped file). */
export interface PreparedFile {
  readonly file: FileRecord;
  readonly chunks: Chunk[];
}

export interface PrepareOptions {
  readonly extractor: ExtractorPool;
  readonly chunk: (segments: readonly Segment[]) => Chunk[];
  readonly signal: AbortSignal;
}

/**
 * Hash → extract (worker pool, time and memory limits) → chunk. Never throws for a bad file: what cannot
 * be read becomes a `failed` record with the extractor's code; only cancellation escapes.
 */
export async function prepareFile(work: WorkFile, options: PrepareOptions): Promise<PreparedFile> {
  const base = {
    path: work.path,
    root: work.root,
    size: work.size,
    mtimeMs: work.mtimeMs,
    format: formatOf(work.path),
  };
  if (work.tooLarge) {
    return {
      file: notIndexed(
        base,
        work.hash ?? '',
        'skipped',
        'TOO_LARGE',
        `${work.size} bytes is over this folder's size cap`,
      ),
      chunks: [],
    };
  }
  let hash: string;
  try {
    hash = work.hash ?? (await sha256File(work.path, { signal: options.signal }));
  } catch (error) {
    rethrowCancel(error, options.signal);
    return {
      file: notIndexed(base, '', 'failed', 'READ_FAILED', `reading ${work.path}: ${errorMessage(error)}`),
      chunks: [],
    };
  }
  let extracted: Extracted;
  try {
    extracted = await options.extractor.extract(work.path, { signal: options.signal });
  } catch (error) {
    rethrowCancel(error, options.signal);
    const code: ExtractErrorCode = error instanceof ExtractError ? error.code : 'CORRUPT';
    const status = NOT_READ_ON_PURPOSE.has(code) ? 'skipped' : 'failed';
    return { file: notIndexed(base, hash, status, code, errorMessage(error)), chunks: [] };
  }
  const chunks = options.chunk(extracted.segments);
  const format = base.format === '' ? extracted.extractor : base.format;
  if (chunks.length === 0) {
    return { file: notIndexed({ ...base, format }, hash, 'skipped', 'EMPTY', 'no text to index'), chunks: [] };
  }
  return {
    file: {
      ...base,
      format,
      hash,
      status: 'indexed',
      errorCode: null,
      errorMessage: null,
      chunkCount: chunks.length,
      indexedAt: new Date().toISOString(),
      extractor: `${extracted.extractor}@${extracted.extractorVersion}`,
      title: extracted.title ?? null,
      language: mostCommonLanguage(chunks),
    },
    chunks,
  };
}

/** `pdf` for report.PDF; '' for a file without an extension (the extractor's sniffed format is used). */
export function formatOf(path: string): string {
  return extname(path).slice(1).toLowerCase();
}

function notIndexed(
  base: Pick<FileRecord, 'path' | 'root' | 'size' | 'mtimeMs' | 'format'>,
  hash: string,
  status: 'failed' | 'skipped',
  code: ExtractErrorCode,
  message: string,
): FileRecord {
  return {
    ...base,
    hash,
    status,
    errorCode: code,
    errorMessage: message,
    chunkCount: 0,
    indexedAt: new Date().toISOString(),
    extractor: null,
    title: null,
    language: null,
  };
}

function rethrowCancel(error: unknown, signal: AbortSignal): void {
  if (signal.aborted) throw new PolyseekError('CANCELLED', 'indexing cancelled', { cause: error });
}

function mostCommonLanguage(chunks: readonly Chunk[]): string | null {
  const counts = new Map<string, number>();
  for (const chunk of chunks) counts.set(chunk.language, (counts.get(chunk.language) ?? 0) + chunk.tokens);
  let best: string | null = null;
  let bestCount = -1;
  for (const [language, count] of counts) {
    if (language !== 'und' && count > bestCount) [best, bestCount] = [language, count];
  }
  return best ?? (counts.size > 0 ? 'und' : null);
}
