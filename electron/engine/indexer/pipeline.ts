import { PolyseekError, errorMessage } from '../../../shared';
import type { Chunk } from '../chunk/types';
import type { ExtractorPool, Segment } from '../extract/types';
import type { Provenance } from '../store/types';
import type { PauseGate } from './pause-gate';
import type { IndexStorePort } from './ports';
import { prepareFile, type PreparedFile, type WorkFile } from './prepare-file';
import type { JobProgress } from './progress';
import { Wakeup } from './wakeup';

/** The encoder as the indexer sees it: passages in, unit vectors out, with what made them. */
export interface PassageEncoder {
  readonly provenance: Provenance;
  embed(texts: readonly string[], signal: AbortSignal): Promise<{ vectors: Float32Array[]; tokens: number }>;
}

export interface PipelineOptions {
  readonly store: IndexStorePort;
  readonly extractor: ExtractorPool;
  readonly chunk: (segments: readonly Segment[]) => Chunk[];
  readonly chunkId: (path: string, hash: string, ordinal: number) => string;
  /** Null without a usable model: chunks are committed for keyword search, vectors come later. */
  readonly encoder: PassageEncoder | null;
  /** The encoder failed mid-run: the rest of the run goes on without vectors. */
  readonly onEncoderFailure: (message: string) => void;
  readonly progress: JobProgress;
  readonly gate: PauseGate;
  readonly signal: AbortSignal;
  /** Files extracted at once (the pool's size). */
  readonly extractConcurrency: number;
  /** Vectors were written under this provenance (so the caller can make it the active one). */
  readonly onVectors?: (provenance: Provenance) => Promise<void>;
}

/** Chunks per encoder call: enough for the encoder's own length-sorted batches to fill (see planBatches). */
const ENCODE_CHUNKS = 256;
/** Chunks extracted ahead of the encoder; bounds memory while keeping it fed. */
const MAX_WAITING_CHUNKS = 2048;
/** A commit holds at most this many files or chunks, and waits at most this long for more. */
const COMMIT_FILES = 64;
const COMMIT_CHUNKS = 2048;
const COMMIT_WAIT_MS = 1000;

interface Encoding extends PreparedFile {
  readonly vectors: (Float32Array | undefined)[];
  /** Chunks handed to the encoder so far. */
  next: number;
  done: number;
}

/**
 * extract (worker pool) ∥ chunk ∥ encode ∥ write, as three loops around two queues. The extractors run
 * ahead of the encoder (bounded by MAX_WAITING_CHUNKS) so it never waits on a slow PDF; commits run
 * while the next batch encodes. A file's chunks are committed with its record in one `commitFiles`, and
 * its vectors right after, so a file is marked indexed only once its chunks are in; a crash in between
 * leaves it pending (redone at the next start) or indexed without vectors (filled by the embed job).
 */
