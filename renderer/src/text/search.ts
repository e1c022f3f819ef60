import type { ErrorCode, PassageLocation, SearchMode, SearchResult } from '../../../shared';
import { catalog } from './catalog';
import { formatNumber, plural } from './format';
import { UI_LOCALE } from './locale';

/**
 * Every sentence the Search page shows. Texts with numbers are functions; counts go through `plural`
 * (Intl.PluralRules of the UI locale), so a translation follows its own rules.
 */
const en = {
  title: 'Search',
  lead: 'Find passages by meaning in about 90 languages, with exact words matched alongside.',
  formLabel: 'Search your documents',
  queryLabel: 'Search your documents',
  placeholder: 'Type a question or a few words, in any language',
  keysHint:
    'Ctrl-K or ⌘-K focuses this box. ↑ ↓ move through the results, Enter opens, Shift+Enter shows the file in its folder, Escape clears. Ctrl+Enter (⌘+Enter) asks: an answer from the passages, with sources.',
  modeLegend: 'Mode',
  modes: {
    hybrid: { label: 'Hybrid', hint: 'Meaning and exact words, ranks fused' },
    semantic: { label: 'Semantic', hint: 'Meaning only, across languages (needs the model)' },
    keyword: { label: 'Keyword', hint: 'Exact words and characters only; works without the model' },
  } satisfies Record<SearchMode, { label: string; hint: string }>,
  semanticNeedsLicence: 'Semantic search needs the model licence (Settings); Hybrid and Keyword work without it',
  searching: 'Searching…',
  resultsLabel: 'Results',
  filters: 'Filters',
  clearFilters: 'Clear filters',
  filterRoot: 'Folder',
  filterAllRoots: 'All folders',
  filterFolder: 'Only below',
  filterFolderHint: 'An absolute path inside an indexed folder; leave empty for all of it.',
  filterTypes: 'File type',
  filterLanguages: 'Language',
  filterLanguagesHint: 'As detected per passage; languages appear here as results show them.',
  filterFrom: 'Modified from',
  filterTo: 'Modified to',
  filterLimit: 'Files to show',
  open: 'Open',
  openAtPage: (page: number) => `Open at p. ${page}`,
  reveal: 'Show in folder',
  awaitingVectors: 'awaiting vectors',
  awaitingVectorsHint: 'This file has no vectors yet: it was found by its words only.',
  emptyIndexTitle: 'Nothing indexed yet',
  emptyIndex:
    'Search looks through the folders you index. Add one on the Folders page; keyword search works as soon as its files are read.',
  goFolders: 'Go to Folders',
  goReembed: 'Re-embed from the Folders page',
  goModels: 'Set up the model on the Models page',
  goSettings: 'Review the licence in Settings',
  indexing: 'Indexing is running: results grow as files are added.',
  noResultsTitle: 'No results',
  popupBlocked: 'The browser blocked the new tab the file opens in.',
  openAgain: (name: string) => `Open ${name} in a new tab`,
};

export type SearchText = typeof en;
export const SEARCH_TEXT: SearchText = catalog({ en });

function count(n: number, one: string, other: string): string {
  return plural(n, { one: `# ${one}`, other: `# ${other}` });
}

/** The live-region sentence after each search. */
export function resultSummary(result: Pick<SearchResult, 'files' | 'totalFiles' | 'query'>): string {
  const shown = result.files.length;
  if (shown === 0) return `No files match “${result.query}”.`;
  const files = count(result.totalFiles, 'file matches', 'files match');
  return shown < result.totalFiles
    ? `${files} “${result.query}”; showing the best ${formatNumber(shown)}.`
    : `${files} “${result.query}”.`;
}

export function noResults(query: string, filters: number, mode: SearchMode): string {
  const advice =
    mode === 'keyword'
      ? 'Keyword mode finds the exact words: try fewer or other words, or Hybrid to search by meaning.'
      : 'Try other words, or Keyword mode for exact names and numbers.';
  const narrowed =
    filters > 0
      ? ` ${count(filters, 'filter narrows', 'filters narrow')} the search; clear them to look everywhere.`
      : '';
  return `Nothing found for “${query}”. ${advice}${narrowed}`;
}

export function morePassages(n: number): string {
  return count(n, 'more passage', 'more passages');
}

export function hidePassages(): string {
  return 'Fewer passages';
}

/** "4 more matched" when the engine counted more passages than it sent. */
export function moreMatched(n: number): string {
  return `${count(n, 'more passage matches', 'more passages match')} in this file.`;
}

export function awaitingVectorsNotice(files: number): string {
  return `Semantic search cannot see ${count(files, 'file', 'files')} yet: ${files === 1 ? 'it has' : 'they have'} no vectors for the current model settings. Keyword matching still finds ${files === 1 ? 'it' : 'them'}.`;
}

export function deriveNotice(dims: number, dimsUsed: number | null, state: string): string {
  if (state === 'failed')
    return `Preparing ${dims}-dimension vectors failed; searching at ${dimsUsed ?? 'full'} dimensions.`;
  return `Preparing ${dims}-dimension vectors from the stored ones (no re-encoding)${dimsUsed ? `; searching at ${dimsUsed} dimensions meanwhile` : ''}.`;
}

export function opened(name: string, page: number | null, how: 'app' | 'tab'): string {
  const where = page === null ? '' : ` at page ${page}`;
  return how === 'tab' ? `Opened ${name}${where} in a new tab.` : `Asked the system to open ${name}${where}.`;
}

export function revealed(name: string): string {
  return `Asked the system to show ${name} in its folder.`;
}

