import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it, vi } from 'vitest';

import { Encoder } from '../../../electron/engine/encoder/encoder';
import type { IndexJob, ReembedPlan, Result, SettingsPatch } from '../../../shared';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';
import { ACCEPT, useIndexRuntimes, type IndexRuntime } from './support';

const corpus = corpusAvailability();
const tempDir = useTempDirs();
const open = useIndexRuntimes();

/** Legacy encodings in nine scripts: small and quick. */
const SUBSET = ['03-web-markup-text/encodings'];

let tinyDir = '';

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  tinyDir = await ensureSyntheticModel('tiny');
});

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

async function indexed(modelDir: string) {
  const root = await tempDir();
  await copyCorpus(SUBSET, root);
  const dataDir = await tempDir();
  const index = await open(dataDir, { modelDir });
  value(await index.runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } }));
  value(await index.runtime.invoke('license.accept', ACCEPT));
  value(await index.runtime.invoke('roots.add', { path: root }));
  expect(await index.index()).toMatchObject({ state: 'done', filesFailed: 0 });
  return { dataDir, ...index };
}

const plan = async (index: IndexRuntime, patch: SettingsPatch): Promise<ReembedPlan> =>
  value(await index.runtime.invoke('index.plan', patch));

describe.skipIf(corpus.skip)('re-embed planning (synthetic models, corpus subset)', () => {
  it('measures the encoding speed, plans a new adapter, then re-embeds while the old vectors serve', async () => {
    const index = await indexed(tinyDir);
    const before = await index.status();
    const speedFile = JSON.parse(await readFile(join(index.dataDir, 'encode-speed.json'), 'utf8')) as {
      speeds: Record<string, { chunksPerSecond: number }>;
    };
    expect(speedFile.speeds.fp32?.chunksPerSecond).toBeGreaterThan(0);

    // The tiny model is 32 wide: any dims setting stores 32, so a dims change changes nothing.
    expect(await plan(index, { encoder: { dims: 256 } })).toMatchObject({
      action: 'none',
      requestedDims: 256,
      dims: 32,
      modelDims: [32],
    });
    expect(await plan(index, { encoder: { queryTask: 'text-matching' } })).toMatchObject({ action: 'none' });

    const adapter = await plan(index, { encoder: { passageTask: 'text-matching' } });
    expect(adapter).toMatchObject({
      action: 'encode',
      changes: ['passageTask'],
      chunks: before.totals.chunks,
      files: before.totals.indexed,
      chunksToEncode: before.totals.chunks,
      serving: before.activeProvenance,
      speed: { precision: 'fp32' },
    });
    expect(adapter.estimatedSeconds).toBeGreaterThan(0);
    // Planning changes nothing.
    expect((await index.status()).activeProvenance).toEqual(before.activeProvenance);

    const from = index.events.length;
    value(await index.runtime.invoke('settings.set', { encoder: { passageTask: 'text-matching' } }));
    const job = await waitForVectorsJob(index, from);
    expect(job).toMatchObject({ state: 'done', kind: 'vectors', chunksEncoded: before.totals.chunks });
    const embedding = index.events
      .slice(from)
      .flatMap((e) => (e.name === 'index.progress' && e.payload.phase === 'embedding' ? [e.payload] : []));
    expect(embedding.at(-1)?.vectorFilesTotal).toBe(before.totals.indexed);
    // While it ran, the old vectors served: the switch comes once every file has new ones.
    const after = await index.status();
    expect(after.activeProvenance?.task).toBe('text-matching');
    expect(after.vectorSets.map((s) => s.provenance.task).sort()).toEqual(['retrieval.passage', 'text-matching']);

    // Going back finds the stored set.
    expect(await plan(index, { encoder: { passageTask: 'retrieval.passage' } })).toMatchObject({
      action: 'reuse',
      chunksReady: before.totals.chunks,
      chunksToEncode: 0,
      estimatedSeconds: 0,
    });
  }, 120_000);

  it('plans fewer dims as derived from the stored vectors, and no encoder runs for them', async () => {
    const index = await indexed(await ensureSyntheticModel('small'));
    const status = await index.status();
    expect(status.activeProvenance?.dims).toBe(256);
    expect(await plan(index, { encoder: { dims: 64 } })).toMatchObject({
      action: 'derive',
      dims: 64,
      modelDims: [32, 64, 128, 256],
      chunksToDerive: status.totals.chunks,
      chunksToEncode: 0,
      deriveFrom: status.activeProvenance,
    });
    expect(await plan(index, { encoder: { dims: 1024, precision: 'int8' } })).toMatchObject({
      action: 'encode',
      changes: ['precision'],
      dims: 256,
    });

    const embed = vi.spyOn(Encoder.prototype, 'embed');
    try {
      const from = index.events.length;
      value(await index.runtime.invoke('settings.set', { encoder: { dims: 64 } }));
      expect(await waitForVectorsJob(index, from)).toMatchObject({ state: 'done', chunksEncoded: 0 });
      expect(embed).not.toHaveBeenCalled();
    } finally {
      embed.mockRestore();
    }
    expect((await index.status()).activeProvenance?.dims).toBe(64);
  }, 180_000);
});

/** The `vectors` job a settings change scheduled, as it ended. */
async function waitForVectorsJob(index: IndexRuntime, from: number): Promise<IndexJob> {
  const deadline = Date.now() + 90_000;
  for (;;) {
    const ended = index.events
      .slice(from)
      .find((e) => e.name === 'index.progress' && e.payload.kind === 'vectors' && e.payload.state !== 'running');
    if (ended?.name === 'index.progress') return ended.payload;
    if (Date.now() > deadline) throw new Error('no vectors job ended');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
