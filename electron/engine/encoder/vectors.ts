/**
 * Mean of the token states where `mask` is 1, for each row of a [batch, seq, hidden] output.
 * Padding never contributes, so a text's vector does not depend on what it was batched with.
 */
export function meanPool(
  states: Float32Array,
  mask: BigInt64Array | readonly number[],
  batch: number,
  seq: number,
  hidden: number,
): Float32Array[] {
  if (states.length !== batch * seq * hidden) {
    throw new RangeError(`token states hold ${states.length} values, expected ${batch}×${seq}×${hidden}`);
  }
  const rows: Float32Array[] = [];
  for (let b = 0; b < batch; b += 1) {
    const sum = new Float64Array(hidden);
    let count = 0;
    for (let s = 0; s < seq; s += 1) {
      if (Number(mask[b * seq + s] ?? 0) === 0) continue;
      count += 1;
      const offset = (b * seq + s) * hidden;
      for (let h = 0; h < hidden; h += 1) sum[h] = (sum[h] ?? 0) + (states[offset + h] ?? 0);
    }
    const row = new Float32Array(hidden);
    for (let h = 0; h < hidden; h += 1) row[h] = count === 0 ? 0 : (sum[h] ?? 0) / count;
    rows.push(row);
  }
  return rows;
}

/**
 * Matryoshka: keep the first `dims` values, then L2-normalize. The order matters — normalizing before
 * truncating was a known bug (MODEL.md) and gives vectors that are not unit length.
 */
export function truncateAndNormalize(vector: Float32Array, dims: number): Float32Array {
  if (dims < 1 || dims > vector.length) throw new RangeError(`cannot truncate ${vector.length} dims to ${dims}`);
  const out = vector.slice(0, dims);
  let norm = 0;
  for (const v of out) norm += v * v;
  norm = Math.sqrt(norm);
  if (norm > 0) for (let i = 0; i < out.length; i += 1) out[i] = (out[i] ?? 0) / norm;
  return out;
}

/** Sign bits packed 8 per byte, most significant bit first: bit set where the value is > 0. */
export function binaryCode(vector: Float32Array): Uint8Array {
  const code = new Uint8Array(Math.ceil(vector.length / 8));
  for (let i = 0; i < vector.length; i += 1) {
    if ((vector[i] ?? 0) > 0) code[i >> 3] = (code[i >> 3] ?? 0) | (0x80 >> (i & 7));
  }
  return code;
}

export function cosine(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length) throw new RangeError(`cosine of ${a.length} and ${b.length} dims`);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}
