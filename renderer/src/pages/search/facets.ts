import type { SearchResult } from '../../../../shared';

/**
 * File types offered before any result is seen. The index records a file's lower-case extension (its
 * sniffed format when it has none), and no command lists the values present, so the page starts from
 * the extensions Polyseek's extractors read most often and adds every other one that results show.
 */
export const COMMON_TYPES = ['pdf', 'docx', 'xlsx', 'pptx', 'odt', 'epub', 'rtf', 'txt', 'md', 'html', 'xml', 'csv'];

/**
 * Languages have no such list: about 90 can be detected and a long fixed list would mostly offer
 * languages the index does not hold. They are collected from the results seen in this visit
 * (per file and per passage), plus whatever is selected, so a chosen filter never disappears.
 */
export interface Facets {
  readonly types: readonly string[];
  readonly languages: readonly string[];
}

export const INITIAL_FACETS: Facets = { types: COMMON_TYPES, languages: [] };

/** The facets with the values of `result` added; the same object when nothing is new (no re-render). */
export function withResult(facets: Facets, result: SearchResult): Facets {
  const types = new Set(facets.types);
  const languages = new Set(facets.languages);
  for (const file of result.files) {
    if (file.format) types.add(file.format);
    if (file.language) languages.add(file.language);
    for (const passage of file.passages) if (passage.language) languages.add(passage.language);
  }
  languages.delete('und');
  if (types.size === facets.types.length && languages.size === facets.languages.length) return facets;
  return { types: [...types].sort(), languages: [...languages].sort() };
}

/** Choices to show: the known values and the selected ones, each once, sorted. */
export function choices(known: readonly string[], selected: readonly string[]): string[] {
  return [...new Set([...known, ...selected])].sort();
}
