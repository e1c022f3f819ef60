/**
 * Bytes per second over a sliding window, so the rate (and the ETA from it) follows the connection as it
 * is now rather than its average since the start, without jumping on every chunk.
 */
export class RateMeter {
  private samples: { at: number; bytes: number }[] = [];

  constructor(
    private readonly windowMs = 5000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Records the running total of bytes done. */
  add(bytes: number): void {
    const at = this.now();
    this.samples.push({ at, bytes });
    while (this.samples.length > 2 && at - (this.samples[1]?.at ?? at) > this.windowMs) this.samples.shift();
  }

  /** Forgets the history (a new phase, e.g. hashing after downloading, runs at another speed). */
  reset(): void {
    this.samples = [];
  }

  /** Null until there is half a second of history. */
  rate(): number | null {
    const first = this.samples[0];
    const last = this.samples.at(-1);
    if (!first || !last || last.at - first.at < 500) return null;
    return Math.max(0, (last.bytes - first.bytes) / ((last.at - first.at) / 1000));
  }
}

/** Seconds left at `rate`, or null when it cannot be told. */
export function etaSeconds(remaining: number | null, rate: number | null): number | null {
  if (remaining === null || rate === null || rate <= 0) return null;
  return Math.max(0, Math.round(remaining / rate));
}
