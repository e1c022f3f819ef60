import type { DupesInput, DupesReport, ExplorePair, TopicPoint, TopicsInput, TopicsReport } from '../../../shared';
import type { IndexStore } from '../store/index-store';
import type { FileRecord, Provenance } from '../store/types';

/**
 * What an Explore computation gets from the runner (explore-runner.ts), once the passages it needs have
 * vectors: the store, the vectors' provenance (full model width), the scope's indexed files and the SQL
 * pre-filter that selects their chunk and vector rows, a signal, and a progress callback.
 */
export interface ExploreWork {
  readonly store: IndexStore;
  readonly provenance: Provenance;
  /** Indexed files of the scope, by path. */
  readonly files: readonly FileRecord[];
  /** Over the columns chunks and vector rows share (path, root…); undefined = the whole index. */
  readonly where: string | undefined;
  readonly signal: AbortSignal;
  /** Progress of the computing phase (throttled by the runner). */
  readonly progress: (done: number, total: number, activity: string) => void;
}

/** Defaults applied before a computation sees its input. */
/** `threshold` null: automatic (0.9, or the scope's chance level when higher). */
export type DupesSettings = Required<Omit<DupesInput, 'scope' | 'threshold'>> & { readonly threshold: number | null };
export type TopicsSettings = Required<Omit<TopicsInput, 'scope' | 'k'>> & { readonly k: number | null };

/** A passage match behind a pair: chunk ids and cosine. */
export interface PassageMatch {
  readonly a: string;
  readonly b: string;
  readonly similarity: number;
}

/** What a duplicates job keeps: the report, and the matched passages of each pair for `explore.pair`. */
export interface DupesOutcome {
  readonly report: Omit<DupesReport, 'synthetic'>;
  /** Keyed by `pairKey(a, b)`. */
  readonly matches: Record<string, PassageMatch[]>;
}

export interface TopicsOutcome {
  readonly report: Omit<TopicsReport, 'synthetic'>;
  /** Every document, in the order `explore.points` pages through. */
  readonly points: TopicPoint[];
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`;
}

export type PairDetail = (store: IndexStore, outcome: DupesOutcome, a: string, b: string) => Promise<ExplorePair>;
