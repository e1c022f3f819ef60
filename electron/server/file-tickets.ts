import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Ten minutes: long enough for a browser tab to load a large PDF, short enough that a URL left in the
 * history or a proxy log is useless soon after.
 */
export const DEFAULT_TICKET_TTL_MS = 10 * 60 * 1000;

/**
 * Signed, expiring permissions to read one file through `GET /api/file`, handed out by an authorised
 * `file.open`. A browser navigating to a URL cannot send the bearer token, so the URL carries a ticket
 * instead: an HMAC over the path and the expiry with a key that lives only in this server process (a
 * restart voids every ticket). It grants nothing the token did not: the route still checks the file.
 */
export interface FileTickets {
  /** Query parameters (`expires`, `ticket`) for reading `path` until now + TTL. */
  issue(path: string): { readonly expires: string; readonly ticket: string };
  /** The ticket was issued by this server for exactly this path and has not expired. */
  verify(path: string, expires: string | null, ticket: string | null): boolean;
}

export function createFileTickets(options: { ttlMs?: number; now?: () => number } = {}): FileTickets {
  const key = randomBytes(32);
  const ttl = options.ttlMs ?? DEFAULT_TICKET_TTL_MS;
  const now = options.now ?? Date.now;
  const sign = (path: string, expires: string): Buffer =>
    createHmac('sha256', key).update(`${expires}\n${path}`).digest();
  return {
    issue: (path) => {
      const expires = String(now() + ttl);
      return { expires, ticket: sign(path, expires).toString('base64url') };
    },
    verify: (path, expires, ticket) => {
      if (expires === null || ticket === null || !/^\d{1,16}$/.test(expires)) return false;
      if (Number(expires) < now()) return false;
      const given = Buffer.from(ticket, 'base64url');
      const expected = sign(path, expires);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
