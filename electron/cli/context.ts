import { errorMessage, type Result, type ResultError } from '../../shared';
import { openRuntime, type Runtime } from '../engine/runtime';
import type { CliIo } from './io';

/** Options every subcommand sees (`optsWithGlobals()`). */
export interface GlobalOptions {
  readonly dataDir: string;
  readonly modelDir?: string;
  readonly json?: boolean;
}

/** A failure already reported to the person; carries the exit code. */
export class CliFailure extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message);
  }
}

export async function withRuntime<T>(
  io: CliIo,
  options: GlobalOptions,
  use: (runtime: Runtime) => Promise<T>,
): Promise<T> {
  const runtime = await openRuntime({
    dataDir: options.dataDir,
    host: 'cli',
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
  });
  try {
    const problem = runtime.settings.view().problem;
    if (problem) io.err(`polyseek: warning: ${problem.message}`);
    return await use(runtime);
  } finally {
    await runtime.dispose();
  }
}

/** Prints a result: its value as JSON with --json, or as text; an error goes to stderr and fails. */
export function report<T>(io: CliIo, options: GlobalOptions, result: Result<T>, human: (value: T) => string): T {
  if (!result.ok) fail(io, options, result.error);
  io.out(options.json ? JSON.stringify(result.value, null, 2) : human(result.value));
  return result.value;
}

export function fail(io: CliIo, options: GlobalOptions, error: ResultError, exitCode = 1): never {
  if (options.json) io.out(JSON.stringify({ error }, null, 2));
  io.err(`polyseek: ${error.code}: ${error.message}`);
  throw new CliFailure(exitCode, error.message);
}

export function unexpected(io: CliIo, options: GlobalOptions, error: unknown): never {
  return fail(io, options, { code: 'INTERNAL', message: errorMessage(error) });
}
