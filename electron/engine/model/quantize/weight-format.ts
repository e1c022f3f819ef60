import { errorMessage, PolyseekError } from '../../../../shared';
import { DataType, encodeModel, type ModelProto } from '../onnx';
import { INT8_MAX } from './int8';

/**
 * How MatMul weights are stored. Activations are always uint8 (DynamicQuantizeLinear), so ORT runs
 * u8×s8 for `s8`/`s7` and u8×u8 for `u8`.
 * - `s8`: int8 codes ±127. Fastest where the CPU has VNNI (vpdpbusd) or on ARM. On AVX2 without VNNI,
 *   MLAS computes u8×s8 with vpmaddubsw, whose int16 pair sums saturate (255·127·2 > 32767).
 * - `s7`: int8 codes ±63 (ORT's reduce_range): no pair can saturate, half the weight resolution.
 * - `u8`: uint8 codes 128 ± 127 with zero point 128: full resolution and no saturation (MLAS widens u8×u8
 *   to 16 bits), at u8s8's speed on AVX2, slower than u8s8 on VNNI.
 * Measured on the full-size synthetic model, 8×128 tokens, on an AVX2-only Zen 3 (no VNNI): cosine to
 * fp32 s8 0.9982, s7 0.9968, u8 0.9992; CPU seconds per run s8 7.0–7.8, s7 6.4–7.5, u8 7.9–8.8,
 * fp32 9.7–10.5. Hence `u8` where the probe below finds saturation, `s8` elsewhere.
 */
export type WeightFormat = 's8' | 's7' | 'u8';

export interface WeightCoding {
  readonly maxCode: number;
  readonly dataType: number;
  /** Added to every code; stored as the MatMulInteger B zero point when not 0. */
  readonly zeroPoint: number;
}

export const WEIGHT_CODINGS: Readonly<Record<WeightFormat, WeightCoding>> = {
  s8: { maxCode: INT8_MAX, dataType: DataType.INT8, zeroPoint: 0 },
  s7: { maxCode: 63, dataType: DataType.INT8, zeroPoint: 0 },
  u8: { maxCode: INT8_MAX, dataType: DataType.UINT8, zeroPoint: 128 },
};

const K = 64;
const N = 16;
const M = 16;

/** A[M, K] uint8 (input) · B[K, N] int8 (constant, all 127): every pair sum is 2·255·127. */
function probeModel(): Uint8Array {
  const b = new Int8Array(K * N).fill(INT8_MAX);
  const tensor = (name: string, dims: number[]) => ({
    name,
    type: {
      tensor_type: {
        elem_type: name === 'A' ? DataType.UINT8 : DataType.INT32,
        shape: { dim: dims.map((d) => ({ dim_value: d })) },
      },
    },
  });
  const model: ModelProto = {
    ir_version: 8,
    opset_import: [{ domain: '', version: 17 }],
    metadata_props: [],
    graph: {
      name: 'u8s8_saturation_probe',
      node: [{ name: 'mm', op_type: 'MatMulInteger', input: ['A', 'B'], output: ['Y'], attribute: [] }],
      initializer: [{ name: 'B', dims: [K, N], data_type: DataType.INT8, raw_data: new Uint8Array(b.buffer) }],
      input: [tensor('A', [M, K])],
      output: [tensor('Y', [M, N])],
    },
  };
  return encodeModel(model);
}

let detected: Promise<WeightFormat> | undefined;

/**
 * Asks this machine's ORT, not a CPU flag list, whether its u8×s8 GEMM saturates: the same MLAS kernel
 * that will run the model multiplies 255s by 127s. Exact → `s8`; saturated → `u8`. Memoized; the
 * quantized file records the choice, so a model made on one machine still runs correctly anywhere.
 */
export function detectWeightFormat(): Promise<WeightFormat> {
  detected ??= probe().catch((error: unknown) => {
    detected = undefined;
    throw new PolyseekError('INTERNAL', `probing onnxruntime's int8 GEMM: ${errorMessage(error)}`);
  });
  return detected;
}

async function probe(): Promise<WeightFormat> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(probeModel(), { executionProviders: ['cpu'] });
  try {
    const a = new ort.Tensor('uint8', new Uint8Array(M * K).fill(255), [M, K]);
    const y = (await session.run({ A: a }))['Y']?.data as Int32Array | undefined;
    return y?.every((v) => v === 255 * INT8_MAX * K) ? 's8' : 'u8';
  } finally {
    await session.release();
  }
}
