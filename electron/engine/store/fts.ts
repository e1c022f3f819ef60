import { Index, MatchQuery } from '@lancedb/lancedb';

import type { StoreContext } from './context';
import { META_KEYS, readMeta, writeMeta } from './meta';
import { rowToChunk, type Row } from './rows';
import type { KeywordHit } from './types';

/**
 * Full-text index over `chunks.text`. The default `simple` tokenizer drops CJK and Thai (no spaces);
 * character n-grams match any script. 2-grams so two-character Chinese/Japanese words are found,
 * 3-grams so Latin queries are not flooded by common bigrams. Stemming and stop words are off: they
 * are English-only and meaningless on n-grams. ASCII folding lets `resume` find `résumé`.
 * Changing any of this bumps `version`, which rebuilds the index at the next `ensureFtsIndex`.
 */
export const FTS_CONFIG = {
  version: 1,
  column: 'text',
  name: 'text_idx',
  ngramMinLength: 2,
  ngramMaxLength: 3,
} as const;

function ftsIndex(): Index {
  return Index.fts({
    baseTokenizer: 'ngram',
    ngramMinLength: FTS_CONFIG.ngramMinLength,
    ngramMaxLength: FTS_CONFIG.ngramMaxLength,
    prefixOnly: false,
    lowercase: true,
    asciiFolding: true,
    stem: false,
    removeStopWords: false,
    withPosition: false,
  });
}

/**
 * Creates the n-gram index when missing or built with another configuration. Rows added later are not
 * in the index until `optimize()` merges them, but LanceDB searches unindexed rows too (flat), so
 * keyword search is complete right after every commit — optimize only keeps it fast.
 */
export async function ensureFtsIndex(ctx: StoreContext): Promise<boolean> {
  const wanted = JSON.stringify(FTS_CONFIG);
  const indices = await ctx.chunks.listIndices();
  const existing = indices.find((index) => index.columns.includes(FTS_CONFIG.column) && index.indexType === 'FTS');
  if (existing && (await readMeta(ctx.meta, META_KEYS.ftsConfig)) === wanted) return false;
  ctx.beforeStep('fts:create-index');
  await ctx.chunks.createIndex(FTS_CONFIG.column, { config: ftsIndex(), replace: true, name: FTS_CONFIG.name });
  await writeMeta(ctx.meta, META_KEYS.ftsConfig, wanted);
  return true;
}

export async function hasFtsIndex(ctx: StoreContext): Promise<boolean> {
  const indices = await ctx.chunks.listIndices();
  return indices.some((index) => index.indexType === 'FTS' && index.columns.includes(FTS_CONFIG.column));
}

/** Lower-cased whitespace-separated terms of a query, for the exact-match boost. */
function queryTerms(query: string): string[] {
  return query
    .normalize('NFC')
    .toLocaleLowerCase()
    .split(/\s+/u)
    .filter((term) => term.length > 0);
}

/**
 * BM25 over n-grams, then chunks containing every query term verbatim (case-insensitive) ahead of those
 * that only share n-grams: n-gram recall is high but `cat` also matches `catalogue` and `concatenate`.
 * Candidates: 4× `limit`. `where` is raw SQL built with the `sql.ts` helpers (pre-filter).
 */
export async function keywordSearch(
  ctx: StoreContext,
  query: string,
  limit: number,
  where?: string,
): Promise<KeywordHit[]> {
  const trimmed = query.trim();
  if (trimmed.length === 0 || limit <= 0) return [];
  // A MatchQuery, never the query-string syntax: a `"` there starts a phrase query, which needs
  // positions this index does not store, and `AND`/`:` would be operators. User text is just text.
  let search = ctx.chunks.search(new MatchQuery(trimmed, FTS_CONFIG.column)).limit(limit * 4);
  if (where !== undefined) search = search.where(where);
  const rows = (await search.toArray()) as Row[];
  const terms = queryTerms(trimmed);
  const hits = rows.map((row) => {
    const chunk = rowToChunk(row);
    const text = chunk.text.normalize('NFC').toLocaleLowerCase();
    const exact = terms.every((term) => text.includes(term));
    return { chunk, score: Number(row._score ?? 0), exact };
  });
  hits.sort((a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score);
  return hits.slice(0, limit).map(({ chunk, score }) => ({ chunk, score }));
}
