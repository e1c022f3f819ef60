import { open, stat } from 'node:fs/promises';
import { basename } from 'node:path';

import { detectFormat, DETECT_HEAD_BYTES, type DetectedFormat, type DocumentFormat } from './detect-format';
import { extractDelimited } from './formats/csv';
import { extractDocx } from './formats/docx';
import { extractEpub } from './formats/epub';
import { extractHtml } from './formats/html';
import { extractJson } from './formats/json';
import { extractMarkdown } from './formats/markdown';
import { extractOdf } from './formats/odf';
import { extractPdf } from './formats/pdf';
import { extractPptx } from './formats/pptx';
import { extractRtf } from './formats/rtf';
import { extractPlainText } from './formats/text';
import { extractXlsx } from './formats/xlsx';
import { extractXml } from './formats/xml';
import { DEFAULT_MAX_FILE_BYTES } from './limits';
import { rejectCompoundFile } from './ole2';
import { ExtractError, type Extracted } from './types';
import { ZipArchive } from './zip-archive';

export interface ExtractFileOptions {
  /** Files larger than this many bytes are refused with TOO_LARGE before reading. Default 200 MiB. */
  readonly maxBytes?: number;
  /**
   * The V8 heap this extraction may use, in bytes (a worker's limit). A text format larger than half of it
   * is refused with TOO_LARGE: decoding allocates the whole text as one string, and V8 aborts the whole
   * process — not just the worker — when one allocation cannot fit. Default: no check.
   */
  readonly heapBytes?: number;
}

const TEXT_FORMATS = new Set<DetectedFormat>(['text', 'code', 'markdown', 'html', 'xml', 'json', 'csv', 'tsv', 'rtf']);

/** A zip container's format from its entries, for files whose name does not say. */
function zipFormat(zip: ZipArchive): DocumentFormat {
  if (zip.has('word/document.xml')) return 'docx';
  if (zip.has('xl/workbook.xml')) return 'xlsx';
  if (zip.has('ppt/presentation.xml')) return 'pptx';
  const mimetype = zip.readText('mimetype')?.trim();
  if (mimetype === 'application/epub+zip' || zip.has('META-INF/container.xml')) return 'epub';
  if (mimetype?.startsWith('application/vnd.oasis.opendocument.')) {
    if (mimetype.includes('spreadsheet')) return 'ods';
    if (mimetype.includes('presentation')) return 'odp';
    return 'odt';
  }
  throw new ExtractError('UNSUPPORTED', 'ZIP archive that is not an Office, OpenDocument or EPUB document');
}

function extractZip(bytes: Uint8Array, detected: DetectedFormat): Extracted {
  const zip = new ZipArchive(bytes);
  let format = detected === 'zip' ? zipFormat(zip) : detected;
  // A renamed container (.docx that is really a workbook) is read as what its entries say.
  if (format === 'docx' && !zip.has('word/document.xml')) format = zipFormat(zip);
  if (format === 'xlsx' && !zip.has('xl/workbook.xml')) format = zipFormat(zip);
  if (format === 'pptx' && !zip.has('ppt/presentation.xml')) format = zipFormat(zip);
  switch (format) {
    case 'docx':
      return extractDocx(zip);
    case 'xlsx':
      return extractXlsx(zip);
    case 'pptx':
      return extractPptx(zip);
    case 'odt':
    case 'ods':
    case 'odp':
      return extractOdf(zip, format);
    case 'epub':
      return extractEpub(zip);
    default:
      throw new ExtractError('UNSUPPORTED', `unexpected container format ${format}`);
  }
}

/** Extracts text from bytes whose format is known. Throws ExtractError. */
export async function extractBytes(bytes: Uint8Array, format: DetectedFormat): Promise<Extracted> {
  switch (format) {
    case 'text':
    case 'code':
      return extractPlainText(bytes, format);
    case 'markdown':
      return extractMarkdown(bytes);
    case 'html':
      return extractHtml(bytes);
    case 'xml':
      return extractXml(bytes);
    case 'json':
      return extractJson(bytes);
    case 'csv':
    case 'tsv':
      return extractDelimited(bytes, format);
    case 'rtf':
      return extractRtf(bytes);
    case 'pdf':
      return extractPdf(bytes);
    case 'ole2':
      return rejectCompoundFile(bytes);
    case 'binary':
      throw new ExtractError('UNSUPPORTED', 'binary file (not a document format Polyseek reads)');
    default:
      return extractZip(bytes, format);
  }
}

