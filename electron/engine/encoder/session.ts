import type { InferenceSession } from 'onnxruntime-node';

import { PolyseekError } from '../../../shared';
import { meanPool } from './vectors';

const REQUIRED_INPUTS = ['input_ids', 'attention_mask', 'task_id'] as const;
/** Per-token states; the export's second output is a pooler head that must not be used (MODEL.md). */
export const TEXT_EMBEDS = 'text_embeds';

export interface SessionSettings {
  /** ORT execution provider name: cpu, webgpu, cuda, dml, coreml. */
  readonly provider: string;
  /** Intra-op threads. */
  readonly threads: number;
  /** ORT's memory-pattern planner; see openSession for the measured default. */
  readonly memoryPattern?: boolean;
}

/**
 * Opens one ORT session with options chosen on purpose:
 * - graph optimization `all`: on the synthetic full model ORT fuses the erf-GELU with its bias
 *   (BiasGelu) and the attention transposes into FusedMatMul; it also pre-packs constant weights, which
 *   is most of the 3–7 s load but makes every run faster (ENVIRONMENT.md: 1×128 is 1.19× slower
 *   without pre-packing);
 * - intra-op threads = cores, inter-op 1, sequential execution: the graph is one chain of GEMMs
 *   (87 % of run time on the full model), so parallel branches would only contend for the same cores;
 * - CPU memory arena on (batches repeat similar shapes); memory pattern off: shapes change with every
 *   batch, and turning it on measured no gain on the full model (tests/bench/results/session-options.json:
 *   on/off median 0.95×, range 0.75–1.07 over three interleaved rounds).
 */
export async function openSession(onnxPath: string, settings: SessionSettings): Promise<InferenceSession> {
  const ort = await import('onnxruntime-node');
  const session = await ort.InferenceSession.create(onnxPath, {
    executionProviders: [settings.provider],
    graphOptimizationLevel: 'all',
    intraOpNumThreads: settings.threads,
    interOpNumThreads: 1,
    executionMode: 'sequential',
    enableCpuMemArena: true,
    enableMemPattern: settings.memoryPattern ?? false,
  });
  const missing = REQUIRED_INPUTS.filter((name) => !session.inputNames.includes(name));
  if (missing.length > 0 || !session.outputNames.includes(TEXT_EMBEDS)) {
    const found = `inputs [${session.inputNames.join(', ')}], outputs [${session.outputNames.join(', ')}]`;
    await session.release();
    throw new PolyseekError(
      'MODEL_INVALID',
      `${onnxPath} is not a jina-v3 export: it needs inputs input_ids, attention_mask, task_id and output ${TEXT_EMBEDS}; found ${found}`,
    );
  }
  return session;
}

/**
 * Runs one padded batch and mean-pools each row over its real tokens. Only `text_embeds` is fetched, so
 * ORT skips the unused pooler head.
 */
export async function runBatch(
  session: InferenceSession,
  rows: readonly (readonly number[])[],
  paddedLength: number,
  padId: number,
  taskId: number,
): Promise<Float32Array[]> {
  const ort = await import('onnxruntime-node');
  const batch = rows.length;
  const ids = new BigInt64Array(batch * paddedLength).fill(BigInt(padId));
  const mask = new BigInt64Array(batch * paddedLength);
  rows.forEach((row, b) => {
    row.forEach((id, s) => {
      ids[b * paddedLength + s] = BigInt(id);
      mask[b * paddedLength + s] = 1n;
    });
  });
  const feeds = {
    input_ids: new ort.Tensor('int64', ids, [batch, paddedLength]),
    attention_mask: new ort.Tensor('int64', mask, [batch, paddedLength]),
    task_id: new ort.Tensor('int64', BigInt64Array.from([BigInt(taskId)]), []),
  };
  const output = (await session.run(feeds, [TEXT_EMBEDS]))[TEXT_EMBEDS];
  if (!output || output.type !== 'float32' || output.dims.length !== 3) {
    throw new PolyseekError(
      'MODEL_INVALID',
      `${TEXT_EMBEDS} should be float32 [batch, seq, hidden], got ${output?.type ?? 'nothing'} [${output?.dims.join(', ') ?? ''}]`,
    );
  }
  const hidden = output.dims[2] ?? 0;
  return meanPool(output.data as Float32Array, mask, batch, paddedLength, hidden);
}
