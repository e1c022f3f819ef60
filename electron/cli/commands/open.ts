import { resolve } from 'node:path';

import type { Command } from 'commander';
import { z } from 'zod';

import { PolyseekError, err, errorMessage, ok, type FileOpenResult, type Result } from '../../../shared';
import { openerFromEnv } from '../../engine/search/opener-from-env';
import { withRuntime, type GlobalOptions, report } from '../context';
import type { CliIo } from '../io';
import { parseWith } from '../parse-option';

/**
 * `polyseek open PATH [--page N]` and `polyseek reveal PATH`: the engine checks the path as it does for
 * the app (indexed, under a current root, no link leading out, not a program), then the system opener
 * opens the real path it answered with. A relative PATH is taken from the current folder.
 */
export function registerOpen(program: Command, io: CliIo): void {
  program
    .command('open')
    .description('open an indexed file with its default application')
    .argument('<path>', 'an indexed file')
    .option('--page <n>', 'page to open at, where the viewer can be told (PDF)', (v) =>
      parseWith(z.int().min(1))(Number(v)),
    )
    .action(async (path: string, flags: { page?: number }, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      const input = { path: resolve(path), ...(flags.page === undefined ? {} : { page: flags.page }) };
      await withRuntime(io, options, async ({ invoke }) => {
        const checked = await invoke('file.open', input);
        const done = await finish(checked, (p) => opener(io).open(p, input.page));
        report(io, options, done, (value) => `opened ${value.path}`);
      });
    });
  program
    .command('reveal')
    .description("show an indexed file in the system's file manager")
    .argument('<path>', 'an indexed file')
    .action(async (path: string, _flags: unknown, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      await withRuntime(io, options, async ({ invoke }) => {
        const checked = await invoke('file.reveal', { path: resolve(path) });
        const done = await finish(checked, (p) => opener(io).reveal(p));
        report(io, options, done, (value) => `revealed ${value.path}`);
      });
    });
}

function opener(io: CliIo) {
  return io.opener ?? openerFromEnv(io.env);
}

/** Opens what the engine checked, unless the engine's host already did. */
async function finish(
  checked: Result<FileOpenResult>,
  act: (path: string) => Promise<void>,
): Promise<Result<FileOpenResult>> {
  if (!checked.ok || checked.value.opened) return checked;
  try {
    await act(checked.value.path);
  } catch (error) {
    return error instanceof PolyseekError ? err(error.code, error.message) : err('INTERNAL', errorMessage(error));
  }
  return ok({ path: checked.value.path, opened: true, url: null });
}
