import { migrateV1ToV2 } from './002-structured-sections';
import { migrateV2ToV3 } from './003-model-section';
import { migrateV3ToV4 } from './004-root-options';
import { migrateV4ToV5 } from './005-search-section';
import { migrateV5ToV6 } from './006-answer-section';

/**
 * A migration turns the file's object at `from` into the object at `from + 1`. Each one lives in its own
 * numbered file and is never edited once released; they run in order, and the result is validated
 * against the current schema before anything is written.
 */
export interface Migration {
  readonly from: number;
  readonly describe: string;
  readonly migrate: (previous: Record<string, unknown>) => Record<string, unknown>;
}

export const MIGRATIONS: readonly Migration[] = [
  migrateV1ToV2,
  migrateV2ToV3,
  migrateV3ToV4,
  migrateV4ToV5,
  migrateV5ToV6,
];
