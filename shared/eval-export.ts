import type { EvalCell, EvalReport } from './eval';

/**
 * A report as CSV, one row per cell: its settings, the five means with their 95 % intervals, queries,
 * timing and whether it is the best cell. RFC 4180 quoting; numbers with a dot, unrounded past 6 digits.
 */
export function evalReportToCsv(report: EvalReport): string {
  const header = [
    'cell',
    'mode',
    'query_task',
    'passage_task',
    'dims',
    'precision',
    'prefix',
    'state',
    'queries',
    ...['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'].flatMap((m) => [m, `${m}_low`, `${m}_high`]),
    'median_query_ms',
    'best',
    'problem',
  ];
  const rows = report.cells.map((cell) => [
    cell.id,
    cell.config.mode,
    cell.config.queryTask ?? '',
    cell.config.passageTask ?? '',
    cell.config.dims ?? '',
    cell.config.precision ?? '',
    cell.config.prefix === null ? '' : String(cell.config.prefix),
    cell.state,
    cell.queries,
    ...metricColumns(cell),
    round(cell.medianQueryMs),
    String(cell.id === report.bestCellId),
    cell.problem ? `${cell.problem.code}: ${cell.problem.message}` : '',
  ]);
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Per-query rows (query × cell) for the drill-down export. */
export function evalQueriesToCsv(report: EvalReport): string {
  const header = ['query_id', 'query', 'relevant', 'cell', 'ndcg10', 'recall10', 'recall100', 'mrr10', 'map'];
  const rows = report.queries.flatMap((q) =>
    Object.entries(q.cells).map(([cellId, { metrics }]) => [
      q.queryId,
      q.text,
      q.relevant,
      cellId,
      round(metrics.ndcg10),
      round(metrics.recall10),
      round(metrics.recall100),
      round(metrics.mrr10),
      round(metrics.map),
    ]),
  );
  return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

function metricColumns(cell: EvalCell): (number | string)[] {
  const names = ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'] as const;
  return names.flatMap((name) => [
    cell.mean ? round(cell.mean[name]) : '',
    cell.interval ? round(cell.interval[name].low) : '',
    cell.interval ? round(cell.interval[name].high) : '',
  ]);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/u.test(text) ? `"${text.replace(/"/gu, '""')}"` : text;
}
