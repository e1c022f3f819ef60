import { appendFile, readFile, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';
import { ACCEPT, useIndexRuntimes } from './support';

const corpus = corpusAvailability();
const tempDir = useTempDirs();
const open = useIndexRuntimes();
let modelDir = '';

/** Legacy encodings, Markdown and CSV: small, varied, quick to extract. */
const SUBSET = ['03-web-markup-text/encodings', '03-web-markup-text/plain-csv'];

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  modelDir = await ensureSyntheticModel('tiny');
});

async function setup(options: { licence: boolean }) {
  const root = await tempDir();
  if (!corpus.skip) await copyCorpus(SUBSET, root);
  const index = await open(await tempDir(), { modelDir });
  // The CPU provider: probing the software WebGPU adapter costs seconds and tests nothing here.
  await index.runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } });
  if (options.licence) await index.runtime.invoke('license.accept', ACCEPT);
  const added = await index.runtime.invoke('roots.add', { path: root });
  expect(added.ok).toBe(true);
  return { root, ...index };
}

describe.skipIf(corpus.skip)('incremental indexing (tiny synthetic model, corpus subset)', () => {
  it('encodes nothing on an unchanged tree, only a changed file after an edit, nothing after a touch', async () => {
    const { root, index, store, status } = await setup({ licence: true });
    const first = await index();
    expect(first).toMatchObject({ state: 'done', filesFailed: 0, modelProblem: null });
    expect(first.filesTotal).toBeGreaterThan(10);
    expect(first.chunksEncoded).toBe(first.chunks);
    const db = await store();
    expect(await db.checkConsistency()).toMatchObject({ duplicateIds: 0, orphanChunks: 0, countMismatches: [] });
    expect((await status()).filesAwaitingVectors).toBe(0);

    const second = await index();
    expect(second).toMatchObject({ state: 'done', filesTotal: 0, chunks: 0, chunksEncoded: 0 });
    expect(second.filesUnchanged).toBe(first.filesTotal);

    // Same bytes, new mtime: the hash says unchanged.
    const touched = join(root, '03-web-markup-text/encodings/en-utf-8-bom.txt');
    await utimes(touched, new Date(), new Date(Date.now() + 5000));
    const afterTouch = await index();
    expect(afterTouch).toMatchObject({ filesTotal: 0, chunksEncoded: 0 });

    const edited = join(root, '03-web-markup-text/plain-csv/multi-language-mixed-latin1.txt');
    const before = await db.getChunks(edited);
    await appendFile(edited, '\nA new closing line about lighthouses and tide tables.\n');
    const third = await index();
    const after = await db.getChunks(edited);
    expect(third).toMatchObject({ state: 'done', filesTotal: 1, filesDone: 1 });
    expect(third.chunksEncoded).toBe(after.length);
    expect(after.map((c) => c.id)).not.toEqual(before.map((c) => c.id));
    expect(await db.checkConsistency()).toMatchObject({ duplicateIds: 0, orphanChunks: 0, countMismatches: [] });
  });

  it('removes a deleted file’s chunks and re-uses nothing stale after a rename', async () => {
    const { root, index, store } = await setup({ licence: true });
    await index();
    const db = await store();
    const deleted = join(root, '03-web-markup-text/encodings/fr-iso-8859-1-visa.txt');
    expect((await db.getChunks(deleted)).length).toBeGreaterThan(0);
    await rm(deleted);
    const afterDelete = await index();
    expect(afterDelete).toMatchObject({ filesRemoved: 1, filesTotal: 0 });
    expect(await db.getChunks(deleted)).toEqual([]);
    expect(await db.getFile(deleted)).toBeNull();

    const from = join(root, '03-web-markup-text/encodings/ko-euc-kr-wikipedia.txt');
    const to = join(root, '03-web-markup-text/renamed-korean.txt');
    const oldChunks = await db.getChunks(from);
    await rename(from, to);
    const afterRename = await index();
    expect(afterRename).toMatchObject({ filesRemoved: 1, filesTotal: 1 });
    const newChunks = await db.getChunks(to);
    expect(await db.getChunks(from)).toEqual([]);
    expect(newChunks.map((c) => c.text)).toEqual(oldChunks.map((c) => c.text));
    expect(newChunks.some((c) => oldChunks.some((o) => o.id === c.id))).toBe(false);
    expect(afterRename.chunksEncoded).toBe(newChunks.length);
    expect(await db.checkConsistency()).toMatchObject({ duplicateIds: 0, orphanChunks: 0, countMismatches: [] });
  });

  it('without the licence indexes for keyword search, then fills vectors once it is accepted', async () => {
    const { runtime, index, store, status } = await setup({ licence: false });
    const job = await index();
    expect(job.state).toBe('done');
    expect(job.chunks).toBeGreaterThan(0);
    expect(job.chunksEncoded).toBe(0);
    expect(job.modelProblem).toMatch(/licen[cs]e/i);
    const waiting = await status();
    expect(waiting.filesAwaitingVectors).toBe(waiting.totals.indexed);
    expect(waiting.activeProvenance).toBeNull();
    const db = await store();
    const hits = await db.keywordSearch('Stanley', 5);
    expect(hits.length).toBeGreaterThan(0);

    await runtime.invoke('license.accept', ACCEPT);
    await expect.poll(async () => (await status()).filesAwaitingVectors, { timeout: 30_000 }).toBe(0);
    await runtime.engine.indexer.waitForIdle();
    const done = await status();
    expect(done.activeProvenance).toMatchObject({ task: 'retrieval.passage', precision: 'fp32' });
    expect(done.job).toMatchObject({ kind: 'vectors', state: 'done' });
    expect(done.job?.chunksEncoded).toBe(done.totals.chunks);
  });

  it('pauses, resumes and cancels; a cancelled run keeps what it finished and the next run completes', async () => {
    const { runtime, index, store } = await setup({ licence: true });
    expect((await runtime.invoke('index.start', {})).ok).toBe(true);
    const paused = await runtime.invoke('index.pause', {});
    expect(paused.ok && paused.value.job?.state).toBe('paused');
    const resumed = await runtime.invoke('index.resume', {});
    expect(resumed.ok && resumed.value.job?.state).toBe('running');
    const cancelled = await runtime.invoke('index.cancel', {});
    expect(cancelled.ok && cancelled.value.job?.state).toBe('cancelled');
    const next = await index();
    expect(next.state).toBe('done');
    expect(await (await store()).checkConsistency()).toMatchObject({
      duplicateIds: 0,
      orphanChunks: 0,
      countMismatches: [],
    });
    const again = await index();
    expect(again).toMatchObject({ filesTotal: 0, chunksEncoded: 0 });
  });

  it('lists per-file errors with codes, and retries them', async () => {
    const { root, runtime, index } = await setup({ licence: false });
    await writeFile(join(root, 'empty.txt'), '   \n');
    await writeFile(join(root, 'big.txt'), 'x'.repeat(5000));
    await runtime.invoke('roots.update', { path: root, maxFileBytes: 4096 });
    await index();
    const errors = await runtime.invoke('index.errors', {});
    expect(errors.ok).toBe(true);
    if (!errors.ok) return;
    const byName = Object.fromEntries(errors.value.errors.map((e) => [e.path.slice(root.length + 1), e]));
    expect(byName['big.txt']).toMatchObject({ status: 'skipped', code: 'TOO_LARGE' });
    expect(byName['empty.txt']?.code).toMatch(/EMPTY/);
    const retried = await runtime.invoke('index.retry', {});
    expect(retried.ok).toBe(true);
    expect(await runtime.engine.indexer.waitForIdle()).toMatchObject({ kind: 'retry', state: 'done' });
    expect(await readFile(join(root, 'big.txt'), 'utf8')).toHaveLength(5000);
  });
});
