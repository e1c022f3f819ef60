import { readFile } from 'node:fs/promises';

import { describe, expect, it } from 'vitest';

import {
  AttributeType,
  DataType,
  decodeModel,
  encodeModel,
  externalLocation,
  tensorByteLength,
} from '../../../../../electron/engine/model/onnx';

// Written by the reference serializer (onnx 1.12's C++ protobuf); see make-onnx-features.py beside it.
const FIXTURE = new URL('../../../../fixtures/onnx/onnx-features.onnx', import.meta.url);

describe('ONNX codec', () => {
  it('re-encodes a file from the reference serializer byte for byte', async () => {
    const bytes = await readFile(FIXTURE);
    expect(Buffer.from(encodeModel(decodeModel(bytes))).equals(bytes)).toBe(true);
  });

  it('reads every kind of field a real export can carry', async () => {
    const model = decodeModel(await readFile(FIXTURE));
    expect(model).toMatchObject({
      ir_version: 8,
      domain: 'ai.polyseek.test',
      model_version: 3,
      doc_string: 'model doc',
    });
    expect(model.opset_import).toEqual([
      { domain: '', version: 17 },
      { domain: 'local.functions', version: 1 },
    ]);
    expect(model.metadata_props).toEqual([{ key: 'purpose', value: 'codec round trip' }]);
    expect(model.functions).toHaveLength(1);
    expect(model.training_info).toHaveLength(1);
    const { graph } = model;
    const byName = new Map(graph.initializer.map((t) => [t.name, t]));
    expect(byName.get('W')?.float_data).toEqual([0.25, -4]);
    // INT64_MAX/MIN (Slice's "to the end") lose precision as numbers, yet re-encode exactly (test above).
    expect(byName.get('ends')?.int64_data).toHaveLength(2);
    expect(byName.get('raw')?.raw_data).toHaveLength(24);
    const ext = byName.get('ext');
    expect(ext && externalLocation(ext)).toEqual({ location: 'weights.bin', offset: 4096, length: 4 << 20 });
    expect(ext && tensorByteLength(ext)).toBe(4 << 20);
    const ifNode = graph.node.find((n) => n.op_type === 'If');
    expect(ifNode?.attribute.map((a) => [a.name, a.type, a.g?.node[0]?.op_type])).toEqual([
      ['else_branch', AttributeType.GRAPH, 'Neg'],
      ['then_branch', AttributeType.GRAPH, 'Identity'],
    ]);
    const constant = graph.node.find((n) => n.op_type === 'Constant');
    expect(constant?.attribute[0]?.t).toMatchObject({ data_type: DataType.BOOL, int32_data: [1] });
    expect(graph.sparse_initializer).toHaveLength(1);
    expect(graph.quantization_annotation).toHaveLength(1);
    expect(graph.value_info?.map((v) => v.name)).toEqual(['sliced', 'seq', 'opt', 'sp', 'map']);
    expect(graph.value_info?.[0]?.type?.tensor_type?.shape?.dim[0]).toEqual({
      dim_param: 'batch',
      denotation: 'DATA_BATCH',
    });
  });

  it('calls bytes that are not an ONNX model MODEL_INVALID', async () => {
    const bytes = await readFile(FIXTURE);
    expect(() => decodeModel(bytes.subarray(0, 500), 'half.onnx')).toThrow(
      expect.objectContaining({ code: 'MODEL_INVALID', message: expect.stringContaining('half.onnx') as string }),
    );
    expect(() => decodeModel(new TextEncoder().encode('{"not": "onnx"}'))).toThrow(
      expect.objectContaining({ code: 'MODEL_INVALID' }),
    );
  });
});
