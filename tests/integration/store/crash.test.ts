// A crash between any two LanceDB operations of a commit or removal: the store is abandoned where the
// step hook throws (as a kill would leave it — each LanceDB operation is an atomic commit), reopened,
// and must come back consistent, with the interrupted files `pending` and free of chunks and vectors,
// and reach the clean run's exact state when the indexer redoes them.
import { describe, expect, it } from 'vitest';

import { IndexStore, type IndexStoreOptions } from '../../../electron/engine/store';
import { useTempDirs } from '../../fixtures/temp-dir';
import { chunks, fileRecord, PROVENANCE, unitVector } from './support';

const tempDir = useTempDirs();

class SimulatedCrash extends Error {}

const v1 = [
  { file: fileRecord('/r/a.txt', { hash: 'a1' }), chunks: chunks(['a one', 'a two', 'a three']) },
  { file: fileRecord('/r/b.txt', { hash: 'b1' }), chunks: chunks(['b one']) },
  { file: fileRecord('/r/c.txt', { hash: 'c1' }), chunks: chunks(['c one', 'c two']) },
];
const v2 = [
  { file: fileRecord('/r/a.txt', { hash: 'a2' }), chunks: chunks(['a new one', 'a new two']) },
  { file: fileRecord('/r/b.txt', { hash: 'b2' }), chunks: chunks(['b new', 'b newer', 'b newest']) },
  { file: fileRecord('/r/d.txt', { hash: 'd1' }), chunks: chunks(['d one']) },
];

type Operation = (store: IndexStore) => Promise<void>;
const commitV2: Operation = (store) => store.commitFiles(v2);
const removeAC: Operation = (store) => store.removeFiles(['/r/a.txt', '/r/c.txt']);

/** v1 committed with every vector in place. */
async function prepare(dir: string): Promise<void> {
  const store = await IndexStore.open(dir);
  await store.commitFiles(v1);
  const waiting = await store.chunksAwaitingVectors(PROVENANCE, 100);
  await store.addVectors(
    PROVENANCE,
    waiting.map((chunk) => ({ id: chunk.id, vector: unitVector(chunk.id) })),
  );
  await store.close();
}

async function snapshot(store: IndexStore) {
  const files = (await store.listFiles()).map((file) => [file.path, file.status, file.hash, file.chunkCount]);
  const ids: string[] = [];
  for (const file of await store.listFiles()) ids.push(...(await store.getChunks(file.path)).map((chunk) => chunk.id));
  return { files, ids: ids.sort(), vectors: (await store.stats()).vectors };
}

async function run(operation: Operation, options: IndexStoreOptions = {}): Promise<{ steps: string[]; dir: string }> {
  const dir = await tempDir();
  await prepare(dir);
  const steps: string[] = [];
  const store = await IndexStore.open(dir, {
    ...options,
    beforeStep: (step) => {
      steps.push(step);
      options.beforeStep?.(step);
    },
  });
  try {
    await operation(store);
    await store.close();
  } catch (error) {
    if (!(error instanceof SimulatedCrash)) throw error;
    // Abandoned, not closed: the next open must cope with whatever the interrupted process left.
  }
  return { steps, dir };
}

async function crashEverywhere(operation: Operation, redo: Operation): Promise<number> {
  const clean = await run(operation);
  const expected = await (async () => {
    const store = await IndexStore.open(clean.dir);
    try {
      expect(await store.checkConsistency()).toEqual({
        duplicateIds: 0,
        orphanChunks: 0,
        orphanVectors: 0,
        countMismatches: [],
      });
      return await snapshot(store);
    } finally {
      await store.close();
    }
  })();
  const writeSteps = clean.steps.filter((step) => step.startsWith('commit:') || step.startsWith('remove:'));
  expect(writeSteps.length).toBeGreaterThanOrEqual(4);
  for (const [at, crashStep] of writeSteps.entries()) {
    let seen = 0;
    const { dir } = await run(operation, {
      beforeStep: (step) => {
        if (step === crashStep && seen++ === 0) throw new SimulatedCrash(`crash before ${step}`);
      },
    });
    const store = await IndexStore.open(dir);
    try {
      const context = `crash before step ${at} (${crashStep})`;
      expect(await store.checkConsistency(), context).toEqual({
        duplicateIds: 0,
        orphanChunks: 0,
        orphanVectors: 0,
        countMismatches: [],
      });
      for (const file of await store.pendingFiles()) {
        expect(await store.getChunks(file.path), `${context}: ${file.path}`).toEqual([]);
      }
      await redo(store);
      const after = await snapshot(store);
      expect({ files: after.files, ids: after.ids }, context).toEqual({ files: expected.files, ids: expected.ids });
      expect(await store.checkConsistency(), context).toMatchObject({ duplicateIds: 0, orphanVectors: 0 });
    } finally {
      await store.close();
    }
  }
  return writeSteps.length;
}

describe('crash recovery', () => {
  it('recovers from a crash before any step of a commit', async () => {
    // The indexer's redo after a restart: recommit what is pending (here the same batch).
    expect(await crashEverywhere(commitV2, commitV2)).toBe(5);
  });

  it('recovers from a crash before any step of a removal', async () => {
    expect(await crashEverywhere(removeAC, removeAC)).toBe(4);
  });

  it('reports what it cleaned at open', async () => {
    const { dir } = await run(commitV2, {
      beforeStep: (step) => {
        if (step === 'commit:mark-done') throw new SimulatedCrash(step);
      },
    });
    const store = await IndexStore.open(dir);
    try {
      // a and b lost their 3 + 1 old chunks before the crash; the 6 new ones (a 2, b 3, d 1) go now.
      expect(store.recovery).toMatchObject({ pendingFiles: 3, removedChunks: 6, removedVectors: 0 });
      expect((await store.pendingFiles()).map((file) => file.path).sort()).toEqual([
        '/r/a.txt',
        '/r/b.txt',
        '/r/d.txt',
      ]);
      expect((await store.getFile('/r/c.txt'))?.status).toBe('indexed');
    } finally {
      await store.close();
    }
  });
});
