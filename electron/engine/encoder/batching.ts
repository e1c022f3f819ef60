export interface BatchPlanOptions {
  /**
   * Most padded tokens (batch size × longest sequence) in one run. Attention memory grows with
   * batch × heads × seq², so the budget bounds memory as well as latency. Default 8192.
   */
  readonly tokenBudget?: number;
  /** Most sequences in one run, however short. Default 64. */
  readonly maxBatchSize?: number;
  /**
   * Largest length spread inside a batch, as a share of its longest member (default 0.1), so padding
   * stays near 5 %; spreads of up to `minPadSlack` tokens (default 16) are always allowed, because a few
   * pad tokens on short texts cost less than running them in tiny batches.
   */
  readonly maxLengthSpread?: number;
  readonly minPadSlack?: number;
  /**
   * `length` (default) sorts by length first; `input` keeps the caller's order — the naive way, kept as
   * the benchmark's baseline.
   */
  readonly order?: 'length' | 'input';
}

export interface Batch {
  /** Positions in the caller's input, shortest first within the batch. */
  readonly indices: readonly number[];
  /** Longest sequence in the batch: every row is padded to it. */
  readonly paddedLength: number;
}

/**
 * Groups sequences into runs by a token budget after sorting by length, so each batch pads to a length
 * close to its members' (ENVIRONMENT.md: 1.56× tokens/s over fixed order on a 20–512-token mix). A
 * sequence longer than the budget runs alone. Stable: equal lengths keep input order.
 */
export function planBatches(lengths: readonly number[], options: BatchPlanOptions = {}): Batch[] {
  const budget = options.tokenBudget ?? 8192;
  const maxBatch = options.maxBatchSize ?? 64;
  const spread = options.maxLengthSpread ?? 0.1;
  const slack = options.minPadSlack ?? 16;
  if (!(budget >= 1) || !(maxBatch >= 1)) throw new RangeError('tokenBudget and maxBatchSize must be at least 1');
  const order = lengths.map((_, i) => i);
  if (options.order !== 'input') order.sort((a, b) => (lengths[a] ?? 0) - (lengths[b] ?? 0) || a - b);
  const batches: Batch[] = [];
  let current: number[] = [];
  let longest = 0;
  let shortest = 0;
  for (const index of order) {
    const length = lengths[index] ?? 0;
    const wouldPad = Math.max(longest, length) * (current.length + 1);
    const tooUneven = Math.abs(length - shortest) > Math.max(slack, spread * Math.max(length, shortest));
    if (current.length > 0 && (wouldPad > budget || current.length >= maxBatch || tooUneven)) {
      batches.push({ indices: current, paddedLength: longest });
      current = [];
      longest = 0;
    }
    if (current.length === 0) shortest = length;
    current.push(index);
    longest = Math.max(longest, length);
  }
  if (current.length > 0) batches.push({ indices: current, paddedLength: longest });
  return batches;
}

/** Share of computed positions that are padding, over a plan. */
export function paddingWaste(lengths: readonly number[], batches: readonly Batch[]): number {
  let padded = 0;
  let real = 0;
  for (const batch of batches) {
    padded += batch.paddedLength * batch.indices.length;
    for (const i of batch.indices) real += lengths[i] ?? 0;
  }
  return padded === 0 ? 0 : 1 - real / padded;
}