export async function runPipeline(files: readonly WorkFile[], options: PipelineOptions): Promise<void> {
  const { progress, gate } = options;
  const internal = new AbortController();
  const stop = () => internal.abort();
  options.signal.addEventListener('abort', stop, { once: true });
  const signal = internal.signal;
  const wake = new Wakeup();
  let encoder = options.encoder;
  // An object, so the loops' writes are visible to TypeScript's flow analysis after the awaits.
  const outcome: { failure: Error | null } = { failure: null };
  const toEncode: Encoding[] = [];
  const toWrite: { prepared: PreparedFile; vectors: Float32Array[] | null }[] = [];
  let waitingChunks = 0;
  let extracting = true;
  let encoding = encoder !== null;

  const fail = (error: unknown) => {
    // A cancel is not a failure: what was finished still gets committed.
    if (options.signal.aborted && isCancel(error)) return wake.notify();
    outcome.failure ??= error instanceof Error ? error : new Error(String(error));
    internal.abort();
    wake.notify();
  };

  const extractLoop = async (): Promise<void> => {
    let nextIndex = 0;
    const worker = async (): Promise<void> => {
      for (;;) {
        await gate.pass();
        while (waitingChunks > MAX_WAITING_CHUNKS && !signal.aborted) await wake.wait(250);
        if (signal.aborted) return;
        const work = files[nextIndex++];
        if (!work) return;
        progress.update({ currentFile: work.path });
        const prepared = await prepareFile(work, { extractor: options.extractor, chunk: options.chunk, signal });
        if (encoder && prepared.chunks.length > 0) {
          toEncode.push({
            ...prepared,
            vectors: new Array<Float32Array | undefined>(prepared.chunks.length),
            next: 0,
            done: 0,
          });
          waitingChunks += prepared.chunks.length;
        } else {
          toWrite.push({ prepared, vectors: null });
        }
        wake.notify();
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, options.extractConcurrency) }, worker));
  };

  const encodeLoop = async (): Promise<void> => {
    while (encoder) {
      if (toEncode.length === 0) {
        if (!extracting || signal.aborted) return;
        await wake.wait();
        continue;
      }
      await gate.pass();
      const batch = takeBatch(toEncode);
      let result: { vectors: Float32Array[]; tokens: number };
      try {
        result = await encoder.embed(
          batch.map((b) => b.file.chunks[b.ordinal]?.text ?? ''),
          signal,
        );
      } catch (error) {
        if (signal.aborted) throw error;
        // The model broke (out of memory, a bad file): keep indexing for keyword search; vectors come later.
        options.onEncoderFailure(errorMessage(error));
        encoder = null;
        for (const file of toEncode.splice(0)) toWrite.push({ prepared: file, vectors: null });
        waitingChunks = 0;
        wake.notify();
        return;
      }
      batch.forEach((b, i) => {
        b.file.vectors[b.ordinal] = result.vectors[i];
        b.file.done += 1;
      });
      waitingChunks -= batch.length;
      progress.add({ chunksEncoded: batch.length, tokens: result.tokens });
      while (toEncode[0] && toEncode[0].done === toEncode[0].chunks.length) {
        const file = toEncode.shift() as Encoding;
        toWrite.push({ prepared: file, vectors: file.vectors as Float32Array[] });
      }
      wake.notify();
    }
  };

  const writeLoop = async (): Promise<void> => {
    let firstQueuedAt: number | null = null;
    for (;;) {
      const upstream = extracting || encoding;
      if (toWrite.length === 0) {
        if (!upstream) return;
        firstQueuedAt = null;
        await wake.wait();
        continue;
      }
      firstQueuedAt ??= performance.now();
      const chunks = toWrite.reduce((n, w) => n + w.prepared.chunks.length, 0);
      const full = toWrite.length >= COMMIT_FILES || chunks >= COMMIT_CHUNKS;
      const waited = performance.now() - firstQueuedAt >= COMMIT_WAIT_MS;
      if (upstream && !full && !waited && !signal.aborted) {
        await wake.wait(COMMIT_WAIT_MS);
        continue;
      }
      // A cancel still commits what was finished: that work is not thrown away.
      if (outcome.failure) return;
      if (!signal.aborted) await gate.pass();
      await commit(toWrite.splice(0, COMMIT_FILES));
      firstQueuedAt = null;
    }
  };

  const commit = async (batch: { prepared: PreparedFile; vectors: Float32Array[] | null }[]): Promise<void> => {
    try {
      await options.store.commitFiles(batch.map((b) => b.prepared));
    } catch (error) {
      throw new PolyseekError('INDEX_FAILED', `writing ${batch.length} files to the index: ${errorMessage(error)}`, {
        cause: error,
      });
    }
    const count = (status: string) => batch.filter((b) => b.prepared.file.status === status).length;
    progress.add({
      filesDone: batch.length,
      filesFailed: count('failed'),
      filesSkipped: count('skipped'),
      chunks: batch.reduce((n, b) => n + b.prepared.chunks.length, 0),
    });
    const provenance = encoder?.provenance ?? options.encoder?.provenance;
    const rows = batch.flatMap(({ prepared, vectors }) =>
      vectors ? vectorRows(prepared, vectors, options.chunkId) : [],
    );
    if (rows.length > 0 && provenance) {
      await options.store.addVectors(provenance, rows);
      await options.onVectors?.(provenance);
    }
  };

  try {
    await Promise.all([
      extractLoop()
        .catch(fail)
        .finally(() => {
          extracting = false;
          wake.notify();
        }),
      encodeLoop()
        .catch(fail)
        .finally(() => {
          encoding = false;
          wake.notify();
        }),
      writeLoop().catch(fail),
    ]);
  } finally {
    options.signal.removeEventListener('abort', stop);
    progress.update({ currentFile: null });
  }
  const { failure } = outcome;
  if (failure && !(options.signal.aborted && isCancel(failure))) throw failure;
  if (options.signal.aborted) throw new PolyseekError('CANCELLED', 'indexing cancelled');
}

/** The next chunks in file order, up to ENCODE_CHUNKS; a long file spreads over several calls. */
function takeBatch(queue: Encoding[]): { file: Encoding; ordinal: number }[] {
  const batch: { file: Encoding; ordinal: number }[] = [];
  for (const file of queue) {
    while (file.next < file.chunks.length && batch.length < ENCODE_CHUNKS) {
      batch.push({ file, ordinal: file.next });
      file.next += 1;
    }
    if (batch.length >= ENCODE_CHUNKS) break;
  }
  return batch;
}

function vectorRows(
  { file, chunks }: PreparedFile,
  vectors: readonly Float32Array[],
  chunkId: (path: string, hash: string, ordinal: number) => string,
): { id: string; vector: Float32Array }[] {
  return chunks.map((chunk, i) => ({
    id: chunkId(file.path, file.hash, chunk.ordinal),
    vector: vectors[i] ?? new Float32Array(0),
  }));
}

function isCancel(error: unknown): boolean {
  return error instanceof PolyseekError && error.code === 'CANCELLED';
}
