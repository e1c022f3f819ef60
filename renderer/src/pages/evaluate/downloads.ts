import { evalQueriesToCsv, evalReportToCsv, type EvalReport, type EvalRunSummary } from '../../../../shared';

export type ExportKind = 'cells' | 'queries' | 'json';

const SUFFIX: Readonly<Record<ExportKind, string>> = {
  cells: '.csv',
  queries: '-queries.csv',
  json: '.json',
};

const MIME: Readonly<Record<ExportKind, string>> = {
  cells: 'text/csv;charset=utf-8',
  queries: 'text/csv;charset=utf-8',
  json: 'application/json',
};

/** A file-name part from free text: letters and digits of any script kept, the rest one dash, at most 40. */
export function slug(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return [...cleaned].slice(0, 40).join('').replace(/-+$/, '') || 'run';
}

/** `polyseek-eval-scifact-20260304091500-a1b2c3.csv`: sorts by run, says what it holds. */
export function exportFileName(summary: Pick<EvalRunSummary, 'runId' | 'label' | 'datasetName'>, kind: ExportKind) {
  return `polyseek-eval-${slug(summary.label ?? summary.datasetName)}-${summary.runId}${SUFFIX[kind]}`;
}

/** The file's text: the contract's CSV writers, or the report itself as indented JSON. */
export function exportText(report: EvalReport, kind: ExportKind): string {
  if (kind === 'cells') return evalReportToCsv(report);
  if (kind === 'queries') return evalQueriesToCsv(report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * Hands the text to the browser as a download (a Blob behind a temporary link): the same in Electron
 * and over HTTP, with no server route and nothing the page's CSP forbids.
 */
export function downloadExport(report: EvalReport, kind: ExportKind): string {
  const name = exportFileName(report.summary, kind);
  const url = URL.createObjectURL(new Blob([exportText(report, kind)], { type: MIME[kind] }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  return name;
}
