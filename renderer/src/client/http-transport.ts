import { z } from 'zod';

import { err, errorMessage, ok, type CommandName, type Result } from '../../../shared';
import { HttpEventStream } from './http-event-stream';
import type { ClientAuth, Connection, PolyseekClient } from './polyseek-client';
import { tokenStore } from './token-store';
import { checkResult, isResultEnvelope } from './validate';

const HelloSchema = z.object({ authRequired: z.boolean() });

/** The server host (electron/server): commands as `POST /api/commands/<name>`, events as a stream. */
export function createHttpConnection(origin: URL): Connection {
  const api = (path: string) => new URL(`/api/${path}`, origin);
  let token = tokenStore.get();
  const unauthorizedListeners = new Set<(refusedToken: boolean) => void>();
  /** Forgets a refused token; answers for a token already replaced are stale and ignored. */
  const refused = (used: string | null) => {
    if (used !== token) return;
    token = null;
    tokenStore.set(null);
    unauthorizedListeners.forEach((listener) => listener(used !== null));
  };
  const stream = new HttpEventStream({ url: api('events'), token: () => token, onUnauthorized: refused });

  const client: PolyseekClient = {
    transport: 'http',
    async invoke(name, input) {
      const used = token;
      const raw = await post(api(`commands/${name}`), name, input, used);
      if (!raw.ok) return raw;
      const result = checkResult(name, raw.value);
      if (!result.ok && result.error.code === 'UNAUTHORIZED') refused(used);
      return result;
    },
    onEvent: (listener) => stream.subscribe(listener),
  };

  const auth: ClientAuth = {
    async authRequired() {
      try {
        const response = await fetch(api('hello'), { cache: 'no-store' });
        const hello = HelloSchema.safeParse(await response.json());
        if (hello.success) return ok(hello.data.authRequired);
        return err('ENGINE_UNAVAILABLE', `the server's greeting was not understood (HTTP ${response.status})`);
      } catch (error) {
        return err('ENGINE_UNAVAILABLE', `the Polyseek server did not answer: ${errorMessage(error)}`);
      }
    },
    hasToken: () => token !== null,
    setToken(next) {
      if (next === token) return;
      token = next;
      tokenStore.set(next);
      stream.restart();
    },
    onUnauthorized(listener) {
      unauthorizedListeners.add(listener);
      return () => unauthorizedListeners.delete(listener);
    },
  };

  return { client, auth, label: `Browser · ${origin.hostname}` };
}

/** POSTs a command; any JSON Result body counts, whatever the HTTP status. */
async function post(url: URL, name: CommandName, input: unknown, token: string | null): Promise<Result<unknown>> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        ...(token !== null && { Authorization: `Bearer ${token}` }),
      },
      body: JSON.stringify(input),
      cache: 'no-store',
    });
  } catch (error) {
    return err('ENGINE_UNAVAILABLE', `${name}: the Polyseek server did not answer: ${errorMessage(error)}`);
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    return err('ENGINE_UNAVAILABLE', `${name}: the server answered HTTP ${response.status} without a JSON Result`);
  }
  if (!isResultEnvelope(body)) {
    return err(
      'ENGINE_UNAVAILABLE',
      `${name}: the server answered HTTP ${response.status} with something not a Result`,
    );
  }
  return ok(body);
}
