import { ExtractError, type Extracted, type Segment, type SegmentLocation } from './types';

/**
 * Longest segment text an extractor emits. A 395 KB single-line data URI or a minified bundle would
 * otherwise reach the chunker as one string; pieces of this size keep every later step linear.
 */
export const MAX_SEGMENT_CHARS = 4000;

// C0/C1 controls other than tab and newline, lone surrogates, and noncharacters FFFE/FFFF. PDFs with
// broken ToUnicode maps emit U+0017 and friends (udhr-hi.pdf); a BOM inside text is noise as well.
const NOISE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFEFF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** NFC text with CRLF/CR as LF, control characters dropped, trailing blanks per line trimmed. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u2028|\u2029/g, '\n')
    .replace(NOISE, '')
    .replace(/[ \t\u00A0]+$/gm, '')
    .normalize('NFC');
}

/**
 * Splits text longer than `max` at the last paragraph break, line break, sentence end or space before
 * the limit (in that order of preference); a run with none of them (base64) is cut hard.
 */
export function splitLongText(text: string, max = MAX_SEGMENT_CHARS): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    const floor = Math.floor(max / 2);
    let cut = -1;
    for (const pattern of [/\n\n/g, /\n/g, /[.!?。！？]\s/g, /\s/g]) {
      let last = -1;
      for (const match of window.matchAll(pattern)) last = match.index + match[0].length;
      if (last > floor) {
        cut = last;
        break;
      }
    }
    if (cut < 0) {
      cut = max;
      // Never split a surrogate pair.
      const code = rest.charCodeAt(cut - 1);
      if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    }
    const piece = rest.slice(0, cut).trim();
    if (piece) pieces.push(piece);
    rest = rest.slice(cut);
  }
  const last = rest.trim();
  if (last) pieces.push(last);
  return pieces;
}

/** Collects segments in document order, cleaning text and dropping empty ones. */
export class SegmentList {
  readonly segments: Segment[] = [];

  heading(text: string, level: number, location: SegmentLocation = {}): void {
    const clean = cleanText(text).replace(/\s+/g, ' ').trim();
    if (!clean) return;
    const bounded = Math.min(6, Math.max(1, Math.round(level)));
    for (const piece of splitLongText(clean))
      this.segments.push({ kind: 'heading', level: bounded, text: piece, location });
  }

  text(text: string, location: SegmentLocation = {}): void {
    const clean = cleanText(text)
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!clean) return;
    for (const piece of splitLongText(clean)) this.segments.push({ kind: 'text', text: piece, location });
  }

  get isEmpty(): boolean {
    return this.segments.length === 0;
  }
}

export interface ExtractedFields {
  readonly title?: string;
  readonly encoding?: string;
  readonly pages?: number;
  readonly warnings?: string[];
}

/** The result, or EMPTY when nothing readable was found. */
export function finishExtraction(
  extractor: string,
  version: number,
  list: SegmentList,
  fields: ExtractedFields = {},
): Extracted {
  if (list.isEmpty) throw new ExtractError('EMPTY', 'no text found');
  const title = fields.title ? cleanText(fields.title).replace(/\s+/g, ' ').trim() : '';
  return {
    extractor,
    extractorVersion: version,
    segments: list.segments,
    ...(title ? { title } : {}),
    ...(fields.encoding ? { encoding: fields.encoding } : {}),
    ...(fields.pages !== undefined ? { pages: fields.pages } : {}),
    warnings: fields.warnings ?? [],
  };
}
