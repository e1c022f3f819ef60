/** A condition variable for cooperating loops: `wait()` resolves at the next `notify()`. */
export class Wakeup {
  private waiters: (() => void)[] = [];

  wait(timeoutMs?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = timeoutMs === undefined ? null : setTimeout(done, timeoutMs);
      const waiters = this.waiters;
      function done(): void {
        if (timer) clearTimeout(timer);
        const index = waiters.indexOf(done);
        if (index >= 0) waiters.splice(index, 1);
        resolve();
      }
      this.waiters.push(done);
    });
  }

  notify(): void {
    for (const waiter of this.waiters.splice(0)) waiter();
  }
}
