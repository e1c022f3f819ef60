import { resolve } from 'node:path';

import { InvalidArgumentError, type Command } from 'commander';

import {
  DimsSchema,
  FileFormatSchema,
  LanguageSchema,
  MAX_PASSAGES_PER_FILE,
  MAX_SEARCH_FILES,
  SEARCH_MODES,
  SearchModeSchema,
  TASKS,
  TaskSchema,
  type SearchFilters,
  type SearchQueryInput,
} from '../../../shared';
import { report, withRuntime, type GlobalOptions } from '../context';
import { formatSearchResult, type HighlightStyle } from '../format-search';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';

interface SearchFlags {
  mode?: SearchQueryInput['mode'];
  lang?: string[];
  type?: string[];
  root?: string[];
  folder?: string[];
  after?: string;
  before?: string;
  limit?: number;
  perFile?: number;
  dims?: SearchQueryInput['dims'];
  queryAdapter?: NonNullable<SearchQueryInput['adapters']>['query'];
  passageAdapter?: NonNullable<SearchQueryInput['adapters']>['passage'];
  binary?: boolean;
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

const integerBetween = (min: number, max: number) => (value: string) => {
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

/** Bold highlights on a terminal, unless NO_COLOR (no-color.org) or a dumb terminal says otherwise. */
export function highlightStyle(io: CliIo): HighlightStyle {
  const env = io.env;
  return io.stdoutIsTty === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb' ? 'ansi' : 'plain';
}

export function searchInput(query: string, flags: SearchFlags): SearchQueryInput {
  const filters: SearchFilters = {
    ...(flags.root ? { roots: flags.root } : {}),
    ...(flags.folder ? { folders: flags.folder } : {}),
    ...(flags.type ? { types: flags.type } : {}),
    ...(flags.lang ? { languages: flags.lang } : {}),
    ...(flags.after ? { modifiedAfter: flags.after } : {}),
    ...(flags.before ? { modifiedBefore: flags.before } : {}),
  };
  const adapters = {
    ...(flags.queryAdapter ? { query: flags.queryAdapter } : {}),
    ...(flags.passageAdapter ? { passage: flags.passageAdapter } : {}),
  };
  return {
    query,
    ...(flags.mode ? { mode: flags.mode } : {}),
    ...(Object.keys(filters).length > 0 ? { filters } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
    ...(flags.perFile ? { perFile: flags.perFile } : {}),
    ...(flags.dims ? { dims: flags.dims } : {}),
    ...(Object.keys(adapters).length > 0 ? { adapters } : {}),
    ...(flags.binary !== undefined ? { binary: flags.binary } : {}),
  };
}

export function registerSearch(program: Command, io: CliIo): void {
  program
    .command('search')
    .description('search the index: files best first, each with its best passages and the query terms highlighted')
    .argument('<query...>', 'words or a question, in any language (quote it, or give several words)')
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
    )
    .option('--limit <n>', `files to show (1–${MAX_SEARCH_FILES}, default 20)`, integerBetween(1, MAX_SEARCH_FILES))
    .option('--per-file <n>', `passages per file (1–${MAX_PASSAGES_PER_FILE}, default 3)`, (v) =>
      integerBetween(1, MAX_PASSAGES_PER_FILE)(v),
    )
    .option('--dims <n>', 'Matryoshka dims to search at, at most the index’s (no re-encoding)', (v) =>
      parseWith(DimsSchema)(Number(v)),
    )
    .option('--query-adapter <task>', `task the query is embedded with: ${TASKS.join(', ')}`, parseWith(TaskSchema))
    .option('--passage-adapter <task>', 'task the searched vectors must have been made with', parseWith(TaskSchema))
    .option('--binary', 'binary first pass, rescored with full vectors (default: settings search.binaryTier)')
    .option('--no-binary', 'full vectors only')
    .action(async (words: string[], flags: SearchFlags, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = searchInput(words.join(' '), flags);
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('search.query', input), (result) =>
          formatSearchResult(result, { highlight: highlightStyle(io) }),
        );
      });
    });
}
