import { SEARCH_MODES, type EvalCell, type EvalCellConfig, type Metric } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';

export type SortKey = 'setting' | Metric | 'ms' | 'state';
export type SortDirection = 'ascending' | 'descending';
export interface SortOrder {
  readonly key: SortKey;
  readonly direction: SortDirection;
}

/** Best first: the order people read a results table in. */
export const DEFAULT_ORDER: SortOrder = { key: 'ndcg10', direction: 'descending' };

/** Clicking a column sorts by it; clicking it again flips the direction. Numbers start high, text A–Z. */
export function nextOrder(current: SortOrder, key: SortKey): SortOrder {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: key === 'setting' || key === 'ms' || key === 'state' ? 'ascending' : 'descending' };
}

/**
 * A cell's settings in two parts: how it searches ("hybrid · retrieval.query → retrieval.passage") and
 * with which vectors ("256 dims · int8 · prefix"); keyword cells use none and say so.
 */
export function cellLabelParts(config: EvalCellConfig): readonly [string, string] {
  const text = EVALUATE_TEXT.table;
  if (config.mode === 'keyword') return ['keyword', text.noVectors];
  const vectors = [
    config.dims === null ? null : text.dims(config.dims),
    config.precision,
    config.prefix === null ? null : config.prefix ? text.prefix : text.noPrefix,
  ].filter((part): part is string => part !== null);
  return [`${config.mode} · ${config.queryTask ?? '?'} → ${config.passageTask ?? '?'}`, vectors.join(' · ')];
}

/** "hybrid · retrieval.query → retrieval.passage · 256 dims · int8 · prefix"; "keyword · no vectors". */
export function cellLabel(config: EvalCellConfig): string {
  return cellLabelParts(config).join(' · ');
}

const STATE_ORDER: readonly EvalCell['state'][] = ['done', 'running', 'pending', 'skipped', 'failed'];

/** Sort key of a cell's settings: mode in the contract's order, then the axes as they read. */
function settingKey(config: EvalCellConfig): string {
  const mode = SEARCH_MODES.indexOf(config.mode);
  return [
    mode,
    config.queryTask ?? '',
    config.passageTask ?? '',
    String(config.dims ?? 0).padStart(5, '0'),
    config.precision ?? '',
    config.prefix ? 0 : 1,
  ].join('|');
}

function numericValue(cell: EvalCell, key: Metric | 'ms'): number | null {
  if (cell.state !== 'done' || !cell.mean) return null;
  return key === 'ms' ? cell.medianQueryMs : cell.mean[key];
}

/** Equal numbers: the engine's tie-break for the best cell (higher Recall@100, then fewer dims). */
function betterFirst(a: EvalCell, b: EvalCell): number {
  return (b.mean?.recall100 ?? 0) - (a.mean?.recall100 ?? 0) || (a.config.dims ?? 0) - (b.config.dims ?? 0);
}

/**
 * The cells in the chosen order. Cells without numbers (not done) always come after those with numbers,
 * whichever the direction; equal numbers are broken as the engine picks the best cell, then keep the
 * run's own order (the sort is stable).
 */
export function sortCells(cells: readonly EvalCell[], order: SortOrder): EvalCell[] {
  const sign = order.direction === 'ascending' ? 1 : -1;
  const { key } = order;
  if (key === 'setting') {
    return [...cells].sort((a, b) => sign * settingKey(a.config).localeCompare(settingKey(b.config)));
  }
  if (key === 'state') {
    return [...cells].sort((a, b) => sign * (STATE_ORDER.indexOf(a.state) - STATE_ORDER.indexOf(b.state)));
  }
  return [...cells].sort((a, b) => {
    const [x, y] = [numericValue(a, key), numericValue(b, key)];
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return sign * (x - y) || betterFirst(a, b);
  });
}

/** The recall chart starts with the best `n` finished cells by nDCG@10. */
export function initialChartCells(cells: readonly EvalCell[], n = 5): string[] {
  return sortCells(cells, DEFAULT_ORDER)
    .filter((cell) => cell.state === 'done' && cell.mean)
    .slice(0, n)
    .map((cell) => cell.id);
}
