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
}

/**
 * Opens one ORT session with options chosen on purpose:
 * - graph optimization `all`: fuses the erf-GELU, LayerNorm and attention patterns (measured ~15 % on
 *   the full-size model; load takes 6–7 s, most of it weight pre-packing, which pays back per call);
 * - intra-op threads = physical cores, inter-op 1 and sequential execution: the graph is one chain of
 *   GEMMs, so parallel branches would only contend for the same cores;
 * - CPU memory arena on (batches repeat similar shapes), memory pattern off (shapes change every
 *   batch, so a planned pattern is never reused).
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
    enableMemPattern: false,
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