function ioError(error: unknown): ExtractError {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason =
    code === 'ENOENT' ? 'the file vanished' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : '';
  const message = reason || (error instanceof Error ? error.message : String(error));
  return new ExtractError('READ_FAILED', `cannot read the file: ${message}`, { cause: error });
}

/** Blank bytes only (spaces, tabs, newlines, a lone BOM): nothing to index. */
function isBlank(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (
      byte !== 0x20 &&
      byte !== 0x09 &&
      byte !== 0x0a &&
      byte !== 0x0d &&
      byte !== 0xef &&
      byte !== 0xbb &&
      byte !== 0xbf
    )
      return false;
  }
  return true;
}

async function readWhole(path: string, maxBytes: number): Promise<Uint8Array> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw ioError(error);
  }
  if (!info.isFile()) throw new ExtractError('READ_FAILED', 'not a regular file');
  if (info.size > maxBytes) {
    const mib = (value: number): string => (value / 1024 / 1024).toFixed(1);
    throw new ExtractError('TOO_LARGE', `${mib(info.size)} MiB is over the ${mib(maxBytes)} MiB size cap`);
  }
  try {
    const handle = await open(path, 'r');
    try {
      // Read at most the cap + 1 even if the file grew since stat.
      const buffer = Buffer.alloc(Math.min(info.size, maxBytes) + 1);
      let length = 0;
      while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
        if (bytesRead === 0) break;
        length += bytesRead;
      }
      if (length > maxBytes) throw new ExtractError('TOO_LARGE', 'the file grew past the size cap while being read');
      return buffer.subarray(0, length);
    } finally {
      await handle.close();
    }
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    throw ioError(error);
  }
}

/** `report.pdf: password protected` — the file's name leads every message, as people read them in lists. */
export function namedError(path: string, error: ExtractError): ExtractError {
  const name = basename(path);
  if (error.message.startsWith(`${name}: `)) return error;
  return new ExtractError(error.code, `${name}: ${error.message}`, { cause: error.cause ?? error });
}

/**
 * Extracts one file in this thread (the pool runs this in workers; tests and tools call it directly).
 * Rejects only with ExtractError; its message starts with the file's name.
 */
export async function extractFile(path: string, options: ExtractFileOptions = {}): Promise<Extracted> {
  try {
    return await extractUnnamed(path, options);
  } catch (error) {
    throw namedError(path, error as ExtractError);
  }
}

async function extractUnnamed(path: string, options: ExtractFileOptions): Promise<Extracted> {
  const bytes = await readWhole(path, options.maxBytes ?? DEFAULT_MAX_FILE_BYTES);
  if (bytes.length === 0) throw new ExtractError('EMPTY', 'the file is empty (0 bytes)');
  if (isBlank(bytes)) throw new ExtractError('EMPTY', 'the file holds only whitespace');
  const format = detectFormat(path, bytes.subarray(0, DETECT_HEAD_BYTES));
  if (options.heapBytes !== undefined && TEXT_FORMATS.has(format) && bytes.length > options.heapBytes / 2) {
    const mib = (value: number): string => (value / 1024 / 1024).toFixed(0);
    throw new ExtractError(
      'TOO_LARGE',
      `${mib(bytes.length)} MiB of ${format} does not fit the ${mib(options.heapBytes)} MiB memory limit`,
    );
  }
  try {
    return await extractBytes(bytes, format);
  } catch (error) {
    if (error instanceof ExtractError) throw error;
    if (error instanceof RangeError && /allocation|memory/i.test(error.message))
      throw new ExtractError('OUT_OF_MEMORY', `ran out of memory reading ${format}`, { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExtractError('CORRUPT', `cannot read this ${format} file (${reason})`, { cause: error });
  }
}
