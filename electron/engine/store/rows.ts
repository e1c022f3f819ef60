import type { Chunk, ChunkLocation } from '../chunk/types';
import type { ExtractErrorCode } from '../extract/types';
import { chunkId } from './ids';
import type { FileRecord, FileStatus, StoredChunk } from './types';

/** A row as LanceDB returns it from `toArray()`: values of unknown type until read through these. */
export type Row = Record<string, unknown>;

const FILE_STATUSES: readonly FileStatus[] = ['pending', 'indexed', 'failed', 'skipped'];

const str = (row: Row, key: string): string => {
  const value = row[key];
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'bigint' ? String(value) : '';
};
const strOrNull = (row: Row, key: string): string | null => {
  const value = row[key];
  return typeof value === 'string' ? value : null;
};
const num = (row: Row, key: string): number => {
  const value = row[key];
  return typeof value === 'bigint' ? Number(value) : typeof value === 'number' ? value : 0;
};
const numOrUndefined = (row: Row, key: string): number | undefined => {
  const value = row[key];
  if (typeof value === 'bigint') return Number(value);
  return typeof value === 'number' ? value : undefined;
};

function strings(value: unknown): string[] {
  if (value === null || value === undefined) return [];
  if (Array.isArray(value)) return value.map(String);
  // An arrow List cell arrives as a Vector: iterable, with toArray().
  if (typeof value === 'object' && Symbol.iterator in value) return Array.from(value as Iterable<unknown>, String);
  return [];
}

export function fileToRow(file: FileRecord): Row {
  return {
    path: file.path,
    root: file.root,
    size: file.size,
    mtime_ms: file.mtimeMs,
    hash: file.hash,
    status: file.status,
    error_code: file.errorCode,
    error_message: file.errorMessage,
    chunk_count: file.chunkCount,
    indexed_at: file.indexedAt,
    extractor: file.extractor,
    format: file.format,
    title: file.title,
    language: file.language,
  };
}

export function rowToFile(row: Row): FileRecord {
  const status = str(row, 'status');
  return {
    path: str(row, 'path'),
    root: str(row, 'root'),
    size: num(row, 'size'),
    mtimeMs: num(row, 'mtime_ms'),
    hash: str(row, 'hash'),
    status: FILE_STATUSES.includes(status as FileStatus) ? (status as FileStatus) : 'pending',
    errorCode: strOrNull(row, 'error_code') as ExtractErrorCode | null,
    errorMessage: strOrNull(row, 'error_message'),
    chunkCount: num(row, 'chunk_count'),
    indexedAt: strOrNull(row, 'indexed_at'),
    extractor: strOrNull(row, 'extractor'),
    format: str(row, 'format'),
    title: strOrNull(row, 'title'),
    language: strOrNull(row, 'language'),
  };
}

export function chunkToRow(file: FileRecord, chunk: Chunk): Row {
  const { location } = chunk;
  return {
    id: chunkId(file.path, file.hash, chunk.ordinal),
    path: file.path,
    root: file.root,
    format: file.format,
    mtime_ms: file.mtimeMs,
    language: chunk.language,
    hash: file.hash,
    ordinal: chunk.ordinal,
    text: chunk.text,
    tokens: chunk.tokens,
    page: location.page ?? null,
    page_end: location.pageEnd ?? null,
    line: location.line ?? null,
    line_end: location.lineEnd ?? null,
    section: location.section ?? null,
    headings: location.headings ?? [],
  };
}

export function rowToChunk(row: Row): StoredChunk {
  const headings = strings(row.headings);
  const location: ChunkLocation = {
    ...optional('page', numOrUndefined(row, 'page')),
    ...optional('pageEnd', numOrUndefined(row, 'page_end')),
    ...optional('line', numOrUndefined(row, 'line')),
    ...optional('lineEnd', numOrUndefined(row, 'line_end')),
    ...optional('section', strOrNull(row, 'section') ?? undefined),
    ...(headings.length > 0 ? { headings } : {}),
  };
  return {
    id: str(row, 'id'),
    path: str(row, 'path'),
    root: str(row, 'root'),
    hash: str(row, 'hash'),
    format: str(row, 'format'),
    mtimeMs: num(row, 'mtime_ms'),
    ordinal: num(row, 'ordinal'),
    text: str(row, 'text'),
    tokens: num(row, 'tokens'),
    language: str(row, 'language') || 'und',
    location,
  };
}

function optional<K extends string, V>(key: K, value: V | undefined): Partial<Record<K, V>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, V>);
}

/** The columns copied from a chunk into its vector rows. */
export function vectorFilterColumns(row: Row): Row {
  return {
    id: str(row, 'id'),
    path: str(row, 'path'),
    root: str(row, 'root'),
    format: str(row, 'format'),
    mtime_ms: num(row, 'mtime_ms'),
    language: str(row, 'language') || 'und',
  };
}
