import { PolyseekError } from '../../../shared';

/**
 * Pause/resume for a job's stages: each stage awaits `pass()` before its next unit of work (a file, an
 * encoder batch, a commit), so pausing stops new work at once while the unit in hand finishes cleanly.
 */
export class PauseGate {
  private paused: { promise: Promise<void>; release: () => void } | null = null;

  constructor(private readonly signal: AbortSignal) {
    signal.addEventListener('abort', () => this.resume(), { once: true });
  }

  get isPaused(): boolean {
    return this.paused !== null;
  }

  pause(): void {
    if (this.paused || this.signal.aborted) return;
    let release: () => void = () => undefined;
    const promise = new Promise<void>((resolve) => (release = resolve));
    this.paused = { promise, release };
  }

  resume(): void {
    const paused = this.paused;
    this.paused = null;
    paused?.release();
  }

  /** Resolves when not paused; rejects with CANCELLED once the job is cancelled. */
  async pass(): Promise<void> {
    while (this.paused) await this.paused.promise;
    if (this.signal.aborted) throw new PolyseekError('CANCELLED', 'indexing cancelled');
  }
}
