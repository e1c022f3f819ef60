import type { JobRequest } from './index-job';

/**
 * Requests waiting for the running job, merged so a burst (a watcher batch per second, a retry, a
 * settings change) becomes one job: a full run covers changes and vectors; changes merge their paths.
 */
export class JobQueue {
  private full: { roots: Set<string> | null; rehash: boolean } | null = null;
  private retry: { paths: Set<string> | null } | null = null;
  private changes: Set<string> | null = null;
  private vectors = false;

  add(request: JobRequest): void {
    switch (request.kind) {
      case 'full': {
        const roots = request.roots ? new Set(request.roots) : null;
        if (!this.full) this.full = { roots, rehash: request.rehash ?? false };
        else {
          this.full.roots = this.full.roots && roots ? new Set([...this.full.roots, ...roots]) : null;
          this.full.rehash ||= request.rehash ?? false;
        }
        return;
      }
      case 'retry':
        if (!this.retry) this.retry = { paths: request.retry ? new Set(request.retry) : null };
        else if (this.retry.paths) {
          if (request.retry) for (const path of request.retry) this.retry.paths.add(path);
          else this.retry.paths = null;
        }
        return;
      case 'changes':
        this.changes ??= new Set();
        for (const path of request.paths ?? []) this.changes.add(path);
        return;
      case 'vectors':
        this.vectors = true;
        return;
    }
  }

  /** The next job to run: full runs first (they also embed), then retries, changes, vectors. */
  take(): JobRequest | null {
    if (this.full) {
      const { roots, rehash } = this.full;
      this.full = null;
      // A full run of every root covers pending changes; one of some roots leaves the others' changes queued.
      if (!roots) this.changes = null;
      this.vectors = false;
      return { kind: 'full', ...(roots ? { roots: [...roots] } : {}), ...(rehash ? { rehash } : {}) };
    }
    if (this.retry) {
      const { paths } = this.retry;
      this.retry = null;
      return { kind: 'retry', ...(paths ? { retry: [...paths] } : {}) };
    }
    if (this.changes) {
      const paths = this.changes;
      this.changes = null;
      this.vectors = false;
      return { kind: 'changes', paths };
    }
    if (this.vectors) {
      this.vectors = false;
      return { kind: 'vectors' };
    }
    return null;
  }

  clear(): void {
    this.full = this.retry = this.changes = null;
    this.vectors = false;
  }
}
