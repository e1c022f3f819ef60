import { AttributeType, DataType, type AttributeProto, type GraphProto, type NodeProto } from '../onnx';
import { type QuantPlan } from './plan';

/** Unique value and node names: new names never collide with anything already in the graph. */
export class NameScope {
  private readonly taken = new Set<string>();

  constructor(graph: GraphProto) {
    for (const v of [...graph.input, ...graph.output, ...(graph.value_info ?? [])]) this.taken.add(v.name);
    for (const t of graph.initializer) if (t.name) this.taken.add(t.name);
    for (const node of graph.node) {
      if (node.name) this.taken.add(node.name);
      for (const output of node.output) this.taken.add(output);
    }
  }

  unique(base: string): string {
    let name = base;
    for (let k = 2; this.taken.has(name); k++) name = `${base}_${k}`;
    this.taken.add(name);
    return name;
  }
}

/** Names of the 8-bit codes, float scales and (uint8 weights only) zero point replacing one initializer. */
export interface QuantizedNames {
  readonly codes: string;
  readonly scales: string;
  readonly zeroPoint: string | null;
}

/** @param weightZeroPoint whether MatMul weights carry a zero point (the `u8` weight format). */
export function quantizedNames(
  plan: QuantPlan,
  scope: NameScope,
  weightZeroPoint: boolean,
): Map<string, QuantizedNames> {
  const names = new Map<string, QuantizedNames>();
  for (const [weight, kind] of plan.kinds) {
    names.set(weight, {
      codes: scope.unique(`${weight}_quantized`),
      scales: scope.unique(`${weight}_scale`),
      zeroPoint: weightZeroPoint && kind === 'matmul' ? scope.unique(`${weight}_zero_point`) : null,
    });
  }
  return names;
}

const castToFloat: AttributeProto = { name: 'to', type: AttributeType.INT, i: DataType.FLOAT };

/**
 * y = MatMul(x, W) becomes the pattern onnxruntime's own quantize_dynamic emits, in standard ONNX ops:
 *   x_q, x_scale, x_zero = DynamicQuantizeLinear(x)       (uint8, one scale per call: per batch)
 *   y = Cast(MatMulInteger(x_q, W_q, x_zero)) · (x_scale · W_scale)
 * with W_q 8-bit (weight-format.ts) and W_scale one value per output column. ORT fuses
 * the five nodes into one com.microsoft DynamicQuantizeMatMul (MatMulIntegerToFloatFusion, then
 * DynamicQuantizeMatMulFusion), which pre-packs W_q; a runtime without those fusions still runs it.
 */
function quantizedMatMul(node: NodeProto, names: QuantizedNames, scope: NameScope): NodeProto[] {
  const [x = '', , ...rest] = node.input;
  const [y = ''] = node.output;
  if (rest.length > 0) throw new Error(`MatMul ${node.name ?? y} has more than two inputs`);
  const base = node.name ?? y;
  const value = (suffix: string) => scope.unique(`${y}_${suffix}`);
  const op = (opType: string, input: string[], output: string[], attribute: AttributeProto[] = []): NodeProto => ({
    name: scope.unique(`${base}_quant/${opType}`),
    op_type: opType,
    input,
    output,
    attribute,
  });
  const [xq, xScale, xZero] = [value('x_q'), value('x_scale'), value('x_zero')];
  const [product, asFloat, scale] = [value('int32'), value('float'), value('scale')];
  return [
    op('DynamicQuantizeLinear', [x], [xq, xScale, xZero]),
    op('MatMulInteger', [xq, names.codes, xZero, ...(names.zeroPoint ? [names.zeroPoint] : [])], [product]),
    op('Cast', [product], [asFloat], [castToFloat]),
    // Operand order matters: ORT's fusion reads input 0 as the activation scale, 1 as the weight scale.
    op('Mul', [xScale, names.scales], [scale]),
    op('Mul', [asFloat, scale], [y]),
  ];
}

/**
 * y = Gather(table, ids) becomes Gather over the int8 table and over its [rows, 1] scales, then
 * y = Cast(codes) · scales. Only the looked-up rows are ever converted back to float.
 */
function quantizedGather(node: NodeProto, names: QuantizedNames, scope: NameScope): NodeProto[] {
  const [, ids = ''] = node.input;
  const [y = ''] = node.output;
  const base = node.name ?? y;
  const [codes, scales, asFloat] = [`${y}_codes`, `${y}_row_scale`, `${y}_float`].map((n) => scope.unique(n));
  if (codes === undefined || scales === undefined || asFloat === undefined) throw new Error('unreachable');
  const name = (opType: string) => scope.unique(`${base}_quant/${opType}`);
  return [
    { name: name('Gather'), op_type: 'Gather', input: [names.codes, ids], output: [codes], attribute: node.attribute },
    {
      name: name('Gather'),
      op_type: 'Gather',
      input: [names.scales, ids],
      output: [scales],
      attribute: node.attribute,
    },
    { name: name('Cast'), op_type: 'Cast', input: [codes], output: [asFloat], attribute: [castToFloat] },
    { name: name('Mul'), op_type: 'Mul', input: [asFloat, scales], output: [y], attribute: [] },
  ];
}

/** The graph's nodes with every use of a planned initializer replaced, in the same topological order. */
export function rewriteNodes(
  graph: GraphProto,
  plan: QuantPlan,
  names: ReadonlyMap<string, QuantizedNames>,
  scope: NameScope,
): NodeProto[] {
  return graph.node.flatMap((node) => {
    const matmulWeight = node.op_type === 'MatMul' ? node.input[1] : undefined;
    const table = node.op_type === 'Gather' ? node.input[0] : undefined;
    const weightNames = matmulWeight === undefined ? undefined : names.get(matmulWeight);
    if (weightNames && plan.kinds.get(matmulWeight ?? '') === 'matmul')
      return quantizedMatMul(node, weightNames, scope);
    const tableNames = table === undefined ? undefined : names.get(table);
    if (tableNames && plan.kinds.get(table ?? '') === 'gather') return quantizedGather(node, tableNames, scope);
    return [node];
  });
}
