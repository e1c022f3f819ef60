import type { EvalCell, EvalReport, EvalRunSummary, TestSet } from '../../shared';
import { formatDuration, progressBar } from './progress-line';

/** `encoding 120 documents with retrieval.passage, fp32  [####------]  40%  96/240  cells 1/3` */
export function describeEvalProgress(summary: EvalRunSummary): string {
  const parts = [summary.activity ?? summary.state];
  if (summary.total > 0) parts.push(progressBar(summary.done / summary.total), `${summary.done}/${summary.total}`);
  parts.push(`cells ${summary.cellsDone}/${summary.cells}`);
  return parts.join('  ');
}

/** Why the numbers of a synthetic model mean nothing about meaning; null for a real model. */
export function syntheticWarning(report: EvalReport): string | null {
  const preset = report.model?.synthetic;
  if (!preset) return null;
  return (
    `warning: the model is the synthetic "${preset}" stand-in (random weights): ` +
    'these numbers test the pipeline, they are NOT semantic quality'
  );
}

/** The run's header, its cells as a table (best marked `*`), then skipped or failed cells with reasons. */
export function formatEvalReport(report: EvalReport): string {
  const { summary } = report;
  const lines = [`${describeRun(summary)}: ${summary.state}${elapsed(summary)}`];
  const warning = syntheticWarning(report);
  if (warning) lines.push(warning);
  if (summary.error) lines.push(`error: ${summary.error.code}: ${summary.error.message}`);
  lines.push('');
  const header = ['', 'mode', 'query', 'passage', 'dims', 'precision', 'prefix', 'nDCG@10 [95 % CI]'];
  header.push('R@10', 'R@100', 'MRR@10', 'MAP', 'queries', 'ms/query');
  const rows = report.cells.map((cell) => cellRow(cell, cell.id === report.bestCellId));
  lines.push(...alignColumns([header, ...rows], new Set([4, 8, 9, 10, 11, 12, 13])));
  const best = report.cells.find((c) => c.id === report.bestCellId);
  if (best?.mean) lines.push('', `* best: ${describeConfig(best)} (nDCG@10 ${fixed(best.mean.ndcg10)})`);
  const problems = report.cells.filter((c) => c.problem && (c.state === 'skipped' || c.state === 'failed'));
  if (problems.length > 0) lines.push('');
  for (const cell of problems) {
    lines.push(`${cell.state}: ${describeConfig(cell)} — ${cell.problem?.code}: ${cell.problem?.message}`);
  }
  const encoding = Object.entries(summary.encodeMs);
  if (encoding.length > 0) {
    lines.push(
      '',
      `encoding: ${encoding.map(([key, ms]) => `${key.replaceAll('|', ', ')} ${seconds(ms)}`).join('; ')}`,
    );
  }
  for (const warningText of summary.warnings) lines.push(`note: ${warningText}`);
  return lines.join('\n');
}

/** One line per run, newest first. */
export function formatEvalRuns(runs: readonly EvalRunSummary[]): string {
  if (runs.length === 0) return 'no evaluation runs yet — `polyseek eval DATASET` starts one';
  const rows = runs.map((run) => [
    run.runId,
    run.state,
    run.datasetName + (run.dataset.kind === 'testset' ? ' (test set)' : ''),
    `${run.cellsDone}/${run.cells} cells`,
    count(run.queries, 'query', 'queries'),
    run.startedAt.slice(0, 16).replace('T', ' '),
    run.label ? JSON.stringify(run.label) : '',
  ]);
  return alignColumns(rows, new Set()).join('\n');
}

export function formatTestSets(sets: readonly TestSet[]): string {
  if (sets.length === 0) return 'no test sets yet — `polyseek eval judge --set NAME "QUERY" PATH=GRADE` makes one';
  return sets.map(formatTestSet).join('\n');
}

export function formatTestSet(set: TestSet): string {
  const judgments = set.queries.reduce((sum, q) => sum + q.judgments.length, 0);
  const lines = [
    `${set.name}: ${count(set.queries.length, 'query', 'queries')}, ${count(judgments, 'judgment')} (${set.dir})`,
  ];
  for (const query of set.queries) {
    const marks = query.judgments.map((j) => `${j.path} = ${j.grade}`);
    lines.push(`  ${query.id} ${JSON.stringify(query.text)}`, ...marks.map((m) => `      ${m}`));
  }
  return lines.join('\n');
}

export function describeRun(summary: EvalRunSummary): string {
  const label = summary.label ? ` ${JSON.stringify(summary.label)}` : '';
  const kind = summary.dataset.kind === 'testset' ? 'test set ' : '';
  return (
    `run ${summary.runId}${label} — ${kind}${summary.datasetName} ` +
    `(${count(summary.documents, 'document')}, ${count(summary.queries, 'judged query', 'judged queries')}, ` +
    `${count(summary.cells, 'cell')})`
  );
}

function cellRow(cell: EvalCell, best: boolean): string[] {
  const c = cell.config;
  const settings = [
    best ? '*' : '',
    c.mode,
    c.queryTask ?? '–',
    c.passageTask ?? '–',
    c.dims === null ? '–' : String(c.dims),
    c.precision ?? '–',
    c.prefix === null ? '–' : c.prefix ? 'on' : 'off',
  ];
  if (cell.state !== 'done' || !cell.mean) return [...settings, cell.state];
  const m = cell.mean;
  const ci = cell.interval ? ` [${fixed(cell.interval.ndcg10.low)}–${fixed(cell.interval.ndcg10.high)}]` : '';
  return [
    ...settings,
    `${fixed(m.ndcg10)}${ci}`,
    fixed(m.recall10),
    fixed(m.recall100),
    fixed(m.mrr10),
    fixed(m.map),
    String(cell.queries),
    cell.medianQueryMs.toFixed(1),
  ];
}

export function describeConfig(cell: EvalCell): string {
  const c = cell.config;
  if (c.mode === 'keyword') return 'keyword';
  return `${c.mode}, query ${c.queryTask}, passage ${c.passageTask}, ${c.dims} dims, ${c.precision}, prefix ${c.prefix ? 'on' : 'off'}`;
}

/** Pads every column to its widest cell; columns in `right` are right-aligned (numbers). */
export function alignColumns(rows: readonly string[][], right: ReadonlySet<number>): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  return rows.map((row) =>
    row
      .map((cell, i) => (right.has(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
}

function fixed(value: number): string {
  return value.toFixed(3);
}

function elapsed(summary: EvalRunSummary): string {
  if (!summary.finishedAt) return '';
  return ` in ${seconds(Date.parse(summary.finishedAt) - Date.parse(summary.startedAt))}`;
}

export function seconds(ms: number): string {
  return ms < 60_000 ? `${(ms / 1000).toFixed(1)} s` : formatDuration(ms / 1000);
}

export function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}
