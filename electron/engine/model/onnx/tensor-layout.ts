import { DATA_LOCATION_EXTERNAL, DataType, type StringStringEntryProto, type TensorProto } from './types';

/** Bytes per element of each fixed-width data type; 4-bit types pack two elements per byte. */
const ELEMENT_BYTES: Readonly<Record<number, number>> = {
  [DataType.FLOAT]: 4,
  [DataType.UINT8]: 1,
  [DataType.INT8]: 1,
  [DataType.UINT16]: 2,
  [DataType.INT16]: 2,
  [DataType.INT32]: 4,
  [DataType.INT64]: 8,
  [DataType.BOOL]: 1,
  [DataType.FLOAT16]: 2,
  [DataType.DOUBLE]: 8,
  [DataType.UINT32]: 4,
  [DataType.UINT64]: 8,
  [DataType.COMPLEX64]: 8,
  [DataType.COMPLEX128]: 16,
  [DataType.BFLOAT16]: 2,
  [DataType.FLOAT8E4M3FN]: 1,
  [DataType.FLOAT8E4M3FNUZ]: 1,
  [DataType.FLOAT8E5M2]: 1,
  [DataType.FLOAT8E5M2FNUZ]: 1,
  [DataType.UINT4]: 0.5,
  [DataType.INT4]: 0.5,
};

/** onnx's convert_model_to_external_data default: tensors below 1 KB stay inline. */
export const EXTERNAL_THRESHOLD_BYTES = 1024;
/** Page-aligned offsets let ORT memory-map a tensor instead of copying it (the 1 GB embedding table). */
export const EXTERNAL_ALIGNMENT = 4096;

export function elementCount(dims: readonly number[]): number {
  return dims.reduce((n, d) => n * d, 1);
}

/** Size of the tensor's raw little-endian bytes, or null for strings and unknown types. */
export function tensorByteLength(tensor: Pick<TensorProto, 'dims' | 'data_type'>): number | null {
  const size = ELEMENT_BYTES[tensor.data_type];
  return size === undefined ? null : Math.ceil(elementCount(tensor.dims) * size);
}

export function isExternal(tensor: TensorProto): boolean {
  return tensor.data_location === DATA_LOCATION_EXTERNAL;
}

export interface ExternalLocation {
  /** Path relative to the folder of the `.onnx` file. */
  location: string;
  offset: number;
  /** Bytes; defaults to the size the dims and data type imply. */
  length: number;
}

/** Reads `external_data`; throws a plain Error on missing or malformed entries (callers add context). */
export function externalLocation(tensor: TensorProto): ExternalLocation {
  const entries = new Map((tensor.external_data ?? []).map((e) => [e.key, e.value]));
  const location = entries.get('location');
  if (!location) throw new Error(`tensor ${tensor.name ?? '(unnamed)'} is external but names no location`);
  const integer = (key: string, fallback: number | null): number => {
    const text = entries.get(key);
    if (text === undefined && fallback !== null) return fallback;
    const value = Number(text);
    if (!Number.isSafeInteger(value) || value < 0) {
      throw new Error(`tensor ${tensor.name ?? '(unnamed)'} has external ${key} ${JSON.stringify(text)}`);
    }
    return value;
  };
  return { location, offset: integer('offset', 0), length: integer('length', tensorByteLength(tensor)) };
}

export function externalDataEntries(location: string, offset: number, length: number): StringStringEntryProto[] {
  return [
    { key: 'location', value: location },
    { key: 'offset', value: String(offset) },
    { key: 'length', value: String(length) },
  ];
}
