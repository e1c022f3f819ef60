import { Command, CommanderError } from 'commander';

import { APP_VERSION } from '../engine/app-info';
import { defaultDataDir } from '../engine/paths';
import { registerAnswer } from './commands/answer';
import { registerAsk } from './commands/ask';
import { registerDupes } from './commands/dupes';
import { registerEmbed } from './commands/embed';
import { registerEval } from './commands/eval';
import { registerIndex } from './commands/index';
import { registerLicense } from './commands/license';
import { registerModel } from './commands/model';
import { registerOpen } from './commands/open';
import { registerSearch } from './commands/search';
import { registerServe } from './commands/serve';
import { registerSettings } from './commands/settings';
import { registerStatus } from './commands/status';
import { registerTopics } from './commands/topics';
import { CliFailure, unexpected, type GlobalOptions } from './context';
import type { CliIo } from './io';

export function createProgram(io: CliIo): Command {
  const program = new Command('polyseek')
    .description('Private, offline multilingual search over your own documents.')
    .version(APP_VERSION, '-V, --version')
    .option('--data-dir <dir>', 'profile folder (settings, indexes, models)', defaultDataDir(io.env))
    .option(
      '--model-dir <dir>',
      'jina-v3 model folder (default: <data-dir>/models/jinaai--jina-embeddings-v3)',
      io.env['POLYSEEK_MODEL_DIR'],
    )
    .option('--json', 'print results as JSON')
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) });
  registerStatus(program, io);
  registerServe(program, io);
  registerEmbed(program, io);
  registerSettings(program, io);
  registerLicense(program, io);
  registerModel(program, io);
  registerIndex(program, io);
  registerSearch(program, io);
  registerAsk(program, io);
  registerAnswer(program, io);
  registerEval(program, io);
  registerDupes(program, io);
  registerTopics(program, io);
  registerOpen(program, io);
  return program;
}

/** Runs the CLI and returns the exit code: 0 done, 1 the command failed, 2 bad usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = createProgram(io);
  if (argv.length === 0) {
    program.outputHelp();
    return 2;
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CliFailure) return error.exitCode;
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    try {
      unexpected(io, program.opts<GlobalOptions>(), error);
    } catch (failure) {
      if (failure instanceof CliFailure) return failure.exitCode;
    }
    return 1;
  }
}
