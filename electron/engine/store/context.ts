import type { Connection, Table } from '@lancedb/lancedb';

import type { VectorTable } from './types';

/** The open database and its tables, shared by the store's modules. */
export interface StoreContext {
  readonly dir: string;
  readonly db: Connection;
  readonly files: Table;
  readonly chunks: Table;
  readonly meta: Table;
  /** Opened vectors tables by key (every one listed in `meta`, opened at start). */
  readonly vectorTables: Map<string, VectorTable>;
  /** Test hook: called before each write step, so a test can stop a commit between any two steps. */
  readonly beforeStep: (step: string) => void;
}

/** Serialises writes: LanceDB commits are atomic per table, but a commit spans tables. */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T>): Promise<T> {
    const next = this.tail.then(work, work);
    this.tail = next.catch(() => undefined);
    return next;
  }
}
