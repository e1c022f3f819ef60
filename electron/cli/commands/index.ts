import { resolve } from 'node:path';

import { InvalidArgumentError, type Command } from 'commander';

import { MAX_FILE_BYTES_CAP, type IndexStatus, type Result } from '../../../shared';
import type { Runtime } from '../../engine/runtime';
import { fail, report, withRuntime, type GlobalOptions } from '../context';
import { describeIndexProgress, formatIndexErrors, formatIndexStatus, formatRoots } from '../format-index';
import type { CliIo } from '../io';
import { createRedrawnLine } from '../progress-line';

interface AddFlags {
  include?: string[];
  exclude?: string[];
  maxFileMb?: number;
  followSymlinks?: boolean;
  allowOutside?: boolean;
}

export function registerIndex(program: Command, io: CliIo): void {
  const index = program
    .command('index')
    .description('folders to index and the index itself: add, remove, list, start, status, errors, retry, watch');

  const collect = (value: string, previous: string[] = []) => [...previous, value];
  const megabytes = (value: string) => {
    const mb = Number(value);
    if (!Number.isFinite(mb) || mb <= 0 || mb * 1024 * 1024 > MAX_FILE_BYTES_CAP)
      throw new InvalidArgumentError('a size in MB between 0 and 4096');
    return mb;
  };

  index
    .command('add')
    .description('add a folder to index (hidden files, node_modules, .git and build outputs are skipped by default)')
    .argument('<folder>', 'relative paths are resolved against the current folder')
    .option('--include <glob>', 'only files matching (repeatable; default **/*)', collect)
    .option('--exclude <glob>', 'skip files and folders matching (repeatable; replaces the defaults)', collect)
    .option('--max-file-mb <mb>', 'skip larger files (default 64)', megabytes)
    .option('--no-follow-symlinks', 'ignore symbolic links')
    .option('--allow-outside', 'let symbolic links lead outside the folder')
    .action(async (folder: string, flags: AddFlags, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = {
        path: resolve(folder),
        ...(flags.include ? { include: flags.include } : {}),
        ...(flags.exclude ? { exclude: flags.exclude } : {}),
        ...(flags.maxFileMb ? { maxFileBytes: Math.round(flags.maxFileMb * 1024 * 1024) } : {}),
        ...(flags.followSymlinks === false ? { followSymlinks: false } : {}),
        ...(flags.allowOutside ? { allowOutside: true } : {}),
      };
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('roots.add', input), (v) => formatRoots(v.roots));
      });
    });

  index
    .command('remove')
    .description('stop indexing a folder and drop its files from the index (the files are untouched)')
    .argument('<folder>')
    .action(async (folder: string, _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke, engine }) => {
        const removed = await invoke('roots.remove', { path: resolve(folder) });
        if (removed.ok) {
          // Dropping its files from the index happens in the engine; wait for it before exiting.
          await engine.indexer.waitForIdle();
        }
        report(io, options, removed, (v) => formatRoots(v.roots));
      });
    });

  index
    .command('list')
    .description('the folders to index, with their globs, size cap and link policy')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('roots.list', {}), (v) => formatRoots(v.roots));
      });
    });

  index
    .command('start')
    .description('index changed files now, with a progress bar; Ctrl+C cancels (finished files stay indexed)')
    .option('--root <folder>', 'only this folder (repeatable)', collect)
    .option('--rehash', 'hash every file even when its size and mtime are unchanged')
    .action(async (flags: { root?: string[]; rehash?: boolean }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = {
        ...(flags.root ? { roots: flags.root.map((r) => resolve(r)) } : {}),
        ...(flags.rehash ? { rehash: true } : {}),
      };
      await withRuntime(io, options, (runtime) =>
        runIndexJob(io, options, runtime, () => runtime.invoke('index.start', input)),
      );
    });

  index
    .command('retry')
    .description('try failed files again (all, or the ones named)')
    .argument('[files...]')
    .action(async (files: string[], _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = files.length > 0 ? { paths: files.map((f) => resolve(f)) } : {};
      await withRuntime(io, options, (runtime) =>
        runIndexJob(io, options, runtime, () => runtime.invoke('index.retry', input)),
      );
    });

  index
    .command('status')
    .description('files and chunks per folder, files awaiting vectors, index size and provenance')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('index.status', {}), formatIndexStatus);
      });
    });

  index
    .command('errors')
    .description('files that could not be indexed, with a code and a reason each')
    .option('--root <folder>', 'only files of this folder')
    .option('--limit <n>', 'at most n files (default 200)', (v) => Number.parseInt(v, 10))
    .option('--offset <n>', 'skip the first n', (v) => Number.parseInt(v, 10))
    .action(async (flags: { root?: string; limit?: number; offset?: number }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = {
        ...(flags.root ? { root: resolve(flags.root) } : {}),
        ...(flags.limit ? { limit: flags.limit } : {}),
        ...(flags.offset ? { offset: flags.offset } : {}),
      };
      await withRuntime(io, options, async ({ invoke }) => {
        report(io, options, await invoke('index.errors', input), formatIndexErrors);
      });
    });

  index
    .command('watch')
    .description('index, then keep the index in sync as files change, until Ctrl+C')
    .action(async (_flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async (runtime) => {
        const line = createRedrawnLine(io);
        const unsubscribe = runtime.events.subscribe((event) => {
          if (event.name !== 'index.progress') return;
          const job = event.payload;
          if (job.state === 'running' || job.state === 'paused')
            return line.draw(describeIndexProgress(job), `${job.phase}:${job.state}`);
          line.end();
          io.err(`polyseek: ${job.state}: ${job.message ?? ''}`);
        });
        try {
          const started = await runtime.invoke('index.start', { watch: true });
          if (!started.ok) return fail(io, options, started.error);
          io.err(`polyseek: watching ${started.value.roots.length} folders; Ctrl+C stops`);
          const signal = await io.waitForStop();
          io.err(`polyseek: ${signal}, stopping…`);
          report(io, options, await runtime.invoke('index.cancel', {}), formatIndexStatus);
        } finally {
          line.end();
          unsubscribe();
        }
      });
    });
}

/** Starts a job and waits for it in this process, drawing progress on stderr; Ctrl+C cancels it. */
async function runIndexJob(
  io: CliIo,
  options: GlobalOptions,
  runtime: Runtime,
  start: () => Promise<Result<IndexStatus>>,
): Promise<void> {
  const line = createRedrawnLine(io);
  const unsubscribe = runtime.events.subscribe((event) => {
    if (event.name !== 'index.progress') return;
    const job = event.payload;
    if (job.state === 'running' || job.state === 'paused')
      line.draw(describeIndexProgress(job), `${job.phase}:${job.state}`);
  });
  try {
    const started = await start();
    if (!started.ok) return fail(io, options, started.error);
    void io.waitForStop().then(async (signal) => {
      io.err(`polyseek: ${signal}, cancelling indexing (finished files stay indexed)…`);
      await runtime.invoke('index.cancel', {});
    });
    const job = await runtime.engine.indexer.waitForIdle();
    line.end();
    const status = await runtime.invoke('index.status', {});
    if (!job || job.state !== 'done') {
      return fail(io, options, job?.error ?? { code: 'INTERNAL', message: 'the indexing job ended without a result' });
    }
    report(io, options, status, (s) => `${job.message ?? 'done'}\n${formatIndexStatus(s)}`);
  } finally {
    line.end();
    unsubscribe();
  }
}
