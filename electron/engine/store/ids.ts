import { createHash } from 'node:crypto';

import type { Provenance } from './types';

/**
 * Chunk id: 32 hex digits (128 bits) of sha256 over path, file content hash and ordinal. The same file
 * bytes at the same path chunk to the same ids, so a rerun replaces rows instead of adding copies; a
 * changed file or a rename gives new ids, so nothing stale is reused.
 */
export function chunkId(path: string, fileHash: string, ordinal: number): string {
  return createHash('sha256').update(`${path}\u0000${fileHash}\u0000${ordinal}`).digest('hex').slice(0, 32);
}

/** Canonical JSON: keys sorted, so two equal provenances always give the same key. */
export function canonicalProvenance(p: Provenance): string {
  const fields: (keyof Provenance)[] = [
    'chunkerVersion',
    'dims',
    'modelChecksum',
    'modelId',
    'precision',
    'prefix',
    'task',
  ];
  return JSON.stringify(Object.fromEntries(fields.map((field) => [field, p[field]])));
}

/** 16 hex digits of sha256 over the canonical provenance: the `vectors_<key>` table suffix. */
export function provenanceKey(p: Provenance): string {
  return createHash('sha256').update(canonicalProvenance(p)).digest('hex').slice(0, 16);
}
