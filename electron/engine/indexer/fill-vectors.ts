import { sameExceptDims } from '../search/choose-vectors';
import type { Provenance } from '../store/types';
import type { PauseGate } from './pause-gate';
import type { PassageEncoder } from './pipeline';
import type { OpenedStore } from './ports';
import type { JobProgress } from './progress';

export interface FillVectorsOptions {
  readonly store: OpenedStore;
  readonly encoder: PassageEncoder;
  readonly progress: JobProgress;
  readonly gate: PauseGate;
  readonly signal: AbortSignal;
  readonly onVectors?: (provenance: Provenance) => Promise<void>;
}

/** Chunks read and encoded per round. */
const ROUND_CHUNKS = 256;
/** How often the files-awaiting-vectors count is refreshed for progress. */
const RECOUNT_MS = 3000;

/**
 * The resumable embed job: encodes chunks that have no vector under the current provenance (indexed
 * before the model was ready, or under other settings) and adds them. Each round is committed, so a
 * crash or cancel loses at most one round; the next run continues where this one stopped.
 */
export async function fillVectors(options: FillVectorsOptions): Promise<void> {
  const { store, encoder, progress, gate, signal } = options;
  const provenance = encoder.provenance;
  const awaiting = await store.filesAwaitingVectors(provenance);
  progress.update({ filesAwaitingVectors: awaiting, vectorFilesTotal: awaiting });
  // Fewer dims than vectors already stored (a Matryoshka setting lowered): truncate those, never re-encode.
  const wider = store
    .vectorTables()
    .map((t) => t.provenance)
    .filter((p) => p.dims > provenance.dims && sameExceptDims(p, provenance))
    .sort((a, b) => a.dims - b.dims)[0];
  if (wider) {
    progress.update({ message: `deriving ${provenance.dims}-dim vectors from the stored ${wider.dims}-dim ones` });
    await gate.pass();
    await store.deriveVectors(wider, provenance, {
      signal,
      onProgress: (p) =>
        progress.update({ message: `deriving ${provenance.dims}-dim vectors: ${p.done} of ${p.total}` }),
    });
    await options.onVectors?.(provenance);
  }
  let afterId: string | undefined;
  let lastCount = performance.now();
  for (;;) {
    await gate.pass();
    const chunks = await store.chunksAwaitingVectors(provenance, ROUND_CHUNKS, afterId);
    if (chunks.length === 0) break;
    const { vectors, tokens } = await encoder.embed(
      chunks.map((c) => c.text),
      signal,
    );
    await store.addVectors(
      provenance,
      chunks.map((chunk, i) => ({ id: chunk.id, vector: vectors[i] ?? new Float32Array(0) })),
    );
    await options.onVectors?.(provenance);
    afterId = chunks.at(-1)?.id;
    progress.add({ chunksEncoded: chunks.length, tokens });
    if (performance.now() - lastCount >= RECOUNT_MS) {
      lastCount = performance.now();
      progress.update({ filesAwaitingVectors: await store.filesAwaitingVectors(provenance) });
    }
  }
  progress.update({ filesAwaitingVectors: await store.filesAwaitingVectors(provenance) });
}
