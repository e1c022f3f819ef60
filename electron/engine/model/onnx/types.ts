/**
 * Plain-object shapes of the ONNX messages, as `decodeModel` returns them and `encodeModel` takes them.
 * Names keep the proto's snake_case so they read like the spec. Repeated fields come back as arrays
 * (possibly empty); optional scalars are absent when the file does not set them. int64 fields are
 * numbers: every value an export stores fits in 2^53 except the INT64_MAX/MIN "to the end" sentinels
 * of Slice, and those round-trip exactly because protobufjs saturates when it re-encodes them.
 * Messages this code never inspects (sparse tensors, training info, function bodies) are typed loosely
 * but still decoded and re-encoded in full.
 */

/** TensorProto.DataType. */
export const DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
} as const;
export type DataTypeId = (typeof DataType)[keyof typeof DataType];

/** AttributeProto.AttributeType. */
export const AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSOR: 11,
  SPARSE_TENSORS: 12,
  TYPE_PROTO: 13,
  TYPE_PROTOS: 14,
} as const;

/** TensorProto.DataLocation.EXTERNAL: the bytes live in a file named by `external_data`. */
export const DATA_LOCATION_EXTERNAL = 1;

export interface StringStringEntryProto {
  key: string;
  value: string;
}

export interface TensorProto {
  /** Required for initializers; optional for tensors inside attributes. */
  name?: string;
  dims: number[];
  data_type: number;
  raw_data?: Uint8Array;
  float_data?: number[];
  int32_data?: number[];
  int64_data?: number[];
  double_data?: number[];
  uint64_data?: number[];
  string_data?: Uint8Array[];
  /** `location`, `offset`, `length` (and maybe `checksum`), values as strings. */
  external_data?: StringStringEntryProto[];
  data_location?: number;
  doc_string?: string;
  segment?: { begin?: number; end?: number };
  metadata_props?: StringStringEntryProto[];
}

export interface AttributeProto {
  name: string;
  type: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  floats?: number[];
  ints?: number[];
  strings?: Uint8Array[];
  tensors?: TensorProto[];
  graphs?: GraphProto[];
  ref_attr_name?: string;
  doc_string?: string;
  sparse_tensor?: object;
  sparse_tensors?: object[];
  tp?: TypeProto;
  type_protos?: TypeProto[];
}

export interface NodeProto {
  input: string[];
  output: string[];
  name?: string;
  op_type: string;
  /** '' or absent: the default ONNX domain. */
  domain?: string;
  overload?: string;
  attribute: AttributeProto[];
  doc_string?: string;
  metadata_props?: StringStringEntryProto[];
}

/** A dimension is a fixed size, a symbolic name such as `batch_size`, or neither (unknown). */
export interface Dim {
  dim_value?: number;
  dim_param?: string;
  denotation?: string;
}

export interface TensorShapeProto {
  dim: Dim[];
}

/** Only tensor types are spelled out; sequence, map, optional and sparse types pass through as objects. */
export interface TypeProto {
  /** `shape` absent means "any rank"; `{ dim: [] }` is a scalar. */
  tensor_type?: { elem_type: number; shape?: TensorShapeProto };
  sequence_type?: object;
  map_type?: object;
  optional_type?: object;
  sparse_tensor_type?: object;
  denotation?: string;
}

export interface ValueInfoProto {
  name: string;
  type?: TypeProto;
  doc_string?: string;
  metadata_props?: StringStringEntryProto[];
}

export interface GraphProto {
  name?: string;
  node: NodeProto[];
  initializer: TensorProto[];
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  value_info?: ValueInfoProto[];
  sparse_initializer?: object[];
  quantization_annotation?: object[];
  doc_string?: string;
  metadata_props?: StringStringEntryProto[];
}

export interface OperatorSetIdProto {
  /** '' or absent: the default ONNX domain. */
  domain?: string;
  version: number;
}

export interface ModelProto {
  ir_version: number;
  opset_import: OperatorSetIdProto[];
  producer_name?: string;
  producer_version?: string;
  domain?: string;
  model_version?: number;
  doc_string?: string;
  graph: GraphProto;
  metadata_props: StringStringEntryProto[];
  training_info?: object[];
  /** Model-local functions (FunctionProto), kept as decoded. */
  functions?: object[];
}
