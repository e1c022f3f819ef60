import { createHash } from 'node:crypto';
import { cp, readdir, readFile, rm, stat, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import { InferenceSession } from 'onnxruntime-node';
import { beforeAll, describe, expect, it } from 'vitest';

import { decodeModel, encodeModel, externalLocation, isExternal } from '../../../electron/engine/model/onnx';
import { quantizeToInt8, type QuantizeProgress } from '../../../electron/engine/model/quantize';
import { ensureSyntheticModel, writeSyntheticModel } from '../../fixtures/synthetic-model';
import { useTempDirs } from '../../fixtures/temp-dir';

const tempDir = useTempDirs();
let tiny: string;

beforeAll(async () => {
  tiny = await ensureSyntheticModel('tiny');
});

async function copyOfTiny(): Promise<string> {
  const dir = await tempDir();
  await cp(tiny, dir, { recursive: true });
  return dir;
}

/** tiny with its weights in onnx/model.onnx_data, as the real 2.3 GB export has them. */
async function externalTiny(): Promise<string> {
  const dir = join(await tempDir(), 'tiny-external');
  await writeSyntheticModel(dir, { preset: 'tiny', externalData: true });
  return dir;
}

const sha256 = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');
const onnxFiles = (dir: string) => readdir(join(dir, 'onnx'));

describe('int8 model files', () => {
  it('keeps the I/O contract, LayerNorm, biases and LoRA stacks, and quantizes weights and embeddings', async () => {
    const dir = await copyOfTiny();
    const result = await quantizeToInt8({ modelDir: dir });
    const before = decodeModel(await readFile(join(dir, 'onnx', 'model.onnx')));
    const after = decodeModel(await readFile(result.outputPath));
    expect(after.graph.input).toEqual(before.graph.input);
    expect(after.graph.output).toEqual(before.graph.output);
    const tensors = new Map(after.graph.initializer.map((t) => [t.name, t]));
    expect(tensors.get('roberta.embeddings.word_embeddings.weight')).toBeUndefined();
    expect(tensors.get('roberta.embeddings.word_embeddings.weight_quantized')?.data_type).toBe(3);
    for (const kept of before.graph.initializer.filter((t) => /lora_[AB]$|norm\d?\.|emb_ln|bias$/.test(t.name ?? ''))) {
      expect(tensors.get(kept.name)).toEqual(kept);
    }
    const ops = after.graph.node.map((n) => n.op_type);
    expect(ops.filter((op) => op === 'MatMulInteger')).toHaveLength(result.quantizedTensors - 1);
    expect(after.metadata_props.map((p) => p.key)).toContain('polyseek_quantization');
  });

  it('is fused by ORT into DynamicQuantizeMatMul, one per quantized weight', async () => {
    const dir = await copyOfTiny();
    const { outputPath, quantizedTensors } = await quantizeToInt8({ modelDir: dir });
    const optimized = join(dir, 'optimized.onnx');
    const session = await InferenceSession.create(outputPath, {
      graphOptimizationLevel: 'all',
      optimizedModelFilePath: optimized,
    });
    await session.release();
    const ops = decodeModel(await readFile(optimized)).graph.node.map((n) => n.op_type);
    // The speed-up (ENVIRONMENT.md: 2.4× at ≤ 512 tokens) depends on this fusion and its pre-packing.
    expect(ops.filter((op) => op === 'DynamicQuantizeMatMul')).toHaveLength(quantizedTensors - 1);
    expect(ops).not.toContain('MatMulInteger');
  });

  it('streams external data into model_int8.onnx_data at aligned offsets, with the same outputs', async () => {
    const dir = await externalTiny();
    const inline = await copyOfTiny();
    const progress: QuantizeProgress[] = [];
    const result = await quantizeToInt8({ modelDir: dir, onProgress: (p) => progress.push(p) });
    await quantizeToInt8({ modelDir: inline });
    expect(await onnxFiles(dir)).toEqual(['model.onnx', 'model.onnx_data', 'model_int8.onnx', 'model_int8.onnx_data']);
    const model = decodeModel(await readFile(result.outputPath));
    const placed = model.graph.initializer.filter(isExternal).map(externalLocation);
    expect(placed.length).toBeGreaterThan(10);
    for (const where of placed) expect(where).toMatchObject({ location: 'model_int8.onnx_data' });
    expect(placed.every((where) => where.offset % 4096 === 0)).toBe(true);
    const dataBytes = (await stat(join(dir, 'onnx', 'model_int8.onnx_data'))).size;
    expect(result.bytes).toBe((await stat(result.outputPath)).size + dataBytes);
    const quantizing = progress.filter((p) => p.stage === 'quantizing');
    expect(quantizing.map((p) => p.done)).toEqual([...quantizing.map((p) => p.done)].sort((a, b) => a - b));
    expect(quantizing.at(-1)?.done).toBe(quantizing.at(-1)?.total);
    expect(progress.at(-1)).toEqual({ stage: 'writing', done: 1, total: 1 });
    const [a, b] = [await run(result.outputPath), await run(join(inline, 'onnx', 'model_int8.onnx'))];
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('gives the same bytes when run again', async () => {
    const dir = await externalTiny();
    await quantizeToInt8({ modelDir: dir });
    const first = [
      await sha256(join(dir, 'onnx', 'model_int8.onnx')),
      await sha256(join(dir, 'onnx', 'model_int8.onnx_data')),
    ];
    await quantizeToInt8({ modelDir: dir });
    const second = [
      await sha256(join(dir, 'onnx', 'model_int8.onnx')),
      await sha256(join(dir, 'onnx', 'model_int8.onnx_data')),
    ];
    expect(second).toEqual(first);
  });

  it('leaves nothing under the output names when cancelled, and an earlier output untouched', async () => {
    const dir = await externalTiny();
    const controller = new AbortController();
    const cancelled = quantizeToInt8({
      modelDir: dir,
      signal: controller.signal,
      onProgress: (p) => p.stage === 'quantizing' && controller.abort(),
    });
    await expect(cancelled).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await onnxFiles(dir)).toEqual(['model.onnx', 'model.onnx_data']);
    await expect(quantizeToInt8({ modelDir: dir, signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: 'CANCELLED',
    });

    await quantizeToInt8({ modelDir: dir });
    const done = await sha256(join(dir, 'onnx', 'model_int8.onnx_data'));
    const again = new AbortController();
    const late = quantizeToInt8({
      modelDir: dir,
      signal: again.signal,
      onProgress: (p) => p.stage === 'writing' && again.abort(),
    });
    await expect(late).rejects.toMatchObject({ code: 'CANCELLED' });
    expect(await onnxFiles(dir)).toEqual(['model.onnx', 'model.onnx_data', 'model_int8.onnx', 'model_int8.onnx_data']);
    expect(await sha256(join(dir, 'onnx', 'model_int8.onnx_data'))).toBe(done);
  });
});

async function run(modelPath: string): Promise<Float32Array> {
  const { Tensor } = await import('onnxruntime-node');
  const session = await InferenceSession.create(modelPath);
  try {
    const ids = BigInt64Array.from([0n, 1200n, 37n, 815n, 2n]);
    const out = await session.run({
      input_ids: new Tensor('int64', ids, [1, 5]),
      attention_mask: new Tensor('int64', new BigInt64Array(5).fill(1n), [1, 5]),
      task_id: new Tensor('int64', BigInt64Array.from([2n]), []),
    });
    return out['text_embeds']?.data as Float32Array;
  } finally {
    await session.release();
  }
}

describe('int8 quantization errors', () => {
  it('calls a missing folder or fp32 file MODEL_NOT_FOUND', async () => {
    const dir = await tempDir();
    await expect(quantizeToInt8({ modelDir: join(dir, 'nowhere') })).rejects.toMatchObject({ code: 'MODEL_NOT_FOUND' });
    const external = await externalTiny();
    await rm(join(external, 'onnx', 'model.onnx_data'));
    await expect(quantizeToInt8({ modelDir: external })).rejects.toMatchObject({
      code: 'MODEL_NOT_FOUND',
      message: expect.stringContaining('model.onnx_data') as string,
    });
    expect(await onnxFiles(external)).toEqual(['model.onnx']);
  });

  it('calls a corrupt fp32 model MODEL_INVALID and writes nothing', async () => {
    const truncated = await copyOfTiny();
    const path = join(truncated, 'onnx', 'model.onnx');
    await truncate(path, (await stat(path)).size >> 1);
    await expect(quantizeToInt8({ modelDir: truncated })).rejects.toMatchObject({ code: 'MODEL_INVALID' });

    const shortData = await externalTiny();
    const data = join(shortData, 'onnx', 'model.onnx_data');
    await truncate(data, (await stat(data)).size - 100_000);
    await expect(quantizeToInt8({ modelDir: shortData })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('truncated') as string,
    });
    expect(await onnxFiles(shortData)).toEqual(['model.onnx', 'model.onnx_data']);

    const renamed = await copyOfTiny();
    const model = decodeModel(await readFile(path.replace(truncated, renamed)));
    for (const input of model.graph.input) if (input.name === 'task_id') input.name = 'task';
    await writeFile(join(renamed, 'onnx', 'model.onnx'), encodeModel(model));
    await expect(quantizeToInt8({ modelDir: renamed })).rejects.toMatchObject({
      code: 'MODEL_INVALID',
      message: expect.stringContaining('task_id') as string,
    });
    expect(await onnxFiles(renamed)).toEqual(['model.onnx']);
  });

  it('refuses an output name that would overwrite fp32 or leave the onnx folder', async () => {
    const dir = await copyOfTiny();
    for (const outputName of ['model.onnx', '../x.onnx', 'model_int8.bin']) {
      await expect(quantizeToInt8({ modelDir: dir, outputName })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    }
    await quantizeToInt8({ modelDir: dir, outputName: 'model_q.onnx' });
    expect(await onnxFiles(dir)).toEqual(['model.onnx', 'model_q.onnx']);
  });
});
