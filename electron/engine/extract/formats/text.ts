import { decodeBytes } from '../decode';
import { finishExtraction, MAX_SEGMENT_CHARS, SegmentList } from '../segments';
import type { Extracted } from '../types';

export const TEXT_EXTRACTOR_VERSION = 1;

export interface Paragraph {
  readonly text: string;
  /** 1-based first and last line. */
  readonly line: number;
  readonly lineEnd: number;
}

/**
 * Blank-line separated paragraphs with their line ranges. A paragraph grows to about
 * `MAX_SEGMENT_CHARS` and then starts afresh, so every piece keeps an accurate line number.
 */
export function paragraphs(text: string, firstLine = 1): Paragraph[] {
  const out: Paragraph[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  let buffer: string[] = [];
  let size = 0;
  let start = 0;
  const flush = (end: number): void => {
    if (buffer.length > 0) out.push({ text: buffer.join('\n'), line: start + firstLine, lineEnd: end + firstLine });
    buffer = [];
    size = 0;
  };
  lines.forEach((line, index) => {
    if (line.trim() === '') {
      flush(index - 1);
      return;
    }
    if (buffer.length > 0 && size + line.length > MAX_SEGMENT_CHARS) flush(index - 1);
    if (buffer.length === 0) start = index;
    buffer.push(line);
    size += line.length + 1;
  });
  flush(lines.length - 1);
  return out;
}

/** Plain text and source code: encoding detected, paragraphs with line ranges. */
export function extractPlainText(bytes: Uint8Array, extractor: 'text' | 'code'): Extracted {
  const { text, encoding } = decodeBytes(bytes);
  const list = new SegmentList();
  for (const paragraph of paragraphs(text)) {
    list.text(paragraph.text, { line: paragraph.line, lineEnd: paragraph.lineEnd });
  }
  return finishExtraction(extractor, TEXT_EXTRACTOR_VERSION, list, { encoding });
}
