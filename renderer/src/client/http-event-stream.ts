import { errorMessage, type PolyseekEvent } from '../../../shared';
import { SseParser } from '../../../shared/sse';
import { checkEvent } from './validate';

type Listener = (event: PolyseekEvent) => void;

export interface HttpEventStreamOptions {
  readonly url: URL;
  /** The bearer token to send, read at each (re)connection. */
  readonly token: () => string | null;
  /** The server refused `token`; the stream stays closed until `restart()` (after a new token). */
  readonly onUnauthorized: (token: string | null) => void;
}

const FIRST_RETRY_MS = 500;
const MAX_RETRY_MS = 15_000;

/**
 * One `GET /api/events` stream shared by every listener, read with fetch (EventSource cannot send a
 * bearer token). It opens with the first listener, closes with the last, and reconnects with
 * exponential backoff when the connection drops.
 */
export class HttpEventStream {
  private readonly listeners = new Set<Listener>();
  private controller: AbortController | null = null;

  constructor(private readonly options: HttpEventStreamOptions) {}

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  /** Reconnects at once (after a token change). */
  restart(): void {
    if (this.listeners.size === 0) return;
    this.stop();
    this.start();
  }

  private start(): void {
    const controller = new AbortController();
    this.controller = controller;
    void this.run(controller.signal);
  }

  private stop(): void {
    this.controller?.abort();
    this.controller = null;
  }

  private async run(signal: AbortSignal): Promise<void> {
    let failures = 0;
    while (!signal.aborted) {
      const token = this.options.token();
      try {
        const response = await fetch(this.options.url, {
          headers: { Accept: 'text/event-stream', ...(token !== null && { Authorization: `Bearer ${token}` }) },
          cache: 'no-store',
          signal,
        });
        if (response.status === 401) {
          this.options.onUnauthorized(token);
          return;
        }
        if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
        failures = 0;
        await this.read(response.body, signal);
      } catch (error) {
        if (signal.aborted) return;
        console.warn(`polyseek: event stream dropped (${errorMessage(error)}); reconnecting`);
      }
      const delay = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
      failures += 1;
      await sleep(delay, signal);
    }
  }

  private async read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    const cancel = () => void reader.cancel().catch(() => undefined);
    signal.addEventListener('abort', cancel, { once: true });
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        for (const data of parser.push(decoder.decode(value, { stream: true }))) this.dispatch(data);
      }
    } finally {
      signal.removeEventListener('abort', cancel);
    }
  }

  private dispatch(data: string): void {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      console.warn('polyseek: dropped an event stream message that is not JSON');
      return;
    }
    const event = checkEvent(raw);
    if (!event) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // A broken listener must not starve the others, but it is a bug worth seeing.
        console.error(`polyseek: an event listener failed on ${event.name}:`, error);
      }
    }
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
