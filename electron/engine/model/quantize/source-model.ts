import { readFile } from 'node:fs/promises';

import { errorMessage, PolyseekError } from '../../../../shared';
import { TEXT_EMBEDS } from '../../encoder/session';
import { decodeModel, type ModelProto } from '../onnx';

const REQUIRED_INPUTS = ['input_ids', 'attention_mask', 'task_id'] as const;
/** DynamicQuantizeLinear arrived in opset 11 (MatMulInteger in 10). */
const MIN_OPSET = 11;

/**
 * Reads and checks the fp32 graph before anything is written: a missing file is MODEL_NOT_FOUND; bytes
 * that are not ONNX, a graph without jina-v3's inputs and `text_embeds`, or a too-old opset are
 * MODEL_INVALID. The quantized model keeps exactly this I/O contract.
 */
export async function readSourceModel(path: string): Promise<ModelProto> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const missing = code === 'ENOENT' || code === 'ENOTDIR';
    throw new PolyseekError(missing ? 'MODEL_NOT_FOUND' : 'MODEL_INVALID', `reading ${path}: ${errorMessage(error)}`);
  }
  const model = decodeModel(bytes, path);
  const inputs = new Set(model.graph.input.map((v) => v.name));
  const missing = REQUIRED_INPUTS.filter((name) => !inputs.has(name));
  if (missing.length > 0 || !model.graph.output.some((v) => v.name === TEXT_EMBEDS)) {
    throw new PolyseekError(
      'MODEL_INVALID',
      `${path} is not a jina-v3 export: it needs inputs ${REQUIRED_INPUTS.join(', ')} and output ${TEXT_EMBEDS}`,
    );
  }
  const opset = model.opset_import.find((o) => !o.domain || o.domain === 'ai.onnx')?.version ?? 0;
  if (opset < MIN_OPSET) {
    throw new PolyseekError('MODEL_INVALID', `${path} uses ONNX opset ${opset}; int8 quantization needs ${MIN_OPSET}+`);
  }
  return model;
}
