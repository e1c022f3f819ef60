/**
 * The ONNX file format, enough of it to read and rewrite real jina-v3 exports (a 1.5 MB graph plus
 * 2.3 GB of external data): a protobufjs codec of the full onnx.proto, external-data layout helpers,
 * and a streaming reader of initializer bytes.
 */
export { decodeModel, encodeModel } from './codec';
export {
  EXTERNAL_ALIGNMENT,
  EXTERNAL_THRESHOLD_BYTES,
  elementCount,
  externalDataEntries,
  externalLocation,
  isExternal,
  tensorByteLength,
  type ExternalLocation,
} from './tensor-layout';
export { TensorReader } from './tensor-reader';
export * from './types';
