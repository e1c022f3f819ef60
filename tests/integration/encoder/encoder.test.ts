import { cp, readFile, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Encoder, truncateAndNormalize, type EncoderOptions } from '../../../electron/engine/encoder';
import { MATRYOSHKA_DIMS, TASKS } from '../../../shared';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { decodeModel, encodeModel } from '../../fixtures/synthetic-model/onnx-schema';
import { useTempDirs } from '../../fixtures/temp-dir';

// The synthetic model has random weights: these tests prove the mechanics (padding, batching, tasks,
// Matryoshka, truncation, errors), never cross-lingual semantics.
const tempDir = useTempDirs();
let tiny: string;
let encoder: Encoder;
let cacheDir: string;

const options = (modelDir: string, extra: Partial<EncoderOptions> = {}): EncoderOptions => ({
  modelDir,
  cacheDir,
  licenseAccepted: true,
  provider: 'cpu',
  ...extra,
});

beforeAll(async () => {
  tiny = await ensureSyntheticModel('tiny');
  cacheDir = join(tiny, '..', '.transformers-cache');
  encoder = await Encoder.load(options(tiny));
});
afterAll(() => encoder.dispose());

const maxAbsDiff = (a: Float32Array, b: Float32Array) => Math.max(...a.map((v, i) => Math.abs(v - (b[i] ?? NaN))));

describe('Encoder on the tiny synthetic jina-v3', () => {
  it('gives a text the same embedding alone and inside a padded batch', async () => {
    const short = 'Everyone has the right to life.';
    const long = 'All human beings are born free and equal in dignity and rights. '.repeat(6);
    const [alone] = await encoder.embed([short], { task: 'retrieval.passage' });
    const [, inBatch] = await encoder.embed([long, short], { task: 'retrieval.passage' });
    expect(maxAbsDiff(alone?.vector ?? new Float32Array(), inBatch?.vector ?? new Float32Array())).toBeLessThanOrEqual(
      1e-5,
    );
  });

  it('returns embeddings in input order, the same whatever the batching', async () => {
    const texts = Array.from({ length: 23 }, (_, i) => `text ${i} ${'word '.repeat((i * 7) % 40)}`);
    const batched = await Encoder.load(options(tiny, { batching: { tokenBudget: 256, maxBatchSize: 5 } }));
    try {
      const together = await batched.embed(texts, { task: 'text-matching' });
      for (const [i, text] of texts.entries()) {
        const [single] = await encoder.embed([text], { task: 'text-matching' });
        expect(
          maxAbsDiff(together[i]?.vector ?? new Float32Array(), single?.vector ?? new Float32Array()),
        ).toBeLessThanOrEqual(1e-5);
      }
    } finally {
      await batched.dispose();
    }
  });

  it('reports progress per batch and honours a per-call batching plan', async () => {
    const texts = ['one', 'two two', 'three three three', 'four'];
    const progress: number[] = [];
    await encoder.embed(texts, {
      task: 'separation',
      batching: { maxBatchSize: 1 },
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1, 2, 3, 4]);
    const together: number[] = [];
    await encoder.embed(texts, { task: 'separation', onProgress: (done, total) => together.push(done / total) });
    expect(together).toEqual([1]);
  });

  it('stops between batches when cancelled', async () => {
    const controller = new AbortController();
    const run = encoder.embed(['a', 'b b', 'c c c'], {
      task: 'separation',
      batching: { maxBatchSize: 1 },
      signal: controller.signal,
      onProgress: () => controller.abort(),
    });
    await expect(run).rejects.toMatchObject({ code: 'CANCELLED' });
  });

  it('gives each task a different embedding', async () => {
    const vectors = await Promise.all(
      TASKS.map(async (task) => (await encoder.embed(['Freedom of expression'], { task, prefix: false }))[0]?.vector),
    );
    for (let a = 0; a < vectors.length; a += 1) {
      for (let b = a + 1; b < vectors.length; b += 1) {
        expect(
          maxAbsDiff(vectors[a] ?? new Float32Array(), vectors[b] ?? new Float32Array()),
          `${TASKS[a]} vs ${TASKS[b]}`,
        ).toBeGreaterThan(1e-6);
      }
    }
  });

  it('prepends exactly the instructions config.json gives, and only when asked', async () => {
    const config = JSON.parse(await readFile(join(tiny, 'config.json'), 'utf8')) as {
      task_instructions: Record<string, string>;
    };
    const text = 'right to education';
    for (const task of TASKS) {
      const instruction = config.task_instructions[task] ?? '';
      const [withPrefix] = await encoder.embed([text], { task });
      const [manual] = await encoder.embed([instruction + text], { task, prefix: false });
      const [without] = await encoder.embed([text], { task, prefix: false });
      expect(maxAbsDiff(withPrefix?.vector ?? new Float32Array(), manual?.vector ?? new Float32Array()), task).toBe(0);
      expect(withPrefix?.tokens, task).toBe(manual?.tokens);
      if (instruction === '') expect(without?.tokens, task).toBe(withPrefix?.tokens);
      else expect(without?.tokens ?? 0, task).toBeLessThan(withPrefix?.tokens ?? 0);
    }
    expect(TASKS.filter((t) => (config.task_instructions[t] ?? '') !== '')).toEqual([
      'retrieval.query',
      'retrieval.passage',
    ]);
  });

  it('encodes an 8192-token input and cuts longer ones keeping </s>', async () => {
    const tokenizerText = 'Everyone has the right to rest and leisure. ';
    const [probe] = await encoder.embed([tokenizerText], { task: 'separation' });
    const perRepeat = (probe?.tokens ?? 3) - 2;
    const [long] = await encoder.embed([tokenizerText.repeat(Math.ceil(9000 / perRepeat))], { task: 'separation' });
    expect(long).toMatchObject({ tokens: 8192, truncated: true });
    expect(Math.hypot(...(long?.vector ?? []))).toBeCloseTo(1, 5);
    const fits = tokenizerText.repeat(Math.floor(8190 / perRepeat));
    const [exact] = await encoder.embed([fits], { task: 'separation' });
    expect(exact?.truncated).toBe(false);
    expect(exact?.tokens).toBeLessThanOrEqual(8192);
  });

  it('packs binary codes from the signs of the returned vector', async () => {
    const [e] = await encoder.embed(['binary codes'], { task: 'retrieval.query', binary: true });
    const vector = e?.vector ?? new Float32Array();
    expect(e?.binary?.length).toBe(vector.length / 8);
    const bits = Array.from(e?.binary ?? []).flatMap((byte) =>
      Array.from({ length: 8 }, (_, i) => (byte >> (7 - i)) & 1),
    );
    expect(bits).toEqual(Array.from(vector, (v) => (v > 0 ? 1 : 0)));
  });

  it('refuses an unknown task and a dimension the model lacks', async () => {
    await expect(encoder.embed(['x'], { task: 'summarize' as never })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    await expect(encoder.embed(['x'], { task: 'retrieval.query', dims: 64 })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('choose from 32') as string,
    });
  });
});

