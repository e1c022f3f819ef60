import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

import { PolyseekError } from '../../shared';
import { isLoopbackHost } from './bind-policy';

export interface RequestGuardOptions {
  /** Bearer token required on every /api request but /api/hello; null on loopback without one. */
  readonly token: string | null;
  /** The address the server is bound to. */
  readonly host: string;
}

/**
 * Throws FORBIDDEN or UNAUTHORIZED. `otherCredential` stands in for the bearer token where a browser
 * cannot send one (a file ticket in the URL); the Host and Origin checks apply all the same.
 */
export type RequestGuard = (req: IncomingMessage, port: number, otherCredential?: () => boolean) => void;

/**
 * Checks one request: the bearer token (compared in constant time), the Host header on loopback (so a
 * web page using DNS rebinding cannot reach the server by a foreign name), and the Origin of browser
 * requests (so another site cannot drive the API from a person's browser).
 */
export function createRequestGuard(options: RequestGuardOptions): RequestGuard {
  const expected = options.token === null ? null : digest(options.token);
  const loopback = isLoopbackHost(options.host);
  return (req, port, otherCredential) => {
    const host = req.headers.host ?? '';
    if (loopback && !allowedLoopbackHosts(options.host, port).has(host.toLowerCase())) {
      throw new PolyseekError('FORBIDDEN', `host ${JSON.stringify(host.slice(0, 100))} is not this server`);
    }
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://${host}`) {
      throw new PolyseekError('FORBIDDEN', `cross-origin requests are refused (origin ${origin.slice(0, 100)})`);
    }
    if (expected !== null) {
      const header = req.headers.authorization ?? '';
      const match = /^Bearer (.+)$/.exec(header);
      const bearerOk = match?.[1] !== undefined && timingSafeEqual(digest(match[1]), expected);
      if (!bearerOk && !(otherCredential?.() ?? false)) {
        throw new PolyseekError('UNAUTHORIZED', 'missing or wrong bearer token (Authorization: Bearer <token>)');
      }
    }
  };
}

function allowedLoopbackHosts(bound: string, port: number): Set<string> {
  const boundHost = bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound;
  return new Set([`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `${boundHost}:${port}`]);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}
