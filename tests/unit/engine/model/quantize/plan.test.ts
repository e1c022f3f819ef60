import { describe, expect, it } from 'vitest';

import {
  AttributeType,
  DataType,
  type GraphProto,
  type NodeProto,
  type TensorProto,
} from '../../../../../electron/engine/model/onnx';
import { planQuantization } from '../../../../../electron/engine/model/quantize/plan';
import { NameScope, quantizedNames, rewriteNodes } from '../../../../../electron/engine/model/quantize/rewrite';

const weight = (name: string, dims: number[], dataType: number = DataType.FLOAT): TensorProto => ({
  name,
  dims,
  data_type: dataType,
  raw_data: new Uint8Array(dims.reduce((a, b) => a * b, 1) * 4),
});
const node = (op_type: string, input: string[], output: string, extra: Partial<NodeProto> = {}): NodeProto => ({
  name: `${op_type}_${output}`,
  op_type,
  input,
  output: [output],
  attribute: [],
  ...extra,
});
const graph = (nodes: NodeProto[], initializer: TensorProto[], inputs: string[] = ['x', 'ids']): GraphProto => ({
  name: 'g',
  node: nodes,
  initializer,
  input: inputs.map((name) => ({ name })),
  output: [{ name: 'y' }],
});

describe('planQuantization', () => {
  it('quantizes 2-D float MatMul weights and Gather tables, nothing else', () => {
    const g = graph(
      [
        node('Gather', ['table', 'ids'], 'emb'),
        node('MatMul', ['emb', 'w'], 'h'),
        node('MatMul', ['h', 'w'], 'h2'), // a shared weight is fine: every use is a MatMul B
        node('Gather', ['lora_a', 'task'], 'a'), // 3-D stack: kept float
        node('MatMul', ['h2', 'a'], 'xa'),
        node('Add', ['xa', 'bias'], 'y'),
        node('LayerNormalization', ['y', 'gamma', 'bias'], 'z'),
        node('MatMul', ['w_as_a', 'h'], 'left'), // an initializer as input A is not a weight
        node('MatMul', ['z', 'int_w'], 'ints'),
      ],
      [
        weight('table', [100, 8]),
        weight('w', [8, 8]),
        weight('lora_a', [5, 8, 4]),
        weight('bias', [8]),
        weight('gamma', [8]),
        weight('w_as_a', [8, 8]),
        weight('int_w', [8, 8], DataType.INT32),
      ],
    );
    expect(Object.fromEntries(planQuantization(g).kinds)).toEqual({ table: 'gather', w: 'matmul' });
  });

  it('keeps a tensor float when any of its uses is not the supported pattern', () => {
    const g = graph(
      [
        node('MatMul', ['x', 'w'], 'h'),
        node('Add', ['h', 'w'], 'y'), // also added: int8 would change what Add sees
        node('Gather', ['table', 'ids'], 'e', {
          attribute: [{ name: 'axis', type: AttributeType.INT, i: 1 }],
        }),
        node('MatMul', ['x', 'contrib'], 'c', { domain: 'com.microsoft' }),
        node('MatMul', ['x', 'overridable'], 'o'),
      ],
      [weight('w', [8, 8]), weight('table', [8, 8]), weight('contrib', [8, 8]), weight('overridable', [8, 8])],
      ['x', 'ids', 'overridable'],
    );
    expect(planQuantization(g).kinds.size).toBe(0);
  });

  it('keeps weights that a subgraph reads', () => {
    const body: GraphProto = graph([node('MatMul', ['x', 'w'], 'inner')], [], []);
    const g = graph(
      [
        node('MatMul', ['x', 'w'], 'h'),
        node('If', ['cond'], 'y', { attribute: [{ name: 'then_branch', type: AttributeType.GRAPH, g: body }] }),
      ],
      [weight('w', [8, 8])],
    );
    expect(planQuantization(g).kinds.size).toBe(0);
  });
});

describe('rewriteNodes', () => {
  it('replaces MatMul with the pattern ORT fuses and Gather with an int8 lookup, keeping output names', () => {
    const g = graph(
      [node('Gather', ['table', 'ids'], 'emb'), node('MatMul', ['emb', 'w'], 'y')],
      [weight('table', [100, 8]), weight('w', [8, 8])],
    );
    const plan = planQuantization(g);
    const scope = new NameScope(g);
    const names = quantizedNames(plan, scope, false);
    expect(names.get('w')).toEqual({ codes: 'w_quantized', scales: 'w_scale', zeroPoint: null });
    const nodes = rewriteNodes(g, plan, names, scope);
    expect(nodes.map((n) => [n.op_type, n.input, n.output])).toEqual([
      ['Gather', ['table_quantized', 'ids'], ['emb_codes']],
      ['Gather', ['table_scale', 'ids'], ['emb_row_scale']],
      ['Cast', ['emb_codes'], ['emb_float']],
      ['Mul', ['emb_float', 'emb_row_scale'], ['emb']],
      ['DynamicQuantizeLinear', ['emb'], ['y_x_q', 'y_x_scale', 'y_x_zero']],
      ['MatMulInteger', ['y_x_q', 'w_quantized', 'y_x_zero'], ['y_int32']],
      ['Cast', ['y_int32'], ['y_float']],
      ['Mul', ['y_x_scale', 'w_scale'], ['y_scale']],
      ['Mul', ['y_float', 'y_scale'], ['y']],
    ]);
    expect(new Set(nodes.map((n) => n.name)).size).toBe(nodes.length);
    const withZeroPoint = quantizedNames(plan, new NameScope(g), true);
    expect(withZeroPoint.get('w')?.zeroPoint).toBe('w_zero_point');
    expect(withZeroPoint.get('table')?.zeroPoint).toBeNull(); // embedding rows stay symmetric int8
    const [, , , , , matMulInteger] = rewriteNodes(g, plan, withZeroPoint, new NameScope(g));
    expect(matMulInteger?.input).toEqual(['y_x_q', 'w_quantized', 'y_x_zero', 'w_zero_point']);
  });
});
