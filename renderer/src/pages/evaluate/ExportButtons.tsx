import { useState } from 'react';

import type { EvalReport } from '../../../../shared';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { downloadExport, type ExportKind } from './downloads';

const KINDS: readonly ExportKind[] = ['cells', 'queries', 'json'];

/** CSV per cell, CSV per query and cell, and the report as JSON, each saved as a download. */
export function ExportButtons({ report }: { readonly report: EvalReport }) {
  const text = EVALUATE_TEXT.exports;
  const [saved, setSaved] = useState<string | null>(null);
  const labels: Readonly<Record<ExportKind, readonly [string, string]>> = {
    cells: [text.csv, text.csvHint],
    queries: [text.queriesCsv, text.queriesCsvHint],
    json: [text.json, text.jsonHint],
  };
  return (
    <div className="eval-exports" role="group" aria-label={text.label}>
      <span className="muted eval-exports-label" aria-hidden="true">
        {text.label}
      </span>
      {KINDS.map((kind) => (
        <button
          key={kind}
          type="button"
          className="button button-small"
          title={labels[kind][1]}
          onClick={() => setSaved(downloadExport(report, kind))}
        >
          {labels[kind][0]}
        </button>
      ))}
      <span className="visually-hidden" role="status">
        {saved ? text.saved(saved) : ''}
      </span>
    </div>
  );
}
