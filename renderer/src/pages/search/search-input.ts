import {
  AbsolutePathSchema,
  FileFormatSchema,
  LanguageSchema,
  MAX_QUERY_LENGTH,
  type SearchFilters,
  type SearchMode,
  type SearchQueryInput,
} from '../../../../shared';

/** The filters as the form holds them; `toSearchInput` turns them into the contract's shape. */
export interface FilterState {
  /** A root path from `roots.list`, or '' for every folder. */
  readonly root: string;
  /** An absolute folder to search below, or '' (typed by hand: a browser cannot pick a server folder). */
  readonly folder: string;
  readonly types: readonly string[];
  readonly languages: readonly string[];
  /** `YYYY-MM-DD` from a date field, or ''. Both ends are inclusive, whole days in local time. */
  readonly modifiedFrom: string;
  readonly modifiedTo: string;
  /** Files to show. */
  readonly limit: number;
}

export const LIMIT_CHOICES = [10, 20, 50, 100, 200] as const;

export const EMPTY_FILTERS: FilterState = {
  root: '',
  folder: '',
  types: [],
  languages: [],
  modifiedFrom: '',
  modifiedTo: '',
  limit: 20,
};

/**
 * Passages asked for per file: the best one is shown, the others behind "n more passages". Five keeps
 * the answer small (snippets are the bulk of it) while the expand still has something to show.
 */
export const PASSAGES_PER_FILE = 5;

/** Problems in the filters that would make the engine refuse the query, said for people. */
export interface FilterProblems {
  readonly folder?: string;
  readonly dates?: string;
}

export function filterProblems(filters: FilterState): FilterProblems {
  const folder = filters.folder.trim();
  const from = dayStart(filters.modifiedFrom);
  const to = dayEnd(filters.modifiedTo);
  return {
    ...(folder !== '' &&
      !AbsolutePathSchema.safeParse(folder).success && {
        folder: 'An absolute folder path, such as /home/you/Documents.',
      }),
    ...(from !== null && to !== null && from > to && { dates: 'The start date is after the end date.' }),
  };
}

/**
 * What `search.query` gets for this text, mode and filters; null when there is nothing to search yet
 * (blank text). A filter with a problem (see `filterProblems`, shown beside its field) is left out
 * until it is fixed, rather than blanking the results while someone is still typing a path; values the
 * contract would refuse (a bad format or language code) are dropped the same way.
 */
export function toSearchInput(query: string, mode: SearchMode, filters: FilterState): SearchQueryInput | null {
  const text = query.trim().slice(0, MAX_QUERY_LENGTH);
  if (text === '') return null;
  const problems = filterProblems(filters);
  const folder = problems.folder ? '' : filters.folder.trim();
  const types = filters.types.filter((t) => FileFormatSchema.safeParse(t).success);
  const languages = filters.languages.filter((l) => LanguageSchema.safeParse(l).success);
  const from = problems.dates ? null : dayStart(filters.modifiedFrom);
  const to = problems.dates ? null : dayEnd(filters.modifiedTo);
  const out: SearchFilters = {
    ...(filters.root !== '' && { roots: [filters.root] }),
    ...(folder !== '' && { folders: [folder] }),
    ...(types.length > 0 && { types }),
    ...(languages.length > 0 && { languages }),
    ...(from !== null && { modifiedAfter: from.toISOString() }),
    ...(to !== null && { modifiedBefore: to.toISOString() }),
  };
  return {
    query: text,
    mode,
    limit: filters.limit,
    perFile: PASSAGES_PER_FILE,
    ...(Object.keys(out).length > 0 && { filters: out }),
  };
}

/** How many filters narrow the search (for the Filters button's count). */
export function activeFilterCount(filters: FilterState): number {
  return [
    filters.root !== '',
    filters.folder.trim() !== '',
    filters.types.length > 0,
    filters.languages.length > 0,
    filters.modifiedFrom !== '' || filters.modifiedTo !== '',
  ].filter(Boolean).length;
}

/**
 * Milliseconds to wait before sending `next` after `previous`: typed changes (the query, the folder
 * path, a date typed digit by digit) are debounced; a click on a mode, type, language or folder choice
 * runs at once.
 */
export function debounceFor(previous: SearchQueryInput | null, next: SearchQueryInput, typingMs: number): number {
  if (previous === null) return typingMs;
  const typed = (input: SearchQueryInput) =>
    JSON.stringify([
      input.query,
      input.filters?.folders ?? null,
      input.filters?.modifiedAfter ?? null,
      input.filters?.modifiedBefore ?? null,
    ]);
  return typed(previous) === typed(next) ? 0 : typingMs;
}

/** Adds or removes `value` (checkbox lists). */
export function toggled(values: readonly string[], value: string, on: boolean): string[] {
  const rest = values.filter((v) => v !== value);
  return on ? [...rest, value] : rest;
}

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight at the start of a `YYYY-MM-DD` day; null when blank or not a date. */
export function dayStart(day: string): Date | null {
  const match = DAY.exec(day);
  if (!match) return null;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return Number.isNaN(date.getTime()) || date.getDate() !== Number(match[3]) ? null : date;
}

/** The last millisecond of a `YYYY-MM-DD` day in local time, so "to 3 May" includes all of 3 May. */
export function dayEnd(day: string): Date | null {
  const start = dayStart(day);
  if (!start) return null;
  const next = new Date(start.getFullYear(), start.getMonth(), start.getDate() + 1);
  return new Date(next.getTime() - 1);
}
