import { availableParallelism, cpus, loadavg } from 'node:os';

import type { ModelConfig } from '../../electron/engine/encoder';

/** Deterministic PRNG (mulberry32) so every run measures the same corpus. */
export { seededRandom as prng } from '../../electron/engine/random';

const BASE =
  'All human beings are born free and equal in dignity and rights. They are endowed with reason and conscience ' +
  'and should act towards one another in a spirit of brotherhood. Toute personne a droit à la liberté de pensée, ' +
  'de conscience et de religion. Jeder hat das Recht auf Bildung. Всякий человек имеет право на жизнь, на свободу ' +
  'и на личную неприкосновенность. 人人有权享有生命、自由和人身安全。 كل شخص له الحق في التعليم. ';
const WORDS = BASE.repeat(60).split(' ');

/** A text of exactly `tokens` tokens (specials included) when the tokenizer allows, found by bisection. */
export function textOfLength(tokens: number, count: (text: string) => number, offset: number): string {
  let low = 1;
  let high = Math.min(WORDS.length - offset, tokens);
  const make = (n: number) => WORDS.slice(offset, offset + n).join(' ');
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (count(make(mid)) <= tokens) low = mid;
    else high = mid - 1;
  }
  return make(low);
}

/** Per-token FLOPs of a forward pass at sequence length `seq`: the projections, FFN and attention. */
export function flopsPerToken(config: ModelConfig, layers: number, intermediate: number, seq: number): number {
  const h = config.hiddenSize;
  const matmuls = 2 * layers * (4 * h * h + 2 * h * intermediate);
  const attention = 2 * layers * 2 * seq * h;
  return matmuls + attention;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The load averages now, to two decimals. */
export function loadNow(): number[] {
  return loadavg().map((l) => +l.toFixed(2));
}

/** The machine a benchmark ran on, with the load at its start and at its end (the machines are shared). */
export function benchMachine(loadAtStart: readonly number[]) {
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    node: process.version,
    loadavg_at_start: [...loadAtStart],
    loadavg_at_end: loadNow(),
  };
}
