import { PolyseekError, type SearchFilters } from '../../../shared';
import { inBatches, sqlIn, sqlNumber, sqlStartsWith } from '../store/sql';

/**
 * Filters as one SQL pre-filter over the columns chunks and vector rows share (path, root, format,
 * mtime_ms, language), so both lists are narrowed before ranking — never after, where a filter would
 * empty a page of results that had better matches further down. `undefined` when nothing filters.
 */
export function filtersToWhere(filters: SearchFilters | undefined): string | undefined {
  if (!filters) return undefined;
  const parts: string[] = [];
  if (filters.roots?.length) parts.push(sqlIn('root', filters.roots));
  if (filters.folders?.length) {
    const folders = filters.folders.map((folder) => sqlStartsWith('path', withSeparator(folder)));
    parts.push(folders.length === 1 ? (folders[0] ?? '') : `(${folders.join(' OR ')})`);
  }
  if (filters.files?.length) {
    const lists = inBatches(filters.files).map((batch) => sqlIn('path', batch));
    parts.push(lists.length === 1 ? (lists[0] ?? '') : `(${lists.join(' OR ')})`);
  }
  if (filters.types?.length) parts.push(sqlIn('format', filters.types));
  if (filters.languages?.length) parts.push(sqlIn('language', filters.languages));
  const after = filters.modifiedAfter === undefined ? undefined : Date.parse(filters.modifiedAfter);
  const before = filters.modifiedBefore === undefined ? undefined : Date.parse(filters.modifiedBefore);
  if (after !== undefined && before !== undefined && after > before) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `the date range is empty: modifiedAfter ${filters.modifiedAfter ?? ''} is later than modifiedBefore ${filters.modifiedBefore ?? ''}`,
    );
  }
  if (after !== undefined) parts.push(`mtime_ms >= ${sqlNumber(after)}`);
  if (before !== undefined) parts.push(`mtime_ms <= ${sqlNumber(before)}`);
  return parts.length === 0 ? undefined : parts.join(' AND ');
}

/** `/docs` must not match `/docs-old/x`: a folder filter is the folder plus its separator. */
function withSeparator(folder: string): string {
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? folder : `${folder}${separator}`;
}
