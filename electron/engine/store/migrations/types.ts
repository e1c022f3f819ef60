import type { Connection } from '@lancedb/lancedb';

/**
 * One schema step. `up` must be idempotent: a crash after it ran but before the new version was
 * recorded in `meta` runs it again on the next open.
 */
export interface StoreMigration {
  readonly version: number;
  readonly name: string;
  up(db: Connection): Promise<void>;
}
