import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { PolyseekError, err, errorMessage, type PolyseekEvent } from '../../shared';
import type { Runtime } from '../engine/runtime';
import type { CheckedFile } from '../engine/search/open-file';
import type { FileOpener } from '../engine/search/system-opener';
import { createRequestGuard } from './auth';
import { checkBindPolicy, isLoopbackHost } from './bind-policy';
import { openEventStream } from './event-stream';
import { withServerFiles } from './file-commands';
import { FILE_ROUTE, serveIndexedFile } from './file-route';
import { createFileTickets } from './file-tickets';
import { readJsonBody, sendJson, sendResult } from './http-util';
import { createStaticHandler } from './static-files';

/** Commands carry settings and queries, never files: 1 MiB is far above any valid input. */
export const MAX_BODY_BYTES = 1024 * 1024;
const COMMAND_PREFIX = '/api/commands/';

export interface HttpServerOptions {
  readonly runtime: Pick<Runtime, 'dispatch' | 'events'>;
  /** Address to bind; default 127.0.0.1. Anything but loopback requires `token`. */
  readonly host?: string;
  /** TCP port; 0 picks a free one. */
  readonly port: number;
  /** Bearer token required on every API request; null for none (loopback only). */
  readonly token: string | null;
  /** Folder with the built renderer (index.html, assets/). */
  readonly rendererDir: string;
  /** Events every new event-stream subscriber receives first (current state). */
  readonly initialEvents?: () => readonly PolyseekEvent[];
  /** `file.open` / `file.reveal` and the file route; without it they only check (the engine's answer). */
  readonly files?: HttpFilesOptions;
}

export interface HttpFilesOptions {
  /** The engine's check (`checkIndexedFile` over the current roots), run again for every file request. */
  readonly check: (path: string) => Promise<CheckedFile>;
  /** Opens files on this machine when the server is bound to loopback. */
  readonly opener: FileOpener;
  /** Lifetime of the URLs handed to clients elsewhere; default DEFAULT_TICKET_TTL_MS. */
  readonly ticketTtlMs?: number;
}

export interface RunningHttpServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

/**
 * The HTTP host of the contract: POST /api/commands/<name>, GET /api/events, GET /api/hello,
 * GET /api/file (with `files`), the UI.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<RunningHttpServer> {
  const host = options.host ?? '127.0.0.1';
  checkBindPolicy(host, options.token);
  const guard = createRequestGuard({ host, token: options.token });
  const files = options.files;
  // Without a token there is nothing a ticket could stand in for.
  const tickets =
    files && options.token !== null
      ? createFileTickets(files.ticketTtlMs === undefined ? {} : { ttlMs: files.ticketTtlMs })
      : null;
  const dispatch = files
    ? withServerFiles(options.runtime.dispatch, { local: isLoopbackHost(host), opener: files.opener, tickets })
    : options.runtime.dispatch;
  const serveStatic = createStaticHandler(options.rendererDir);
  let port = options.port;

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendResult(res, err('INTERNAL', errorMessage(error)));
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const pathname = url.pathname;
    if (!pathname.startsWith('/api/')) return serveStatic(req, res, pathname);
    try {
      if (pathname === '/api/hello') return sendJson(res, 200, { authRequired: options.token !== null });
      if (pathname === FILE_ROUTE && files) {
        const params = url.searchParams;
        const path = params.get('path') ?? '';
        guard(req, port, () => tickets?.verify(path, params.get('expires'), params.get('ticket')) ?? false);
        return await serveIndexedFile(req, res, path, files.check);
      }
      guard(req, port);
      if (pathname === '/api/events' && req.method === 'GET') {
        return openEventStream(req, res, options.runtime.events, options.initialEvents?.() ?? []);
      }
      if (pathname.startsWith(COMMAND_PREFIX)) return await runCommand(req, res, pathname.slice(COMMAND_PREFIX.length));
      return sendResult(res, err('UNKNOWN_COMMAND', `no API route ${req.method ?? ''} ${pathname.slice(0, 100)}`));
    } catch (error) {
      if (error instanceof PolyseekError)
        return sendResult(res, err(error.code, error.message), closeIfBodyUnread(req));
      throw error;
    }
  }

  async function runCommand(req: IncomingMessage, res: ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') {
      return sendResult(res, err('INVALID_INPUT', `use POST for ${COMMAND_PREFIX}${name.slice(0, 100)}`), {
        Allow: 'POST',
      });
    }
    if (!(req.headers['content-type'] ?? '').toLowerCase().startsWith('application/json')) {
      throw new PolyseekError('INVALID_INPUT', 'Content-Type must be application/json');
    }
    const input = await readJsonBody(req, MAX_BODY_BYTES);
    const aborted = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) aborted.abort();
    });
    const result = await dispatch(safeDecode(name), input, { signal: aborted.signal });
    sendResult(res, result);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  }).catch((error: unknown) => {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new PolyseekError(
        'INVALID_INPUT',
        `port ${options.port} on ${host} is in use; choose another with --port (0 = any free port)`,
      );
    }
    throw new PolyseekError('INTERNAL', `cannot listen on ${host}:${options.port}: ${errorMessage(error)}`);
  });
  port = (server.address() as AddressInfo).port;
  const shownHost = host.includes(':') ? `[${host}]` : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** After an early refusal the rest of a large upload is not read; close instead of keeping it alive. */
function closeIfBodyUnread(req: IncomingMessage): Record<string, string> {
  return req.complete ? {} : { Connection: 'close' };
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
