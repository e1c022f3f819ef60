// PROVISIONAL (lead, so the Searcher can be tested): no ANN yet. The ANN helper replaces this file entirely.
import type { VectorTable } from './types';

export type VectorIndexAction = 'none' | 'built' | 'rebuilt' | 'refreshed' | 'unchanged';

export function ensureVectorIndex(table: VectorTable): Promise<VectorIndexAction> {
  void table;
  return Promise.resolve('none');
}
