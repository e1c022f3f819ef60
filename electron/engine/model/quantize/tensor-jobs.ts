import { PolyseekError } from '../../../../shared';
import { DataType, isExternal, type TensorProto, type TensorReader } from '../onnx';
import { accumulateColumnAbsMax, NonFiniteWeightError, quantizeColumns, quantizeRows, scalesFromAbsMax } from './int8';
import { type QuantizedNames } from './rewrite';
import { type TensorSink } from './tensor-sink';
import { type WeightCoding } from './weight-format';

/**
 * 4 MB of float32 per read: the 1 GB embedding table streams through in 256 reads, and peak memory
 * stays a few chunks above the graph itself, whatever the model's size.
 */
const CHUNK_BYTES = 4 << 20;

export interface TensorJob {
  readonly reader: TensorReader;
  readonly sink: TensorSink;
  readonly signal: AbortSignal | undefined;
  /** Adds source bytes finished (progress). */
  readonly advance: (bytes: number) => void;
}

export function checkCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PolyseekError('CANCELLED', 'int8 quantization cancelled');
}

/** Yields the tensor's rows in chunks of whole rows, as float32 views of one reused buffer. */
async function* rowChunks(job: TensorJob, tensor: TensorProto, columns: number): AsyncGenerator<Float32Array> {
  const rowBytes = columns * 4;
  const total = (tensor.dims[0] ?? 0) * rowBytes;
  const buffer = new Float32Array(Math.max(1, Math.floor(CHUNK_BYTES / rowBytes)) * columns);
  const bytes = new Uint8Array(buffer.buffer);
  for (let done = 0; done < total;) {
    checkCancelled(job.signal);
    const size = Math.min(bytes.length, total - done);
    await job.reader.read(tensor, done, bytes.subarray(0, size));
    yield buffer.subarray(0, size / 4);
    done += size;
  }
}

function storage(tensor: TensorProto): Omit<TensorProto, 'raw_data' | 'external_data' | 'data_location'> {
  const { raw_data: _raw, external_data: _external, data_location: _location, ...rest } = tensor;
  return rest;
}

function nonFinite(tensor: TensorProto, error: unknown): unknown {
  if (!(error instanceof NonFiniteWeightError)) return error;
  return new PolyseekError('MODEL_INVALID', `initializer ${tensor.name ?? ''}: ${error.message} (corrupt weights?)`);
}

async function writeScales(job: TensorJob, name: string, scales: Float32Array, dims: number[]): Promise<TensorProto> {
  const writer = job.sink.begin(scales.byteLength);
  await writer.write(new Uint8Array(scales.buffer, scales.byteOffset, scales.byteLength));
  return { name, dims, data_type: DataType.FLOAT, ...writer.finish() };
}

/**
 * A MatMul weight [K, N] → 8-bit codes [K, N] + float scales [N] (per output column), plus the zero
 * point for uint8 codes. Two passes over the weight: column maxima, then codes.
 */
export async function writeMatMulWeight(
  job: TensorJob,
  tensor: TensorProto,
  names: QuantizedNames,
  coding: WeightCoding,
): Promise<TensorProto[]> {
  const [rows = 0, columns = 0] = tensor.dims;
  const absMax = new Float32Array(columns);
  try {
    for await (const chunk of rowChunks(job, tensor, columns)) accumulateColumnAbsMax(chunk, columns, absMax);
  } catch (error) {
    throw nonFinite(tensor, error);
  }
  const scales = scalesFromAbsMax(absMax, coding.maxCode);
  const writer = job.sink.begin(rows * columns);
  let codes = new Int8Array(0);
  for await (const chunk of rowChunks(job, tensor, columns)) {
    if (codes.length < chunk.length) codes = new Int8Array(chunk.length);
    const out = codes.subarray(0, chunk.length);
    quantizeColumns(chunk, scales, out, coding.maxCode);
    const bytes = new Uint8Array(out.buffer, 0, out.length);
    // uint8 codes are the int8 codes + 128: a byte-wise add that wraps exactly (−127…127 → 1…255).
    if (coding.zeroPoint !== 0)
      for (let i = 0; i < bytes.length; i++) bytes[i] = ((bytes[i] ?? 0) + coding.zeroPoint) & 0xff;
    await writer.write(bytes);
    job.advance(chunk.byteLength);
  }
  const quantized: TensorProto = {
    name: names.codes,
    dims: [rows, columns],
    data_type: coding.dataType,
    ...writer.finish(),
  };
  const out = [quantized, await writeScales(job, names.scales, scales, [columns])];
  if (names.zeroPoint !== null) {
    out.push({
      name: names.zeroPoint,
      dims: [],
      data_type: coding.dataType,
      raw_data: Uint8Array.of(coding.zeroPoint),
    });
  }
  return out;
}

/** A Gather table [V, H] → int8 codes [V, H] + float scales [V, 1] (per row: per token). One pass. */
export async function writeGatherTable(
  job: TensorJob,
  tensor: TensorProto,
  names: QuantizedNames,
): Promise<TensorProto[]> {
  const [rows = 0, columns = 0] = tensor.dims;
  const scales = new Float32Array(rows);
  const writer = job.sink.begin(rows * columns);
  let codes = new Int8Array(0);
  let row = 0;
  for await (const chunk of rowChunks(job, tensor, columns)) {
    if (codes.length < chunk.length) codes = new Int8Array(chunk.length);
    const out = codes.subarray(0, chunk.length);
    const chunkRows = chunk.length / columns;
    try {
      quantizeRows(chunk, columns, out, scales.subarray(row, row + chunkRows));
    } catch (error) {
      throw nonFinite(tensor, error);
    }
    await writer.write(new Uint8Array(out.buffer, 0, out.length));
    row += chunkRows;
    job.advance(chunk.byteLength);
  }
  const quantized: TensorProto = {
    name: names.codes,
    dims: [rows, columns],
    data_type: DataType.INT8,
    ...writer.finish(),
  };
  return [quantized, await writeScales(job, names.scales, scales, [rows, 1])];
}

/** An initializer kept as it is: inline ones stay in the graph, external ones are copied chunk by chunk. */
export async function copyTensor(job: TensorJob, tensor: TensorProto, byteLength: number): Promise<TensorProto> {
  if (!isExternal(tensor)) {
    job.advance(byteLength);
    return tensor;
  }
  const writer = job.sink.begin(byteLength);
  const buffer = new Uint8Array(Math.min(CHUNK_BYTES, byteLength));
  for (let done = 0; done < byteLength;) {
    checkCancelled(job.signal);
    const chunk = buffer.subarray(0, Math.min(buffer.length, byteLength - done));
    await job.reader.read(tensor, done, chunk);
    await writer.write(chunk);
    done += chunk.length;
    job.advance(chunk.length);
  }
  return { ...storage(tensor), ...writer.finish() };
}
