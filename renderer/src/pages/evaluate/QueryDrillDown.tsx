import { useId, useState } from 'react';

import type { EvalReport, Metric } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { cellLabel, sortCells, DEFAULT_ORDER } from './cell-table';
import { CellName } from './CellName';

const METRICS: readonly Metric[] = ['ndcg10', 'recall10', 'recall100', 'mrr10', 'map'];

/**
 * One query at a time: its metrics in every cell that ran it, and each cell's first ten documents with
 * the grade the dataset gives them (the best cell's list open first). Cells in nDCG@10 order.
 */
export function QueryDrillDown({ report }: { readonly report: EvalReport }) {
  const text = EVALUATE_TEXT.drill;
  const id = useId();
  const [chosen, setChosen] = useState<string | null>(null);
  const query = report.queries.find((q) => q.queryId === chosen) ?? report.queries[0];
  if (!query) return <p className="muted">{text.none}</p>;
  const cells = sortCells(report.cells, DEFAULT_ORDER).filter((cell) => query.cells[cell.id]);
  return (
    <div className="eval-drill">
      <p className="hint">{text.hint}</p>
      <div className="field">
        <label htmlFor={`${id}-query`}>{text.query}</label>
        <select id={`${id}-query`} value={query.queryId} onChange={(event) => setChosen(event.target.value)}>
          {report.queries.map((q) => (
            <option key={q.queryId} value={q.queryId}>
              {text.option(q.queryId, q.text, q.relevant)}
            </option>
          ))}
        </select>
      </div>
      <p className="eval-query-text" dir="auto">
        {query.text}
      </p>
      <div className="table-scroll">
        <table className="model-table eval-table">
          <caption className="visually-hidden">{text.metricsCaption(query.queryId)}</caption>
          <thead>
            <tr>
              <th scope="col">{EVALUATE_TEXT.table.setting}</th>
              {METRICS.map((metric) => (
                <th key={metric} scope="col" className="numeric">
                  {EVALUATE_TEXT.table.metrics[metric]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {cells.map((cell) => {
              const metrics = query.cells[cell.id]?.metrics;
              return (
                <tr key={cell.id} data-best={cell.id === report.bestCellId || undefined}>
                  <th scope="row">
                    <CellName config={cell.config} best={cell.id === report.bestCellId} />
                  </th>
                  {METRICS.map((metric) => (
                    <td key={metric} className="numeric">
                      {metrics ? EVALUATE_TEXT.metric(metrics[metric]) : '–'}
                    </td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <h3 className="eval-subheading">{text.topTitle}</h3>
      {cells.map((cell, index) => {
        const top = query.cells[cell.id]?.top ?? [];
        const found = top.filter((doc) => (doc.grade ?? 0) >= 1).length;
        const label = cellLabel(cell.config);
        return (
          <details key={cell.id} className="eval-top" open={index === 0}>
            <summary>
              {label}
              <span className="muted"> · {text.relevantFound(found, query.relevant)}</span>
            </summary>
            <ol className="eval-docs" aria-label={text.topLabel(label)}>
              {top.map((doc) => (
                <li key={doc.id} data-relevant={(doc.grade ?? 0) >= 1 || undefined}>
                  <span className="eval-doc-title" dir="auto">
                    {doc.title}
                  </span>{' '}
                  <code className="eval-doc-id">{doc.id}</code>{' '}
                  <span className={`badge ${(doc.grade ?? 0) >= 1 ? 'badge-relevant' : ''}`}>
                    {doc.grade === null ? text.unjudged : text.grade(doc.grade)}
                  </span>
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </div>
  );
}
