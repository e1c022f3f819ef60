import type { Command } from 'commander';

import {
  DimsSchema,
  MAX_PASSAGES_PER_FILE,
  MAX_SEARCH_FILES,
  TASKS,
  TaskSchema,
  type SearchQueryInput,
} from '../../../shared';
import { report, withRuntime, type GlobalOptions } from '../context';
import { addFilterOptions, filtersFromFlags, integerBetween, type FilterFlags } from '../filter-options';
import { formatSearchResult, type HighlightStyle } from '../format-search';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';

export { parseDateBound } from '../filter-options';

interface SearchFlags extends FilterFlags {
  limit?: number;
  perFile?: number;
  dims?: SearchQueryInput['dims'];
  queryAdapter?: NonNullable<SearchQueryInput['adapters']>['query'];
  passageAdapter?: NonNullable<SearchQueryInput['adapters']>['passage'];
  binary?: boolean;
}

/** Bold highlights on a terminal, unless NO_COLOR (no-color.org) or a dumb terminal says otherwise. */
export function highlightStyle(io: CliIo): HighlightStyle {
  const env = io.env;
  return io.stdoutIsTty === true && !env['NO_COLOR'] && env['TERM'] !== 'dumb' ? 'ansi' : 'plain';
}

export function searchInput(query: string, flags: SearchFlags): SearchQueryInput {
  const filters = filtersFromFlags(flags);
  const adapters = {
    ...(flags.queryAdapter ? { query: flags.queryAdapter } : {}),
    ...(flags.passageAdapter ? { passage: flags.passageAdapter } : {}),
  };
  return {
    query,
    ...(flags.mode ? { mode: flags.mode } : {}),
    ...(filters ? { filters } : {}),
    ...(flags.limit ? { limit: flags.limit } : {}),
    ...(flags.perFile ? { perFile: flags.perFile } : {}),
    ...(flags.dims ? { dims: flags.dims } : {}),
    ...(Object.keys(adapters).length > 0 ? { adapters } : {}),
    ...(flags.binary !== undefined ? { binary: flags.binary } : {}),
  };
}

export function registerSearch(program: Command, io: CliIo): void {
  const search = program
    .command('search')
    .description('search the index: files best first, each with its best passages and the query terms highlighted')
    .argument('<query...>', 'words or a question, in any language (quote it, or give several words)');
  addFilterOptions(search)
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
