import { PolyseekError } from '../../../shared';

/**
 * Where an exchange stands, for naming what a timeout ran out on: waiting for the response headers, for
 * the first sign of an answer, or for the next piece of it.
 */
export type CallPhase = 'headers' | 'first' | 'next';

/**
 * One HTTP exchange with a chat endpoint: the AbortController handed to fetch, the silence timer, and the
 * reason it was stopped. Aborting fetch's own signal is what makes undici close the socket, so the
 * server stops generating for a reader that left; the caller's signal and the timer both go through it.
 */
export class ChatCall {
  phase: CallPhase = 'headers';
  private readonly controller = new AbortController();
  private stopped: PolyseekError | null = null;
  private timer: NodeJS.Timeout | undefined;
  private readonly onAbort = () => this.halt(new PolyseekError('CANCELLED', 'cancelled'));

  /**
   * @param timeoutMs the budget for the headers plus the first sign of an answer, then the longest
   *   silence between two pieces.
   * @param describeTimeout the TIMEOUT message for a phase.
   */
  constructor(
    private readonly timeoutMs: number,
    private readonly signal: AbortSignal | undefined,
    private readonly describeTimeout: (phase: CallPhase, after: string) => string,
  ) {
    if (signal?.aborted) this.onAbort();
    else signal?.addEventListener('abort', this.onAbort, { once: true });
    this.arm();
  }

  /** The signal to hand to fetch. */
  get fetchSignal(): AbortSignal {
    return this.controller.signal;
  }

  /** Restarts the silence timer: the server showed it is alive. */
  arm(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => this.halt(new PolyseekError('TIMEOUT', this.describeTimeout(this.phase, duration(this.timeoutMs)))),
      this.timeoutMs,
    );
  }

  /** Throws the stop reason (cancelled, timed out) if there is one: checked after handing text out. */
  throwIfStopped(): void {
    if (this.stopped) throw this.stopped;
  }

  /**
   * Awaits one network step. Once the exchange was stopped, whatever the step failed with is only the
   * echo of that abort, so the stop reason wins; otherwise `classify` says what the failure means.
   */
  async guard<T>(step: Promise<T>, classify: (error: unknown) => PolyseekError): Promise<T> {
    try {
      return await step;
    } catch (error) {
      throw this.stopped ?? classify(error);
    }
  }

  /** Ends the exchange: the timer stops, and a connection still open (a reply not read to its end) closes. */
  dispose(): void {
    clearTimeout(this.timer);
    this.signal?.removeEventListener('abort', this.onAbort);
    if (!this.controller.signal.aborted) this.controller.abort();
  }

  private halt(reason: PolyseekError): void {
    if (this.stopped) return;
    this.stopped = reason;
    clearTimeout(this.timer);
    this.controller.abort(reason);
  }
}

/** `1.5 s`, `300 ms`: timeouts in messages, as the user set them (seconds) or a test did (ms). */
function duration(ms: number): string {
  return ms >= 1000 ? `${Number((ms / 1000).toFixed(1))} s` : `${ms} ms`;
}
