import type { Batch } from '../../electron/engine/encoder';
import { meanPool } from '../../electron/engine/encoder';

interface PeerModel {
  (inputs: Record<string, unknown>): Promise<Record<string, { data: Float32Array; dims: number[] }>>;
}

/**
 * The same model the way other desktop apps run it: transformers.js `AutoModel` with its own session
 * defaults, fed padded batches, mean-pooled in JS. Called directly with a `task_id` tensor because its
 * feature-extraction pipeline cannot pass one (ENVIRONMENT.md).
 */
export async function loadPeer(modelDir: string, cacheDir: string) {
  const { AutoModel, Tensor, env } = await import('@huggingface/transformers');
  env.allowRemoteModels = false;
  env.cacheDir = cacheDir;
  const started = performance.now();
  const model = (await AutoModel.from_pretrained(modelDir, {
    dtype: 'fp32',
    device: 'cpu',
    local_files_only: true,
    use_external_data_format: true,
  } as never)) as unknown as PeerModel & { dispose(): Promise<void> };
  const loadMs = performance.now() - started;

  async function embed(rows: readonly (readonly number[])[], batches: readonly Batch[], taskId: number, padId: number) {
    const out: Float32Array[] = [];
    for (const batch of batches) {
      const n = batch.indices.length;
      const len = batch.paddedLength;
      const ids = new BigInt64Array(n * len).fill(BigInt(padId));
      const mask = new BigInt64Array(n * len);
      batch.indices.forEach((index, b) =>
        (rows[index] ?? []).forEach((id, s) => {
          ids[b * len + s] = BigInt(id);
          mask[b * len + s] = 1n;
        }),
      );
      const result = await model({
        input_ids: new Tensor('int64', ids, [n, len]),
        attention_mask: new Tensor('int64', mask, [n, len]),
        task_id: new Tensor('int64', BigInt64Array.from([BigInt(taskId)]), []),
      });
      const states = result['text_embeds'];
      if (!states) throw new Error('transformers.js returned no text_embeds');
      out.push(...meanPool(states.data, mask, n, len, states.dims[2] ?? 0));
    }
    return out;
  }
  return { embed, loadMs, dispose: () => model.dispose() };
}
