import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

import type { InferenceSession } from 'onnxruntime-node';

import { DataType, encodeModel, type ModelProto } from '../fixtures/synthetic-model/onnx-schema';

/**
 * A one-node ONNX graph C = A·W with W a constant n×n initializer: ORT's own fp32 GEMM in the form the
 * encoder uses it (constant weights, which ORT pre-packs), and nothing else.
 */
export async function writeMatMulModel(dir: string, n = 2048): Promise<string> {
  const weights = Float32Array.from({ length: n * n }, (_, i) => ((i * 2654435761) % 1000) / 1000 - 0.5);
  const model: ModelProto = {
    ir_version: 8,
    producer_name: 'polyseek-bench',
    producer_version: '1',
    opset_import: [{ domain: '', version: 17 }],
    metadata_props: [],
    graph: {
      name: 'gemm',
      node: [{ name: 'mm', op_type: 'MatMul', input: ['A', 'W'], output: ['C'], attribute: [] }],
      initializer: [{ name: 'W', dims: [n, n], data_type: DataType.FLOAT, raw_data: new Uint8Array(weights.buffer) }],
      input: [
        {
          name: 'A',
          type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: [{ dim_value: n }, { dim_value: n }] } } },
        },
      ],
      output: [
        {
          name: 'C',
          type: { tensor_type: { elem_type: DataType.FLOAT, shape: { dim: [{ dim_value: n }, { dim_value: n }] } } },
        },
      ],
    },
  };
  const path = join(dir, 'matmul.onnx');
  await writeFile(path, encodeModel(model));
  return path;
}

export interface GemmProbe {
  session: InferenceSession;
  /** Best of `tries` timed runs of C = A·W; GFLOP/s. */
  measure(tries?: number): Promise<number>;
}

export async function openGemmProbe(path: string, threads: number, n = 2048): Promise<GemmProbe> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(path, {
    intraOpNumThreads: threads,
    graphOptimizationLevel: 'all',
  });
  const data = Float32Array.from({ length: n * n }, (_, i) => ((i * 40503) % 997) / 997 - 0.5);
  const feeds = { A: new ort.Tensor('float32', data, [n, n]) };
  await session.run(feeds); // warm-up: arena and packing
  return {
    session,
    async measure(tries = 3) {
      let best = 0;
      for (let i = 0; i < tries; i += 1) {
        const start = performance.now();
        await session.run(feeds);
        best = Math.max(best, (2 * n ** 3) / ((performance.now() - start) / 1000) / 1e9);
      }
      return best;
    },
  };
}
