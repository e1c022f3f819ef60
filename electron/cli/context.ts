import { PolyseekError, errorMessage, type Result, type ResultError } from '../../shared';
import type { EngineModelOptions } from '../engine/engine';
import { loadManifestFile } from '../engine/model/manifest';
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
  let model: EngineModelOptions;
  try {
    model = await modelOptionsFromEnv(io.env);
  } catch (error) {
    if (error instanceof PolyseekError) return fail(io, options, { code: error.code, message: error.message }, 2);
    throw error;
  }
  const runtime = await openRuntime({
    dataDir: options.dataDir,
    host: 'cli',
    ...(options.modelDir ? { modelDir: options.modelDir } : {}),
    model,
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

/**
 * Model jobs read the endpoint, token and proxies from the CLI's environment; `POLYSEEK_MODEL_MANIFEST`
 * replaces the shipped manifest (a mirror at another revision, or the synthetic model in tests).
 */
export async function modelOptionsFromEnv(env: NodeJS.ProcessEnv): Promise<EngineModelOptions> {
  const manifestPath = env['POLYSEEK_MODEL_MANIFEST'];
  return { env, ...(manifestPath ? { manifest: await loadManifestFile(manifestPath) } : {}) };
}
