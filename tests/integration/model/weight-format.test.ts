import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { InferenceSession, Tensor } from 'onnxruntime-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { cosine } from '../../../electron/engine/encoder';
import { DataType, decodeModel } from '../../../electron/engine/model/onnx';
import { quantizeToInt8 } from '../../../electron/engine/model/quantize';
import { quantizeModel } from '../../../electron/engine/model/quantize/quantize-to-int8';
import { detectWeightFormat, type WeightFormat } from '../../../electron/engine/model/quantize/weight-format';
import { writeSyntheticModel } from '../../fixtures/synthetic-model';

/** Mean-pooled text_embeds of one fixed batch, through ORT with the encoder's optimization level. */
async function pooled(modelPath: string): Promise<Float32Array> {
  const session = await InferenceSession.create(modelPath, { graphOptimizationLevel: 'all' });
  try {
    const ids = BigInt64Array.from([0n, 1200n, 37n, 815n, 90n, 3001n, 14n, 2n]);
    const out = await session.run({
      input_ids: new Tensor('int64', ids, [1, 8]),
      attention_mask: new Tensor('int64', new BigInt64Array(8).fill(1n), [1, 8]),
      task_id: new Tensor('int64', BigInt64Array.from([3n]), []),
    });
    const data = out['text_embeds']?.data as Float32Array;
    const hidden = data.length / 8;
    return Float32Array.from(
      { length: hidden },
      (_, k) => data.filter((_, i) => i % hidden === k).reduce((a, b) => a + b) / 8,
    );
  } finally {
    await session.release();
  }
}

describe('int8 weight formats', () => {
  let root: string;
  let dir: string;
  let reference: Float32Array;

  afterAll(() => rm(root, { recursive: true, force: true }));
  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), 'polyseek-weight-format-'));
    dir = join(root, 'tiny-external');
    await writeSyntheticModel(dir, { preset: 'tiny', externalData: true });
    reference = await pooled(join(dir, 'onnx', 'model.onnx'));
  });

  it.each([
    { format: 's8', dataType: DataType.INT8, zeroPoints: 0 },
    { format: 's7', dataType: DataType.INT8, zeroPoints: 0 },
    { format: 'u8', dataType: DataType.UINT8, zeroPoints: 9 },
  ] as const)('$format weights run, fuse and stay close to fp32', async ({ format, dataType, zeroPoints }) => {
    const outputName = `model_${format}.onnx`;
    const result = await quantizeModel({ modelDir: dir, outputName }, format satisfies WeightFormat);
    const model = decodeModel(await readFile(result.outputPath));
    const weights = model.graph.initializer.filter((t) =>
      /(Wqkv|out_proj|fc\d|dense)\.weight_quantized$/.test(t.name ?? ''),
    );
    expect(weights).toHaveLength(9);
    expect(weights.every((t) => t.data_type === dataType)).toBe(true);
    const zero = model.graph.initializer.filter((t) => t.name?.endsWith('_zero_point'));
    expect(zero).toHaveLength(zeroPoints);
    expect(zero.every((t) => t.raw_data?.[0] === 128)).toBe(true);
    expect(cosine(await pooled(result.outputPath), reference)).toBeGreaterThan(0.9999);

    const optimized = join(dir, `optimized_${format}.onnx`);
    const session = await InferenceSession.create(result.outputPath, {
      graphOptimizationLevel: 'all',
      optimizedModelFilePath: optimized,
    });
    await session.release();
    const ops = decodeModel(await readFile(optimized)).graph.node.map((n) => n.op_type);
    expect(ops.filter((op) => op === 'DynamicQuantizeMatMul')).toHaveLength(9);
  });

  it('picks s8 where this CPU’s u8×s8 GEMM is exact and u8 where it saturates, and records it', async () => {
    const format = await detectWeightFormat();
    expect(['s8', 'u8']).toContain(format);
    const { outputPath } = await quantizeToInt8({ modelDir: dir });
    const note = decodeModel(await readFile(outputPath)).metadata_props.find((p) => p.key === 'polyseek_quantization');
    expect(JSON.parse(note?.value ?? '{}')).toMatchObject({ weights: expect.stringContaining(`${format} `) as string });
  });
});
