import { formatBytes, type Precision, type ReembedPlan } from '../../../../shared';
import { formatDuration } from '../../text/common';
import { formatList, formatNumber } from '../../text/format';
import { SETTINGS_TEXT } from '../../text/settings';

/** With no index yet, storage is shown per this many passages (a mid-sized folder of documents). */
export const SAMPLE_PASSAGES = 10_000;

/** Bytes one vector set takes, as `index.status` counts it: float32 values plus ⌈dims / 8⌉ code bytes. */
export function vectorSetBytes(passages: number, dims: number): { readonly floats: number; readonly codes: number } {
  return { floats: passages * dims * 4, codes: passages * Math.ceil(dims / 8) };
}

/** One row of the dimensions table: what a dims value costs and how the index would get there. */
export interface DimsRow {
  readonly dims: number;
  /** What the model stores for this setting (its width when narrower). */
  readonly stored: number;
  readonly floats: number;
  readonly codes: number;
  readonly state: string;
}

/**
 * The dimensions table from one plan per dims value (each answers "what if I chose this?"), for the
 * index's passages or, while it has none, for {@link SAMPLE_PASSAGES}.
 */
export function dimsRows(plans: ReadonlyMap<number, ReembedPlan>, dimsOptions: readonly number[]): DimsRow[] {
  const words = SETTINGS_TEXT.dims.states;
  return dimsOptions.flatMap((dims) => {
    const plan = plans.get(dims);
    if (!plan) return [];
    const passages = plan.chunks > 0 ? plan.chunks : SAMPLE_PASSAGES;
    const { floats, codes } = vectorSetBytes(passages, plan.dims);
    let state: string;
    if (plan.dims !== dims) state = words.notOffered(plan.dims);
    else if (plan.action === 'none') state = plan.serving?.dims === plan.dims ? words.serving : words.current;
    else if (plan.chunks === 0) state = words.nothingIndexed;
    else if (plan.action === 'reuse') state = words.stored;
    else if (plan.action === 'derive') state = words.derived(plan.deriveFrom?.dims ?? plan.dims);
    else state = words.encode;
    return [{ dims, stored: plan.dims, floats, codes, state }];
  });
}

/** The plan in sentences, most important first; empty when there is nothing worth saying. */
export function describePlan(plan: ReembedPlan, nextPrecision: Precision): string[] {
  const words = SETTINGS_TEXT.plan;
  if (plan.action === 'none') {
    return plan.requestedDims !== plan.dims && plan.changes.length === 0
      ? [words.capped(plan.requestedDims, plan.dims)]
      : [];
  }
  if (plan.chunks === 0) return [words.emptyIndex];
  const time = (n: number) =>
    plan.speed && n > 0 ? formatDuration(n / plan.speed.chunksPerSecond) : n === 0 ? formatDuration(0) : null;
  const lines: string[] = [];
  if (plan.action === 'encode') {
    lines.push(
      plan.serving
        ? words.encode(plan.chunksToEncode, time(plan.chunksToEncode))
        : words.firstVectors(plan.chunksToEncode, time(plan.chunksToEncode)),
    );
  } else {
    lines.push(
      plan.action === 'derive'
        ? words.derive(plan.chunksToDerive, plan.dims, plan.deriveFrom?.dims ?? plan.dims)
        : words.reuse(plan.chunksReady),
    );
    if (plan.chunksToEncode > 0) lines.push(words.remainder(plan.chunksToEncode, time(plan.chunksToEncode)));
  }
  lines.push(`${words.changes} ${formatList(plan.changes.map((c) => words.settingNames[c]))}.`);
  if (plan.chunks > 0) lines.push(words.newSet(formatBytes(plan.newSetBytes), plan.dims));
  if (plan.speed && plan.chunksToEncode > 0) {
    lines.push(
      words.speed(
        formatNumber(plan.speed.chunksPerSecond, { maximumFractionDigits: 1 }),
        formatNumber(Math.round(plan.speed.tokensPerSecond)),
        plan.speed.precision,
      ),
    );
    if (plan.speed.precision !== nextPrecision) lines.push(words.otherPrecision(plan.speed.precision, nextPrecision));
  }
  return lines;
}

/** Saving this plan starts background work worth following on the Folders page. */
export function startsWork(plan: ReembedPlan | null): boolean {
  return plan !== null && plan.action !== 'none' && plan.chunks > 0;
}
