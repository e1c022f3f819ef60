import protobuf from 'protobufjs';

import { errorMessage, PolyseekError } from '../../../../shared';
import { ONNX_PROTO } from './onnx-proto';
import { type ModelProto } from './types';

let modelType: protobuf.Type | undefined;

/**
 * Parsed on first use: the schema costs a few milliseconds that app start-up need not pay.
 * `resolveAll()` is needed: protobufjs 7.6 derives `[packed = true]` from resolved edition features,
 * and without it float_data/int32_data/int64_data would be written unpacked (valid protobuf, but not
 * the bytes the reference serializer writes, so a round trip would change the file).
 */
function modelMessage(): protobuf.Type {
  modelType ??= protobuf.parse(ONNX_PROTO, { keepCase: true }).root.resolveAll().lookupType('onnx.ModelProto');
  return modelType;
}

/**
 * Serializes a model to the bytes of a `.onnx` file. protobufjs writes fields in field-number order,
 * as the reference C++ serializer does, so decoding and re-encoding an export gives the same bytes.
 */
export function encodeModel(model: ModelProto): Uint8Array {
  const type = modelMessage();
  return type.encode(type.fromObject(model)).finish();
}

/**
 * Parses `.onnx` bytes into plain objects. Byte fields (`raw_data`) are views into `bytes`, not copies.
 * A file that is not an ONNX model (truncated, another format) is a `MODEL_INVALID` error naming
 * `source`.
 */
export function decodeModel(bytes: Uint8Array, source = 'ONNX model'): ModelProto {
  const type = modelMessage();
  let model: ModelProto;
  try {
    model = type.toObject(type.decode(bytes), { longs: Number, arrays: true }) as ModelProto;
  } catch (error) {
    throw new PolyseekError('MODEL_INVALID', `${source} is not a readable ONNX file: ${errorMessage(error)}`, {
      cause: error,
    });
  }
  // Random bytes can decode "successfully" into nonsense; a real model always has both of these.
  if (!(model.ir_version > 0) || model.graph === undefined || model.graph === null) {
    throw new PolyseekError('MODEL_INVALID', `${source} is not an ONNX model (no IR version or no graph)`);
  }
  return model;
}
