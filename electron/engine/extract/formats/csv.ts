import { decodeBytes } from '../decode';
import { finishExtraction, MAX_SEGMENT_CHARS, SegmentList } from '../segments';
import type { Extracted } from '../types';

export const CSV_EXTRACTOR_VERSION = 1;

export interface CsvRow {
  readonly cells: string[];
  /** 1-based first and last line: a quoted field may span lines. */
  readonly line: number;
  readonly lineEnd: number;
}

/** RFC 4180 records: quoted fields with doubled quotes and embedded newlines; CRLF, LF or CR line ends. */
export function parseDelimited(text: string, delimiter: string): CsvRow[] {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let rowStart = 1;
  let fieldStarted = false;
  const endRow = (): void => {
    cells.push(field);
    if (cells.some((cell) => cell.trim() !== '')) rows.push({ cells, line: rowStart, lineEnd: line });
    cells = [];
    field = '';
    fieldStarted = false;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === '\n') line++;
        field += ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldStarted = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      rowStart = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
  }
  if (field !== '' || cells.length > 0) endRow();
  return rows;
}

/** Comma, semicolon or tab: the one that splits the first lines most consistently. */
function guessDelimiter(text: string, fallback: string): string {
  const sample = text.split(/\r?\n/, 10).filter(Boolean);
  let best = fallback;
  let bestScore = 0;
  for (const candidate of [',', ';', '\t', '|']) {
    const counts = sample.map((line) => line.split(candidate).length - 1);
    const min = Math.min(...counts);
    if (min > bestScore) {
      best = candidate;
      bestScore = min;
    }
  }
  return best;
}

/**
 * CSV/TSV: the header row becomes a heading segment, data rows follow as tab-separated lines grouped into
 * segments of about `MAX_SEGMENT_CHARS`, each with its line range.
 */
export function extractDelimited(bytes: Uint8Array, format: 'csv' | 'tsv'): Extracted {
  const { text, encoding } = decodeBytes(bytes);
  const rows = parseDelimited(text, guessDelimiter(text, format === 'tsv' ? '\t' : ','));
  const list = new SegmentList();
  const [header, ...data] = rows;
  if (header) list.heading(header.cells.map((cell) => cell.trim()).join('\t'), 1, { line: header.line });
  let group: CsvRow[] = [];
  let size = 0;
  const flush = (): void => {
    const first = group[0];
    const last = group.at(-1);
    if (first && last) {
      const body = group.map((row) => row.cells.map((cell) => cell.replace(/\s+/g, ' ').trim()).join('\t')).join('\n');
      list.text(body, { line: first.line, lineEnd: last.lineEnd });
    }
    group = [];
    size = 0;
  };
  for (const row of data) {
    const length = row.cells.reduce((sum, cell) => sum + cell.length + 1, 0);
    if (group.length > 0 && size + length > MAX_SEGMENT_CHARS) flush();
    group.push(row);
    size += length;
  }
  flush();
  return finishExtraction(format, CSV_EXTRACTOR_VERSION, list, { encoding });
}
