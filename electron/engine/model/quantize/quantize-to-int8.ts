import { randomBytes } from 'node:crypto';
import { endianness } from 'node:os';
import { basename, join } from 'node:path';

import { errorMessage, PolyseekError } from '../../../../shared';
import { ONNX_FILES } from '../../encoder/model-files';
import {
  encodeModel,
  isExternal,
  tensorByteLength,
  TensorReader,
  type GraphProto,
  type ModelProto,
  type TensorProto,
} from '../onnx';
import { planQuantization, type QuantPlan } from './plan';
import { publishModel, removeQuietly, writeSynced } from './publish';
import { NameScope, quantizedNames, rewriteNodes, type QuantizedNames } from './rewrite';
import { readSourceModel } from './source-model';
import { checkCancelled, copyTensor, writeGatherTable, writeMatMulWeight, type TensorJob } from './tensor-jobs';
import { TensorSink } from './tensor-sink';
import { detectWeightFormat, WEIGHT_CODINGS, type WeightFormat } from './weight-format';

export interface QuantizeProgress {
  /** `reading` (the fp32 graph), `quantizing` (tensor bytes), `writing` (the new graph, then the rename). */
  stage: string;
  /** In `quantizing`, bytes of fp32 initializers processed; in the other stages 0 or 1 of 1. */
  done: number;
  total: number;
}

export interface QuantizeOptions {
  /** Model folder in the Hugging Face layout: reads `onnx/model.onnx` and the external data it names. */
  modelDir: string;
  /** Checked between tensors and between 4 MB chunks; on abort nothing is left under the output names. */
  signal?: AbortSignal;
  onProgress?: (progress: QuantizeProgress) => void;
  /**
   * File name written beside model.onnx. Default `model_int8.onnx`, the file `Encoder.load({ precision:
   * 'int8' })` opens. Weights go to `<name>_data` when the fp32 model keeps its weights externally.
   */
  outputName?: string;
}

export interface QuantizeResult {
  outputPath: string;
  /** Size of the `.onnx` plus its external data file. */
  bytes: number;
  /** Initializers stored as int8: MatMul weights and Gather (embedding) tables. */
  quantizedTensors: number;
  /** Floating-point initializers of rank ≥ 2 left float (LoRA stacks, token-type table, Gemm weights). */
  keptFloatTensors: number;
}

const FLOAT_TYPES = new Set([1, 10, 11, 16]);
/** Recorded in metadata_props so a reader can tell how the file was made. Deterministic: no dates. */
const quantizationNote = (format: WeightFormat) =>
  JSON.stringify({
    version: 1,
    weights: `MatMul B: ${format} (weight-format.ts), symmetric, one scale per output column`,
    activations: 'uint8, one scale per call (DynamicQuantizeLinear)',
    embeddings: 'Gather tables: int8 symmetric, one scale per row',
    kept_float: 'LayerNorm, biases, LoRA stacks, other initializers',
  });

function outputNameOf(options: QuantizeOptions): string {
  const name = options.outputName ?? basename(ONNX_FILES.int8);
  if (basename(name) !== name || !name.endsWith('.onnx') || name === basename(ONNX_FILES.fp32)) {
    throw new PolyseekError('INVALID_INPUT', `outputName must be a file name ending in .onnx other than model.onnx`);
  }
  return name;
}

/**
 * Makes the int8 variant of a jina-v3 fp32 export on this machine (issue 4): MatMul weights and the
 * word-embedding table become int8 (see plan.ts and rewrite.ts), everything else stays as it is, and
 * the inputs and outputs keep their names. Streams tensor by tensor — peak memory is the graph plus a
 * few 4 MB chunks — into temp files that are renamed into place only when complete. The same input
 * gives the same bytes.
 */
export async function quantizeToInt8(options: QuantizeOptions): Promise<QuantizeResult> {
  checkCancelled(options.signal);
  return quantizeModel(options, await detectWeightFormat());
}

