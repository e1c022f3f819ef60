import type { Chunk } from '../../../electron/engine/chunk/types';
import type { DupesSettings, ExploreWork } from '../../../electron/engine/explore/work';
import { chunkId, IndexStore, type FileRecord, type Provenance } from '../../../electron/engine/store';
import { fileRecord, PROVENANCE, unitVector } from '../store/support';

/** Wide enough that unrelated random unit vectors stay far below any threshold (|cos| ≲ 0.5 at 64 dims). */
export const DIMS = 64;
export const TEXT_MATCHING: Provenance = { ...PROVENANCE, task: 'text-matching', prefix: false, dims: DIMS };
export const DEFAULTS: DupesSettings = { threshold: 0.9, minShare: 0.5 };

/** `unit` moved by `amount` of another random direction, renormalised: cosine to `unit` ≈ 1 / √(1 + amount²). */
export function perturbed(unit: Float32Array, seed: string, amount: number): Float32Array {
  const noise = unitVector(seed, DIMS);
  const out = unit.map((value, i) => value + amount * (noise[i] ?? 0));
  const norm = Math.sqrt(out.reduce((sum, value) => sum + value * value, 0));
  return out.map((value) => value / norm);
}

export function cosine(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i += 1) sum += (a[i] ?? 0) * (b[i] ?? 0);
  return sum;
}

/** A file to commit: its passages' texts and hand-made text-matching vectors, one per passage. */
export interface FixtureFile {
  readonly path: string;
  readonly texts: readonly string[];
  readonly vectors: readonly Float32Array[];
  readonly hash?: string;
  readonly language?: string;
}

function chunksOf(file: FixtureFile): Chunk[] {
  return file.texts.map((text, ordinal) => ({
    ordinal,
    text,
    tokens: text.length,
    language: file.language ?? 'en',
    location: { line: ordinal * 10 + 1, lineEnd: ordinal * 10 + 9 },
  }));
}

/** Commits the files (indexed) with their vectors; returns the store and the files as stored. */
export async function fixtureStore(dir: string, files: readonly FixtureFile[]): Promise<IndexStore> {
  const store = await IndexStore.open(dir);
  await store.commitFiles(
    files.map((file) => ({
      file: fileRecord(file.path, {
        status: 'indexed',
        hash: file.hash ?? `hash-of-${file.path}`,
        language: file.language ?? 'en',
        title: file.path.split('/').at(-1) ?? null,
      }),
      chunks: chunksOf(file),
    })),
  );
  const rows = files.flatMap((file) =>
    file.vectors.map((vector, ordinal) => ({
      id: chunkId(file.path, file.hash ?? `hash-of-${file.path}`, ordinal),
      vector,
    })),
  );
  await store.addVectors(TEXT_MATCHING, rows);
  return store;
}

/** The work the runner would hand over for `files` (default: every indexed file) and `where`. */
export async function workOver(
  store: IndexStore,
  options: {
    where?: string;
    keep?: (file: FileRecord) => boolean;
    signal?: AbortSignal;
    progress?: ExploreWork['progress'];
  } = {},
): Promise<ExploreWork> {
  const files = (await store.listFiles({ status: 'indexed' })).filter(options.keep ?? (() => true));
  return {
    store,
    provenance: TEXT_MATCHING,
    files,
    where: options.where,
    signal: options.signal ?? new AbortController().signal,
    progress: options.progress ?? (() => undefined),
  };
}
