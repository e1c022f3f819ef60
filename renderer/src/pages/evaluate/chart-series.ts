import { SEARCH_MODES, type EvalCell, type EvalCellConfig, type EvalReport } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { cellLabel } from './cell-table';

/**
 * One line of a chart: its name, a value per x label (null where the cell did not finish), and how it is
 * drawn. `style` picks colour and marker, the same for the same settings in both charts; `dash` tells
 * apart sizes of one setting in the recall chart.
 */
export interface ChartSeries {
  readonly key: string;
  readonly label: string;
  readonly points: readonly (number | null)[];
  readonly style: number;
  readonly dash: number;
}

export interface ChartData {
  readonly labels: readonly string[];
  readonly series: readonly ChartSeries[];
  /** The sentence a screen reader hears instead of the picture. */
  readonly summary: string;
}

function finished(cell: EvalCell): cell is EvalCell & { mean: NonNullable<EvalCell['mean']> } {
  return cell.state === 'done' && cell.mean !== null;
}

/** Everything that tells two lines of the dims chart apart: all of the cell's settings but dims. */
export function seriesKey(config: EvalCellConfig): string {
  if (config.mode === 'keyword') return 'keyword';
  return [
    config.mode,
    config.queryTask,
    config.passageTask,
    config.precision,
    config.prefix ? 'prefix' : 'no-prefix',
  ].join('|');
}

function seriesLabel(config: EvalCellConfig): string {
  const text = EVALUATE_TEXT.table;
  if (config.mode === 'keyword') return EVALUATE_TEXT.charts.keywordSeries;
  return [
    config.mode,
    `${config.queryTask ?? '?'} → ${config.passageTask ?? '?'}`,
    config.precision,
    config.prefix ? text.prefix : text.noPrefix,
  ]
    .filter((part): part is string => part !== null)
    .join(' · ');
}

/**
 * nDCG@10 against dimensions: x is every size some finished cell searched at (ascending), one line per
 * (mode, query adapter, passage adapter, precision, prefix). Keyword cells use no vectors: their one
 * value is drawn flat across every size, as the line the vector settings have to beat.
 */
export function dimsChart(report: Pick<EvalReport, 'cells'>): ChartData {
  const done = report.cells.filter(finished);
  const styles = seriesStyles(report);
  const dims = [...new Set(done.map((c) => c.config.dims).filter((d): d is number => d !== null))].sort(
    (a, b) => a - b,
  );
  const groups = new Map<string, { config: EvalCellConfig; byDims: Map<number | null, number> }>();
  for (const cell of done) {
    const key = seriesKey(cell.config);
    const group = groups.get(key) ?? { config: cell.config, byDims: new Map() };
    group.byDims.set(cell.config.dims, cell.mean.ndcg10);
    groups.set(key, group);
  }
  const series = [...groups]
    .sort(([, a], [, b]) => SEARCH_MODES.indexOf(a.config.mode) - SEARCH_MODES.indexOf(b.config.mode))
    .map(([key, { config, byDims }]) => ({
      key,
      label: seriesLabel(config),
      style: styles.get(key) ?? 0,
      dash: 0,
      points:
        config.mode === 'keyword' ? dims.map(() => byDims.get(null) ?? null) : dims.map((d) => byDims.get(d) ?? null),
    }));
  // With only keyword cells there is no size to put them at: nothing to draw against dimensions.
  const drawn = dims.length > 0 ? series : [];
  const best = done
    .filter((c) => c.config.dims !== null)
    .reduce<(typeof done)[number] | null>((top, c) => (top && top.mean.ndcg10 >= c.mean.ndcg10 ? top : c), null);
  const highest = best
    ? EVALUATE_TEXT.charts.highest(seriesLabel(best.config), best.config.dims ?? 0, best.mean.ndcg10)
    : null;
  return {
    labels: dims.map(String),
    series: drawn,
    summary: EVALUATE_TEXT.charts.dimsSummary(drawn.length, dims.length, highest),
  };
}

/** Each series key's drawing style: finished settings in mode order (hybrid, semantic, keyword), then run order. */
function seriesStyles(report: Pick<EvalReport, 'cells'>): Map<string, number> {
  const keys = report.cells
    .filter(finished)
    .map((cell, i) => ({ key: seriesKey(cell.config), mode: SEARCH_MODES.indexOf(cell.config.mode), i }))
    .sort((a, b) => a.mode - b.mode || a.i - b.i)
    .map((entry) => entry.key);
  return new Map([...new Set(keys)].map((key, i) => [key, i]));
}

/** k = 1…100, as the engine's recall curves hold them. */
export const RECALL_DEPTH = 100;

/** Recall@k curves of the chosen cells (finished ones only), in the order they were chosen. */
export function recallChart(report: Pick<EvalReport, 'cells'>, chosen: readonly string[]): ChartData {
  const byId = new Map(report.cells.filter(finished).map((cell) => [cell.id, cell]));
  const cells = chosen.flatMap((id) => {
    const cell = byId.get(id);
    return cell ? [cell] : [];
  });
  const styles = seriesStyles(report);
  const sizes = [...new Set(report.cells.filter(finished).map((c) => c.config.dims))]
    .filter((d): d is number => d !== null)
    .sort((a, b) => a - b);
  const series = cells.map((cell) => ({
    key: cell.id,
    label: cellLabel(cell.config),
    style: styles.get(seriesKey(cell.config)) ?? 0,
    dash: cell.config.dims === null ? 0 : Math.max(0, sizes.indexOf(cell.config.dims)),
    points: Array.from({ length: RECALL_DEPTH }, (_, k) => cell.recallCurve[k] ?? null),
  }));
  const parts = cells.map((cell) =>
    EVALUATE_TEXT.charts.recallAt(cellLabel(cell.config), cell.recallCurve[9] ?? 0, cell.recallCurve[99] ?? 0),
  );
  return {
    labels: Array.from({ length: RECALL_DEPTH }, (_, k) => String(k + 1)),
    series,
    summary: EVALUATE_TEXT.charts.recallSummary(parts),
  };
}
