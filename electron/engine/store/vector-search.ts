// PROVISIONAL (lead, so the Searcher can be tested): exact search only. The ANN helper replaces this file entirely.
import type { VectorTable } from './types';

export interface VectorSearchOptions {
  readonly limit: number;
  readonly where?: string;
  readonly binary?: boolean;
}
export interface VectorHit {
  readonly id: string;
  readonly path: string;
  readonly similarity: number;
}
export interface VectorSearchResult {
  readonly hits: VectorHit[];
  readonly index: 'exact' | 'ann';
}

export async function vectorSearch(
  table: VectorTable,
  query: Float32Array,
  options: VectorSearchOptions,
): Promise<VectorSearchResult> {
  let search = table.table.vectorSearch(Array.from(query)).distanceType('cosine').limit(options.limit);
  if (options.where) search = search.where(options.where);
  const rows = (await search.select(['id', 'path']).toArray()) as Record<string, unknown>[];
  return {
    hits: rows.map((row) => ({
      id: String(row['id']),
      path: String(row['path']),
      similarity: 1 - Number(row['_distance']),
    })),
    index: 'exact',
  };
}
