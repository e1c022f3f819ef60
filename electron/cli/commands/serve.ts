import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

import { InvalidArgumentError, type Command } from 'commander';

import { PolyseekError, errorMessage } from '../../../shared';
import { openerFromEnv } from '../../engine/search/opener-from-env';
import { serve } from '../../server';
import { fail, modelOptionsFromEnv, type GlobalOptions } from '../context';
import type { CliIo } from '../io';

export const DEFAULT_PORT = 7717;
const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));

interface ServeFlags {
  host: string;
  port: number;
  tokenFile?: string;
  rendererDir?: string;
}

export function registerServe(program: Command, io: CliIo): void {
  program
    .command('serve')
    .description('serve the Polyseek interface and API over HTTP (127.0.0.1 unless told otherwise)')
    .option('--host <address>', 'address to bind; anything but loopback needs a token', '127.0.0.1')
    .option('--port <number>', 'TCP port, 0 for any free port', parsePort, DEFAULT_PORT)
    .option('--token-file <file>', 'file holding the bearer token (or set POLYSEEK_TOKEN)')
    .option('--renderer-dir <dir>', 'folder of the built interface (default: dist/renderer)')
    .action(async (flags: ServeFlags, command: Command) => {
      const options = command.optsWithGlobals<GlobalOptions>();
      try {
        const token = await readToken(io, flags.tokenFile);
        const server = await serve({
          dataDir: options.dataDir,
          ...(options.modelDir ? { modelDir: options.modelDir } : {}),
          host: flags.host,
          port: flags.port,
          token,
          rendererDir: flags.rendererDir ?? io.env['POLYSEEK_RENDERER_DIR'] ?? DEFAULT_RENDERER_DIR,
          model: await modelOptionsFromEnv(io.env),
          opener: io.opener ?? openerFromEnv(io.env),
        });
        io.out(`Polyseek listening on ${server.url}${token ? ' (bearer token required)' : ''}`);
        io.err(`Data folder: ${options.dataDir}. Press Ctrl+C to stop.`);
        const signal = await io.waitForStop();
        io.err(`polyseek: ${signal}, stopping`);
        await server.stop();
      } catch (error) {
        if (error instanceof PolyseekError) return fail(io, options, { code: error.code, message: error.message }, 2);
        return fail(io, options, { code: 'INTERNAL', message: errorMessage(error) });
      }
    });
}

async function readToken(io: CliIo, tokenFile: string | undefined): Promise<string | null> {
  if (tokenFile !== undefined) {
    try {
      return (await readFile(tokenFile, 'utf8')).trim();
    } catch (error) {
      throw new PolyseekError('INVALID_INPUT', `reading the token file ${tokenFile}: ${errorMessage(error)}`);
    }
  }
  const fromEnv = io.env['POLYSEEK_TOKEN']?.trim();
  return fromEnv ? fromEnv : null;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('expected 0–65535');
  return port;
}
