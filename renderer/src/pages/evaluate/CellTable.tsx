import type { EvalCell, EvalReport, Metric } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { cellLabel, sortCells, type SortKey, type SortOrder } from './cell-table';
import { CellName } from './CellName';

interface Props {
  readonly report: EvalReport;
  readonly order: SortOrder;
  readonly onSort: (key: SortKey) => void;
  /** Cells drawn in the recall chart. */
  readonly chosen: readonly string[];
  readonly onChoose: (cellId: string, on: boolean) => void;
}

const METRIC_COLUMNS: readonly Metric[] = ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'];

/**
 * Every cell with its settings, the five means (nDCG@10 with its interval), time per query and state
 * (a skipped or failed cell says why). Sortable by any column; the best cell carries a ★ Best label and
 * a tinted row, so it is found without telling colours apart.
 */
export function CellTable({ report, order, onSort, chosen, onChoose }: Props) {
  const text = EVALUATE_TEXT.table;
  const cells = sortCells(report.cells, order);
  const header = (key: SortKey, label: string, numeric = false) => (
    <th
      key={key}
      scope="col"
      className={numeric ? 'numeric' : undefined}
      aria-sort={order.key === key ? order.direction : undefined}
    >
      <button type="button" className="sort-button" onClick={() => onSort(key)} title={text.sortBy(label)}>
        {label}
        <span aria-hidden="true" className="sort-mark">
          {order.key === key ? (order.direction === 'ascending' ? '▲' : '▼') : ''}
        </span>
      </button>
    </th>
  );
  return (
    <div className="table-scroll">
      <table className="model-table eval-table">
        <caption className="hint">{text.caption}</caption>
        <thead>
          <tr>
            <th scope="col" className="eval-choose">
              {text.inChart}
            </th>
            {header('setting', text.setting)}
            {METRIC_COLUMNS.map((metric) => header(metric, text.metrics[metric], true))}
            {header('ms', text.ms, true)}
            {header('state', text.state)}
          </tr>
        </thead>
        <tbody>
          {cells.map((cell) => (
            <CellRow
              key={cell.id}
              cell={cell}
              best={cell.id === report.bestCellId}
              chosen={chosen.includes(cell.id)}
              onChoose={(on) => onChoose(cell.id, on)}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RowProps {
  readonly cell: EvalCell;
  readonly best: boolean;
  readonly chosen: boolean;
  readonly onChoose: (on: boolean) => void;
}

function CellRow({ cell, best, chosen, onChoose }: RowProps) {
  const text = EVALUATE_TEXT.table;
  const done = cell.state === 'done' && cell.mean !== null;
  const interval = cell.interval?.ndcg10;
  return (
    <tr data-best={best || undefined} data-state={cell.state}>
      <td className="eval-choose">
        {done && (
          <input
            type="checkbox"
            checked={chosen}
            aria-label={text.inChartLabel(cellLabel(cell.config))}
            onChange={(event) => onChoose(event.target.checked)}
          />
        )}
      </td>
      <th scope="row">
        <CellName config={cell.config} best={best} note={done ? text.queriesNote(cell.queries) : undefined} />
      </th>
      {cell.mean ? (
        <>
          {METRIC_COLUMNS.map((metric) => (
            <td key={metric} className="numeric">
              {EVALUATE_TEXT.metric(cell.mean?.[metric] ?? 0)}
              {metric === 'ndcg10' && interval && interval.high > interval.low && (
                <span className="eval-interval" title={text.intervalLabel(interval.low, interval.high)}>
                  <span className="visually-hidden">{text.intervalLabel(interval.low, interval.high)}</span>
                  <span aria-hidden="true">{text.interval(interval.low, interval.high)}</span>
                </span>
              )}
            </td>
          ))}
          <td className="numeric">{text.msValue(cell.medianQueryMs)}</td>
        </>
      ) : (
        // No numbers: the reason (skipped, failed) spans the number columns instead of six dashes.
        <td colSpan={METRIC_COLUMNS.length + 1} className={cell.problem ? 'eval-problem' : 'muted'}>
          {cell.problem?.message ?? '–'}
        </td>
      )}
      <td>{text.cellStates[cell.state]}</td>
    </tr>
  );
}
