import { isIP } from 'node:net';

import { PolyseekError } from '../../shared';

/** Shorter tokens are refused: a bearer token is the only lock on a server reachable from the network. */
export const MIN_TOKEN_LENGTH = 16;

export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  return isIP(bare) === 4 && bare.startsWith('127.');
}

/**
 * Polyseek serves a person's documents. On loopback only local processes can reach it; anywhere else a
 * bearer token is mandatory, so a misconfigured `--host 0.0.0.0` fails loudly instead of exposing files.
 */
export function checkBindPolicy(host: string, token: string | null): void {
  if (token !== null && token.length < MIN_TOKEN_LENGTH) {
    throw new PolyseekError(
      'INVALID_INPUT',
      `the bearer token is too short (${token.length} characters); use at least ${MIN_TOKEN_LENGTH}, e.g. \`openssl rand -hex 32\``,
    );
  }
  if (!isLoopbackHost(host) && token === null) {
    throw new PolyseekError(
      'FORBIDDEN',
      `refusing to listen on ${host} without a bearer token: anyone who can reach this machine could read your documents. ` +
        'Set POLYSEEK_TOKEN or pass --token-file FILE, or bind to 127.0.0.1.',
    );
  }
}