/** p. 3, pp. 3–4, line 12, lines 12–20; the section and heading path after it. */
export function formatLocation(location: PassageLocation): string {
  const parts: string[] = [];
  if (location.page !== null) parts.push(span(location.page, location.pageEnd, 'p.', 'pp.'));
  else if (location.line !== null) parts.push(span(location.line, location.lineEnd, 'line', 'lines'));
  if (location.section) parts.push(location.section);
  if (location.headings.length > 0) parts.push(location.headings.join(' › '));
  return parts.join(' · ');
}

/** The short badge: the page or line only. */
export function locationBadge(location: PassageLocation): string | null {
  if (location.page !== null) return span(location.page, location.pageEnd, 'p.', 'pp.');
  if (location.line !== null) return span(location.line, location.lineEnd, 'line', 'lines');
  return null;
}

function span(start: number, end: number | null, one: string, many: string): string {
  return end !== null && end > start ? `${many} ${start}–${end}` : `${one} ${start}`;
}

const languageNames = (() => {
  try {
    return new Intl.DisplayNames([UI_LOCALE], { type: 'language' });
  } catch {
    return null;
  }
})();

/** "Japanese" for ja; the code itself when unknown (`und`: not detected). */
export function languageName(code: string): string {
  if (code === 'und') return 'Undetermined';
  try {
    const name = languageNames?.of(code);
    return name && name !== code ? name : code;
  } catch {
    return code;
  }
}

/** RRF scores are small fractions; three significant digits tell neighbours apart. */
export function formatScore(score: number): string {
  return score.toPrecision(3);
}

/** The footer: where the time went and what was searched. */
export function searchFacts(result: SearchResult): string[] {
  const { timings: t, semantic: s } = result;
  const facts = [`${Math.round(t.totalMs)} ms`];
  const stages = [
    s.state === 'used' && `embed ${Math.round(t.embedMs)} ms${s.queryCached ? ' (cached)' : ''}`,
    s.state === 'used' && `vectors ${Math.round(t.vectorMs)} ms`,
    result.mode !== 'semantic' && `keyword ${Math.round(t.keywordMs)} ms`,
  ].filter((x): x is string => typeof x === 'string');
  if (stages.length > 0) facts.push(stages.join(', '));
  if (s.state === 'used') {
    const dims =
      s.dimsUsed !== null && s.dimsRequested !== null && s.dimsUsed !== s.dimsRequested
        ? `${s.dimsUsed} dims (${s.dimsRequested} being prepared)`
        : `${s.dimsUsed ?? s.provenance?.dims ?? '?'} dims`;
    facts.push(dims);
    if (s.index) facts.push(s.index === 'ann' ? 'ANN index' : 'exact search');
    if (s.binary) facts.push('binary first pass');
    if (s.queryTask) facts.push(`query adapter ${s.queryTask}`);
  } else {
    facts.push(s.state === 'off' ? 'keyword only' : 'vectors not used');
  }
  return facts;
}

/** A page to go to, and the words of the link (`reembed` goes to Folders). */
export type HelpLink = 'folders' | 'models' | 'settings' | 'reembed';

/** What to do about a refused search, and the page where it is done. */
export function errorAdvice(code: ErrorCode): { readonly text: string; readonly link: HelpLink | null } {
  switch (code) {
    case 'PROVENANCE_MISMATCH':
      return { text: 'Hybrid and Keyword modes still answer by keyword meanwhile.', link: 'reembed' };
    case 'LICENSE_NOT_ACCEPTED':
      return { text: 'Searching by meaning needs the model licence. Keyword mode works without it.', link: 'settings' };
    case 'MODEL_NOT_FOUND':
    case 'MODEL_INVALID':
    case 'FINGERPRINT_MISMATCH':
      return { text: 'Searching by meaning needs a working model. Keyword mode works without it.', link: 'models' };
    case 'NO_VECTORS':
      return {
        text: 'Vectors are made after the text is indexed; the Folders page shows how far that is. Hybrid and Keyword modes answer meanwhile.',
        link: 'folders',
      };
    case 'FILE_NOT_INDEXED':
      return { text: 'The file changed or left the index since this search; search again.', link: null };
    case 'ENGINE_UNAVAILABLE':
    case 'ENGINE_CRASHED':
      return {
        text: 'The engine is not running right now; it restarts by itself and the search runs again when it is back.',
        link: null,
      };
    case 'INDEX_FAILED':
      return {
        text: 'The index could not be read. The Folders page shows its state; indexing again repairs it.',
        link: 'folders',
      };
    case 'INVALID_INPUT':
      return { text: 'Check the filters (folder path, dates) and shorten the query if it is very long.', link: null };
    case 'TIMEOUT':
      return { text: 'The search took too long. Try fewer words, Keyword mode, or narrower filters.', link: null };
    default:
      return { text: 'Try again; if it keeps failing, the message above names the cause.', link: null };
  }
}

/** Why vectors were not used for this query, with where to fix it. */
export function semanticProblem(code: ErrorCode, mode: SearchMode): { readonly text: string; readonly link: HelpLink } {
  const rest =
    mode === 'semantic'
      ? 'Semantic mode has nothing to show without vectors: switch to Hybrid or Keyword.'
      : 'The results below come from keyword matching only.';
  if (code === 'PROVENANCE_MISMATCH') return { text: rest, link: 'reembed' };
  if (code === 'LICENSE_NOT_ACCEPTED') return { text: rest, link: 'settings' };
  if (code === 'NO_VECTORS') return { text: rest, link: 'folders' };
  return { text: rest, link: 'models' };
}

export const HELP_LINKS: Readonly<Record<HelpLink, string>> = {
  reembed: SEARCH_TEXT.goReembed,
  folders: SEARCH_TEXT.goFolders,
  models: SEARCH_TEXT.goModels,
  settings: SEARCH_TEXT.goSettings,
};