describe('Matryoshka on the wide synthetic model (hidden 1024)', () => {
  it('returns unit vectors equal to truncate-then-normalize of the full vector, for every dimension', async () => {
    const wide = await Encoder.load(options(await ensureSyntheticModel('wide')));
    try {
      const text = 'Everyone has the right to freedom of thought, conscience and religion.';
      const [full] = await wide.embed([text], { task: 'retrieval.passage', dims: 1024 });
      for (const dims of MATRYOSHKA_DIMS) {
        const [cut] = await wide.embed([text], { task: 'retrieval.passage', dims });
        const vector = cut?.vector ?? new Float32Array();
        expect(vector.length).toBe(dims);
        expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
        expect(maxAbsDiff(vector, truncateAndNormalize(full?.vector ?? new Float32Array(), dims))).toBeLessThanOrEqual(
          1e-6,
        );
      }
    } finally {
      await wide.dispose();
    }
  });
});

describe('Encoder errors', () => {
  it('refuses to load without the licence acknowledgment', async () => {
    await expect(Encoder.load(options(tiny, { licenseAccepted: false }))).rejects.toMatchObject({
      code: 'LICENSE_NOT_ACCEPTED',
    });
  });

  it('names the missing files of an incomplete model folder', async () => {
    const dir = await tempDir();
    await cp(tiny, dir, { recursive: true });
    await rm(join(dir, 'tokenizer.json'));
    await rm(join(dir, 'onnx', 'model.onnx'));
    await expect(Encoder.load(options(dir))).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
      message: expect.stringMatching(/onnx\/model\.onnx, tokenizer\.json/) as string,
    });
    await expect(Encoder.load(options(dir, { precision: 'int8' }))).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
  });

  it('reports a corrupt ONNX file as MODEL_INVALID', async () => {
    const dir = await tempDir();
    await cp(tiny, dir, { recursive: true });
    const bytes = await readFile(join(dir, 'onnx', 'model.onnx'));
    await writeFile(join(dir, 'onnx', 'model.onnx'), bytes.subarray(0, bytes.length >> 1));
    await expect(Encoder.load(options(dir))).rejects.toMatchObject({ code: 'MODEL_INVALID' });
  });

  it('refuses a model whose inputs are not jina-v3’s', async () => {
    const dir = await tempDir();
    await cp(tiny, dir, { recursive: true });
    const path = join(dir, 'onnx', 'model.onnx');
    const model = decodeModel(await readFile(path));
    const rename = (name: string) => (name === 'task_id' ? 'task_index' : name);
    for (const input of model.graph.input) input.name = rename(input.name);
    for (const node of model.graph.node) node.input = node.input.map(rename);
    await writeFile(path, encodeModel(model));
    await expect(Encoder.load(options(dir))).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('task_index') as string,
    });
  });

  it('reports a config.json without the adapters', async () => {
    const dir = await tempDir();
    await cp(tiny, dir, { recursive: true });
    const config = JSON.parse(await readFile(join(dir, 'config.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'config.json'), JSON.stringify({ ...config, lora_adaptations: ['retrieval.query'] }));
    await expect(Encoder.load(options(dir))).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('retrieval.passage') as string,
    });
  });
});

describe('Encoder lifetime', () => {
  it('releases its ORT session on dispose() and refuses work afterwards', async () => {
    const local = await Encoder.load(options(tiny));
    // The session is private; reaching in is the only way to watch the native release happen.
    const session = (local as unknown as { session: { release(): Promise<void> } }).session;
    const release = vi.spyOn(session, 'release');
    await local.dispose();
    await local.dispose();
    expect(release).toHaveBeenCalledTimes(1);
    await expect(local.embed(['x'], { task: 'retrieval.query' })).rejects.toThrow(/after dispose/);
  });
});
