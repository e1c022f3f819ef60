/**
 * Numbers requests so only the newest one's answer is used: answers arrive in any order (a cached
 * query embedding returns before an uncached older one) and a late one must not replace a newer one.
 */
export class LatestOnly {
  private latest = 0;

  /** Starts a request; the returned check stays true until another request starts (or `cancel`). */
  begin(): () => boolean {
    this.latest += 1;
    const mine = this.latest;
    return () => mine === this.latest;
  }

  /** Every request started so far is stale. */
  cancel(): void {
    this.latest += 1;
  }
}
