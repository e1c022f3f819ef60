/**
 * What every extractor returns: the document's text as ordered segments, each with where it came from,
 * so chunks and search results can cite a page, a heading path, a line range, a slide or a sheet.
 */

/** Where a segment sits in its file. Every field is optional; extractors fill what the format knows. */
export interface SegmentLocation {
  /** 1-based page (PDF), slide (PPTX/ODP) or chapter document index (EPUB) where the segment starts. */
  readonly page?: number;
  /** 1-based first and last line in the decoded text (text, code, Markdown, CSV). */
  readonly line?: number;
  readonly lineEnd?: number;
  /** Named part of the file: a sheet name (XLSX/ODS), an EPUB chapter file, a slide title. */
  readonly section?: string;
}

export type SegmentKind = 'heading' | 'text';

export interface Segment {
  readonly kind: SegmentKind;
  /** Heading level 1–6 for `heading` segments. */
  readonly level?: number;
  /** NFC-normalised text; never empty. Paragraph breaks inside a segment are `\n\n`. */
  readonly text: string;
  readonly location: SegmentLocation;
}

export interface Extracted {
  /** Extractor that produced it (`pdf`, `docx`, `text`, …) and its version, stored per file. */
  readonly extractor: string;
  readonly extractorVersion: number;
  readonly segments: Segment[];
  readonly title?: string;
  /** Text encoding found for byte-oriented formats (`UTF-8`, `Shift_JIS`, …). */
  readonly encoding?: string;
  /** Page/slide count where the format has pages. */
  readonly pages?: number;
  /** Non-fatal problems worth showing (a page that failed, a sheet skipped). */
  readonly warnings: string[];
}

/** Why a file yielded no text. Stable: stored in the `files` table and shown to people. */
export const EXTRACT_ERROR_CODES = [
  'ENCRYPTED', // password protected
  'NO_TEXT_LAYER', // scanned PDF without OCR text
  'CORRUPT', // the file is damaged or not what its name says
  'UNSUPPORTED', // a format Polyseek does not read (legacy .doc, binary)
  'EMPTY', // no text at all (zero bytes, whitespace only)
  'TOO_LARGE', // over the size cap
  'TIMEOUT', // extraction ran past its time limit
  'OUT_OF_MEMORY', // extraction ran past its memory limit
  'READ_FAILED', // the file could not be read (permissions, vanished)
] as const;
export type ExtractErrorCode = (typeof EXTRACT_ERROR_CODES)[number];

export class ExtractError extends Error {
  constructor(
    readonly code: ExtractErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ExtractError';
  }
}

export interface ExtractOptions {
  /** Cancels the extraction: a queued file is dropped, a running one has its worker terminated. */
  readonly signal?: AbortSignal;
  /** This file's time limit in milliseconds, overriding the pool's `timeoutMs` (a larger file, a test). */
  readonly timeoutMs?: number;
}

/** A pool of worker threads; each extraction gets a time and memory limit and a crash costs one file. */
export interface ExtractorPool {
  /**
   * Resolves with the text or rejects with an ExtractError whose message starts with the file's name —
   * except when cancelled through `signal`, which rejects with the signal's reason (an AbortError).
   */
  extract(path: string, options?: ExtractOptions): Promise<Extracted>;
  dispose(): Promise<void>;
}
