import { resolve } from 'node:path';

import { InvalidArgumentError, type Command } from 'commander';

import {
  FileFormatSchema,
  LanguageSchema,
  SEARCH_MODES,
  SearchModeSchema,
  type SearchFilters,
  type SearchMode,
} from '../../shared';
import { parseWith } from './parse-option';

/** The filter flags `search` and `ask` share, as commander parsed them. */
export interface FilterFlags {
  mode?: SearchMode;
  lang?: string[];
  type?: string[];
  root?: string[];
  folder?: string[];
  after?: string;
  before?: string;
}

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/u;

/**
 * A date for a modified-time filter, as ISO 8601. A bare day is a local calendar day, inclusive: `--after
 * 2024-05-01` starts at its midnight, `--before 2024-05-31` ends at its last millisecond.
 */
export function parseDateBound(value: string, edge: 'start' | 'end'): string {
  const dayOnly = DATE_ONLY.test(value);
  const date = new Date(dayOnly ? `${value}T00:00:00` : value);
  if (Number.isNaN(date.getTime()))
    throw new InvalidArgumentError('a date such as 2024-05-31 or 2024-05-31T12:00:00+02:00');
  if (dayOnly && edge === 'end') {
    date.setDate(date.getDate() + 1);
    date.setMilliseconds(-1);
  }
  return date.toISOString();
}

export const integerBetween = (min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new InvalidArgumentError(`a whole number from ${min} to ${max}`);
  return n;
};

/** Repeatable and comma-separated (`--type pdf,docx --type md`), lower-cased, a leading dot dropped. */
const listOf =
  (parse: (value: string) => string) =>
  (value: string, previous: string[] = []): string[] => [
    ...previous,
    ...value
      .split(',')
      .map((v) => v.trim().toLowerCase().replace(/^\./u, ''))
      .filter((v) => v !== '')
      .map(parse),
  ];

const collectPath = (value: string, previous: string[] = []) => [...previous, resolve(value)];

/** `--mode`, `--lang`, `--type`, `--root`, `--folder`, `--after`, `--before`. */
export function addFilterOptions(command: Command): Command {
  return command
    .option('--mode <mode>', `${SEARCH_MODES.join(', ')} (default: settings search.mode)`, parseWith(SearchModeSchema))
    .option('--lang <code>', 'only passages in this language, e.g. ja (repeatable)', listOf(parseWith(LanguageSchema)))
    .option('--type <format>', 'only files of this format, e.g. pdf (repeatable)', listOf(parseWith(FileFormatSchema)))
    .option('--root <folder>', 'only files of this indexed folder (repeatable)', collectPath)
    .option('--folder <folder>', 'only files below this folder (repeatable)', collectPath)
    .option('--after <date>', 'modified on or after (2024-05-01, or ISO 8601 with a time)', (v) =>
      parseDateBound(v, 'start'),
    )
    .option('--before <date>', 'modified on or before (2024-05-31 includes that whole day)', (v) =>
      parseDateBound(v, 'end'),
    );
}

/** The contract's filters from the flags; undefined when none was given. */
export function filtersFromFlags(flags: FilterFlags): SearchFilters | undefined {
  const filters: SearchFilters = {
    ...(flags.root ? { roots: flags.root } : {}),
    ...(flags.folder ? { folders: flags.folder } : {}),
    ...(flags.type ? { types: flags.type } : {}),
    ...(flags.lang ? { languages: flags.lang } : {}),
    ...(flags.after ? { modifiedAfter: flags.after } : {}),
    ...(flags.before ? { modifiedBefore: flags.before } : {}),
  };
  return Object.keys(filters).length > 0 ? filters : undefined;
}
