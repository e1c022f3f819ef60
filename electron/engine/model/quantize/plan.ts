import { AttributeType, DataType, type GraphProto, type NodeProto, type TensorProto } from '../onnx';

/**
 * Which initializers become int8. A tensor qualifies only if every use of it is the same supported
 * pattern, so no consumer ever sees changed values:
 * - `matmul`: a 2-D float weight that is input B of MatMul nodes only (the projections and FFN,
 *   97 % of the FLOPs). Quantized per output column.
 * - `gather`: a 2-D float table that only Gather nodes read along axis 0 (the 1 GB word-embedding
 *   table: 45 % of the fp32 file). Quantized per row, i.e. per token.
 * Everything else stays as it is: LayerNorm and biases (tiny, and precision-sensitive), Gemm, any
 * initializer that is also a graph input (overridable at run time) or read inside a subgraph, and the
 * LoRA stacks ([5, in, 4] and [5, 4, out], gathered by task_id). Those were measured: fake-quantizing
 * them (per stack, or per adapter and column) on the small model moved cosine to fp32 by < 2e-6, so it
 * would be numerically safe on random weights, but it saves only 38.7 MB of the full model's 614 MB
 * (6 %) and no time (rank-4 products on a gathered, hence never pre-packed, adapter), while one scale
 * per stack would tie the resolution of five separately trained adapters together.
 */
export type QuantKind = 'matmul' | 'gather';

export interface QuantPlan {
  /** Initializer name → how it is quantized. */
  readonly kinds: ReadonlyMap<string, QuantKind>;
}

interface Use {
  node: NodeProto;
  index: number;
}

function isDefaultDomain(node: NodeProto): boolean {
  return node.domain === undefined || node.domain === '' || node.domain === 'ai.onnx';
}

function gatherAxis(node: NodeProto): number {
  const axis = node.attribute.find((a) => a.name === 'axis');
  return axis?.i ?? 0;
}

/** Every value name read inside subgraphs (If/Loop/Scan bodies), at any depth. */
function subgraphReads(nodes: readonly NodeProto[], into = new Set<string>()): Set<string> {
  for (const node of nodes) {
    for (const attribute of node.attribute) {
      const graphs = attribute.type === AttributeType.GRAPH ? [attribute.g] : (attribute.graphs ?? []);
      for (const graph of graphs) {
        if (!graph) continue;
        for (const inner of graph.node) for (const name of inner.input) into.add(name);
        subgraphReads(graph.node, into);
      }
    }
  }
  return into;
}

function kindOf(tensor: TensorProto, uses: readonly Use[]): QuantKind | null {
  if (tensor.data_type !== DataType.FLOAT || tensor.dims.length !== 2 || uses.length === 0) return null;
  const all = (test: (use: Use) => boolean) => uses.every((use) => isDefaultDomain(use.node) && test(use));
  if (all(({ node, index }) => node.op_type === 'MatMul' && index === 1)) return 'matmul';
  const axisZero = (node: NodeProto) => gatherAxis(node) === 0 || gatherAxis(node) === -2;
  if (all(({ node, index }) => node.op_type === 'Gather' && index === 0 && axisZero(node))) return 'gather';
  return null;
}

export function planQuantization(graph: GraphProto): QuantPlan {
  const uses = new Map<string, Use[]>();
  for (const node of graph.node) {
    node.input.forEach((name, index) => {
      if (name !== '') uses.set(name, [...(uses.get(name) ?? []), { node, index }]);
    });
  }
  const excluded = subgraphReads(graph.node);
  for (const value of [...graph.input, ...graph.output]) excluded.add(value.name);
  const kinds = new Map<string, QuantKind>();
  for (const tensor of graph.initializer) {
    const name = tensor.name ?? '';
    if (name === '' || excluded.has(name)) continue;
    const kind = kindOf(tensor, uses.get(name) ?? []);
    if (kind) kinds.set(name, kind);
  }
  return { kinds };
}