/** quantizeToInt8 with the weight format chosen by the caller (tests cover every format on any CPU). */
export async function quantizeModel(options: QuantizeOptions, format: WeightFormat): Promise<QuantizeResult> {
  const { signal } = options;
  const report = options.onProgress ?? (() => undefined);
  checkCancelled(signal);
  if (endianness() !== 'LE') throw new PolyseekError('INTERNAL', 'int8 quantization needs a little-endian CPU');
  const outputName = outputNameOf(options);
  const onnxDir = join(options.modelDir, 'onnx');
  report({ stage: 'reading', done: 0, total: 1 });
  const model = await readSourceModel(join(options.modelDir, ONNX_FILES.fp32));
  const plan = planQuantization(model.graph);
  if (![...plan.kinds.values()].includes('matmul')) {
    throw new PolyseekError('MODEL_INVALID', 'the fp32 graph has no MatMul with a constant 2-D weight to quantize');
  }
  const reader = new TensorReader(onnxDir);
  const tag = `.tmp-${process.pid}-${randomBytes(4).toString('hex')}`;
  const [outputPath, dataName] = [join(onnxDir, outputName), `${outputName}_data`];
  const temps = { model: `${outputPath}${tag}`, data: join(onnxDir, `${dataName}${tag}`) };
  const external = model.graph.initializer.some(isExternal);
  let sink: TensorSink | undefined;
  try {
    // Planned and external tensors are read, so their bytes are checked up front (a truncated download
    // fails here, before anything is written); the others stay in the graph as they are.
    const sizes = await Promise.all(
      model.graph.initializer.map((t) =>
        plan.kinds.has(t.name ?? '') || isExternal(t) ? reader.check(t) : Promise.resolve(tensorByteLength(t) ?? 0),
      ),
    );
    report({ stage: 'reading', done: 1, total: 1 });
    sink = external ? await TensorSink.external(temps.data, dataName) : TensorSink.inline();
    const initializer = await writeTensors(model.graph, plan, sizes, { reader, sink, signal, report, format });
    await sink.close(true);
    checkCancelled(signal);
    report({ stage: 'writing', done: 0, total: 1 });
    const bytes = encodeModel(rebuild(model, initializer, plan, format));
    await writeSynced(temps.model, bytes);
    checkCancelled(signal);
    await publishModel({ temps, outputPath, dataPath: join(onnxDir, dataName), external });
    report({ stage: 'writing', done: 1, total: 1 });
    const kept = model.graph.initializer.filter(
      (t) => !plan.kinds.has(t.name ?? '') && FLOAT_TYPES.has(t.data_type) && t.dims.length >= 2,
    );
    return {
      outputPath,
      bytes: bytes.length + (external ? sink.externalBytes : 0),
      quantizedTensors: plan.kinds.size,
      keptFloatTensors: kept.length,
    };
  } catch (error) {
    if (error instanceof PolyseekError) throw error;
    throw new PolyseekError('INTERNAL', `writing ${outputPath}: ${errorMessage(error)}`, { cause: error });
  } finally {
    await sink?.close(false).catch(() => undefined);
    await reader.close();
    await Promise.all([removeQuietly(temps.model), removeQuietly(temps.data)]);
  }
}

interface WriteContext {
  format: WeightFormat;
  reader: TensorReader;
  sink: TensorSink;
  signal: AbortSignal | undefined;
  report: (progress: QuantizeProgress) => void;
}

async function writeTensors(graph: GraphProto, plan: QuantPlan, sizes: number[], context: WriteContext) {
  const coding = WEIGHT_CODINGS[context.format];
  const names = quantizedNames(plan, new NameScope(graph), coding.zeroPoint !== 0);
  const total = sizes.reduce((a, b) => a + b, 0);
  let done = 0;
  const job: TensorJob = {
    ...context,
    advance: (bytes) => {
      done += bytes;
      context.report({ stage: 'quantizing', done, total });
    },
  };
  const tensors: TensorProto[] = [];
  for (const [index, tensor] of graph.initializer.entries()) {
    checkCancelled(context.signal);
    const kind = plan.kinds.get(tensor.name ?? '');
    const target = names.get(tensor.name ?? '');
    if (kind === 'matmul' && target) tensors.push(...(await writeMatMulWeight(job, tensor, target, coding)));
    else if (kind === 'gather' && target) tensors.push(...(await writeGatherTable(job, tensor, target)));
    else tensors.push(await copyTensor(job, tensor, sizes[index] ?? 0));
  }
  return { tensors, names };
}

function rebuild(
  model: ModelProto,
  { tensors: initializer, names }: { tensors: TensorProto[]; names: Map<string, QuantizedNames> },
  plan: QuantPlan,
  format: WeightFormat,
): ModelProto {
  const { graph } = model;
  const scope = new NameScope({ ...graph, initializer: [...graph.initializer, ...initializer] });
  const node = rewriteNodes(graph, plan, names, scope);
  const value_info = graph.value_info?.filter((v) => !plan.kinds.has(v.name));
  const metadata_props = model.metadata_props.filter((p) => p.key !== 'polyseek_quantization');
  metadata_props.push({ key: 'polyseek_quantization', value: quantizationNote(format) });
  return { ...model, graph: { ...graph, node, initializer, ...(value_info ? { value_info } : {}) }, metadata_props };
}
