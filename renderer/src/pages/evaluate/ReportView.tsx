import { useMemo, useState } from 'react';

import type { EvalReport, EvalRunSummary } from '../../../../shared';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { formatDateTime } from '../../text/format';
import { cellLabel, DEFAULT_ORDER, initialChartCells, nextOrder, type SortOrder } from './cell-table';
import { CellTable } from './CellTable';
import { dimsChart, recallChart } from './chart-series';
import { ExportButtons } from './ExportButtons';
import { LineChart } from './LineChart';
import { QueryDrillDown } from './QueryDrillDown';
import { isActive } from './run-list';

interface Props {
  readonly report: EvalReport;
  /**
   * The run as its progress events tell it: newer than the report's own summary, which the engine saves
   * only when a cell finishes (so a run that just started still says "queued" there).
   */
  readonly live: EvalRunSummary;
}

/**
 * One run's report: what was measured and how, the two charts, the table of every cell and the
 * per-query drill-down, with the exports. A run still going shows what has finished so far.
 */
export function ReportView({ report, live }: Props) {
  const text = EVALUATE_TEXT.report;
  const summary = live.runId === report.summary.runId ? live : report.summary;
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  // null: the five best so far (follows the run as cells finish); a list once the person ticks a box.
  const [picked, setPicked] = useState<readonly string[] | null>(null);
  const chosen = useMemo(() => picked ?? initialChartCells(report.cells), [picked, report.cells]);
  const dims = useMemo(() => dimsChart(report), [report]);
  const recall = useMemo(() => recallChart(report, chosen), [report, chosen]);
  const best = report.cells.find((cell) => cell.id === report.bestCellId);
  const anyDone = report.cells.some((cell) => cell.state === 'done');
  const encoding = Object.entries(summary.encodeMs);
  const choose = (cellId: string, on: boolean) =>
    setPicked(on ? [...chosen.filter((id) => id !== cellId), cellId] : chosen.filter((id) => id !== cellId));

  return (
    <>
      <Panel title={text.title(EVALUATE_TEXT.runs.name(summary))} aside={<ExportButtons report={report} />}>
        <div className="eval-report-notes">
          {report.model?.synthetic && <p className="notice notice-warning">{text.synthetic(report.model.synthetic)}</p>}
          {isActive(summary) && <p className="notice notice-info">{text.stillRunning}</p>}
          {(summary.state === 'paused' || summary.state === 'cancelled') && (
            <p className="notice notice-info">{text.interrupted}</p>
          )}
          {summary.state === 'failed' && summary.error && (
            <ErrorNotice error={summary.error} context={EVALUATE_TEXT.runs.failedContext} />
          )}
        </div>
        <Facts
          rows={[
            [text.facts.dataset, text.facts.datasetValue(summary)],
            [text.facts.state, EVALUATE_TEXT.runs.states[summary.state]],
            [text.facts.started, formatDateTime(summary.startedAt)],
            ...(summary.finishedAt ? [[text.facts.finished, formatDateTime(summary.finishedAt)] as const] : []),
            ...(report.model ? [[text.facts.model, <code key="model">{report.model.dir}</code>] as const] : []),
            ...(encoding.length > 0 ? [[text.facts.encoding, text.facts.encodingValue(encoding)] as const] : []),
            [text.facts.best, best ? cellLabel(best.config) : text.noBest],
          ]}
        />
        {summary.warnings.length > 0 && (
          <details className="details">
            <summary>{text.warnings(summary.warnings.length)}</summary>
            <ul className="eval-warnings">
              {summary.warnings.map((warning, i) => (
                <li key={i}>{warning}</li>
              ))}
            </ul>
          </details>
        )}
      </Panel>
      {anyDone ? (
        <div className="eval-charts">
          <Panel title={EVALUATE_TEXT.charts.dimsTitle}>
            <p className="hint">{EVALUATE_TEXT.charts.dimsHint}</p>
            {dims.series.length > 0 ? (
              <LineChart data={dims} xTitle={EVALUATE_TEXT.charts.dimsAxis} yTitle="nDCG@10" kind="sizes" />
            ) : (
              <p className="muted">{EVALUATE_TEXT.charts.noDims}</p>
            )}
          </Panel>
          <Panel title={EVALUATE_TEXT.charts.recallTitle}>
            <p className="hint">{EVALUATE_TEXT.charts.recallHint}</p>
            {recall.series.length > 0 ? (
              <LineChart data={recall} xTitle={EVALUATE_TEXT.charts.recallAxis} yTitle="Recall@k" kind="depth" />
            ) : (
              <p className="muted">{EVALUATE_TEXT.charts.noneSelected}</p>
            )}
          </Panel>
        </div>
      ) : (
        <p className="muted">{text.noneDone}</p>
      )}
      <Panel title={EVALUATE_TEXT.table.title}>
        <CellTable
          report={report}
          order={order}
          onSort={(key) => setOrder(nextOrder(order, key))}
          chosen={chosen}
          onChoose={choose}
        />
      </Panel>
      {report.queries.length > 0 && (
        <Panel title={EVALUATE_TEXT.drill.title}>
          <QueryDrillDown report={report} />
        </Panel>
      )}
    </>
  );
}
