/**
 * Cuts token ids (with `<s>` … `</s>` already added) to `maxTokens`, keeping the closing `</s>`:
 * transformers.js's own truncation drops it, and the model was trained with it present.
 */
export function truncateKeepingEos(
  ids: readonly number[],
  maxTokens: number,
  eosId: number,
): { ids: number[]; truncated: boolean } {
  if (maxTokens < 2) throw new RangeError('maxTokens must leave room for <s> and </s>');
  if (ids.length <= maxTokens) return { ids: [...ids], truncated: false };
  const kept = ids.slice(0, maxTokens - 1);
  kept.push(eosId);
  return { ids: kept, truncated: true };
}
