import type { IncomingMessage, ServerResponse } from 'node:http';

import type { PolyseekEvent } from '../../shared';
import { SECURITY_HEADERS } from './http-util';

/** Proxies and idle timeouts drop silent connections; a comment line every 15 s keeps the stream open. */
const KEEP_ALIVE_MS = 15_000;

export interface EventFeed {
  subscribe(listener: (event: PolyseekEvent) => void): () => void;
}

/**
 * `GET /api/events`: a Server-Sent Events stream of contract events, one JSON envelope per message.
 * `initial` events (the current state) are sent first so a new client needs no extra request.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  source: EventFeed,
  initial: readonly PolyseekEvent[],
): void {
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  res.write(': polyseek events\n\n');
  const send = (event: PolyseekEvent): void => {
    res.write(`data: ${JSON.stringify(event)}\n\n`);
  };
  initial.forEach(send);
  const unsubscribe = source.subscribe(send);
  const ping = setInterval(() => res.write(': ping\n\n'), KEEP_ALIVE_MS);
  ping.unref();
  const close = (): void => {
    clearInterval(ping);
    unsubscribe();
  };
  req.on('close', close);
  res.on('error', close);
}
