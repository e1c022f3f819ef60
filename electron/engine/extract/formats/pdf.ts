import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';

import type * as PdfJsModule from 'pdfjs-dist/legacy/build/pdf.mjs';

import { cleanText, finishExtraction, SegmentList } from '../segments';
import { ExtractError, type Extracted } from '../types';

export const PDF_EXTRACTOR_VERSION = 1;

type PdfJs = typeof PdfJsModule;
let pdfjs: Promise<PdfJs> | null = null;

/** pdf.js is 3 MB of JavaScript: loaded on the first PDF, once per worker (evicted if loading fails). */
function loadPdfJs(): Promise<PdfJs> {
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs').catch((error: unknown) => {
    pdfjs = null;
    throw error;
  });
  return pdfjs;
}

/** CMaps (CJK CID fonts), standard fonts and wasm decoders ship in the package; pdf.js reads them by path. */
function packageDir(): string {
  return dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
}

interface PositionedText {
  readonly str: string;
  readonly dir: string;
  readonly transform: number[];
  readonly width: number;
  readonly height: number;
  readonly hasEOL: boolean;
}

function isText(item: object): item is PositionedText {
  return 'str' in item && 'transform' in item;
}

// Arabic presentation forms, Latin ligatures and CJK vertical/compatibility forms decode to their base
// letters under NFKC; the rest of the text keeps NFC, so full-width Latin or circled digits stay as written.
const COMPATIBILITY_FORMS = /[\uFB00-\uFDFF\uFE10-\uFE1F\uFE30-\uFE4F\uFE70-\uFEFE]+/g;

export function normalizePdfText(text: string): string {
  return text.replace(COMPATIBILITY_FORMS, (run) => run.normalize('NFKC'));
}

/**
 * One page's text in content-stream order (pdf.js already orders bidi runs logically). Line breaks come
 * from pdf.js's end-of-line marks and baseline changes, blank lines from gaps taller than ~2 lines, and
 * spaces from horizontal gaps that the PDF did not fill with a space glyph.
 */
export function pageText(items: readonly object[]): string {
  let out = '';
  let last: PositionedText | null = null;
  for (const item of items) {
    if (!isText(item)) continue;
    const height = Math.abs(item.height || item.transform[3] || 0) || 10;
    if (last && last.dir !== 'ttb' && item.dir !== 'ttb') {
      const dy = Math.abs((item.transform[5] ?? 0) - (last.transform[5] ?? 0));
      const gapX = (item.transform[4] ?? 0) - ((last.transform[4] ?? 0) + last.width);
      if (dy > 2 * height && item.str.trim()) out = out.replace(/\n?$/, '\n\n');
      else if (dy > 0.6 * height && !out.endsWith('\n')) out += '\n';
      else if (dy <= 0.6 * height && gapX > 0.2 * height && !/\s$/.test(out) && !/^\s/.test(item.str)) out += ' ';
    }
    out += item.str;
    if (item.hasEOL) out += '\n';
    if (item.str || item.hasEOL) last = item;
  }
  return normalizePdfText(out);
}

function errorName(error: unknown): string {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : '';
}

/** PDF via pdf.js: text per page with page numbers; encrypted, scanned and broken files get their own codes. */
export async function extractPdf(bytes: Uint8Array): Promise<Extracted> {
  const { getDocument } = await loadPdfJs();
  const base = packageDir();
  const task = getDocument({
    // pdf.js transfers (detaches) the buffer it is given; the caller's bytes stay usable.
    data: new Uint8Array(bytes),
    cMapUrl: join(base, 'cmaps') + sep,
    cMapPacked: true,
    standardFontDataUrl: join(base, 'standard_fonts') + sep,
    wasmUrl: join(base, 'wasm') + sep,
    iccUrl: join(base, 'iccs') + sep,
    useSystemFonts: false,
    disableFontFace: true,
    isEvalSupported: false,
    verbosity: 0,
  });
  let document;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy().catch(() => undefined);
    if (errorName(error) === 'PasswordException')
      throw new ExtractError('ENCRYPTED', 'password protected', { cause: error });
    const reason = error instanceof Error ? error.message : String(error);
    throw new ExtractError('CORRUPT', `not a readable PDF (${reason})`, { cause: error });
  }
  try {
    const list = new SegmentList();
    const warnings: string[] = [];
    let failed = 0;
    for (let number = 1; number <= document.numPages; number++) {
      try {
        const page = await document.getPage(number);
        const content = await page.getTextContent();
        for (const paragraph of pageText(content.items).split(/\n{2,}/)) list.text(paragraph, { page: number });
        page.cleanup();
      } catch (error) {
        failed += 1;
        warnings.push(`page ${number}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (failed === document.numPages && failed > 0) {
      throw new ExtractError('CORRUPT', `no page could be read (${warnings[0] ?? 'unknown error'})`);
    }
    if (list.isEmpty) throw new ExtractError('NO_TEXT_LAYER', 'no text layer (scanned)');
    const metadata = await document.getMetadata().catch(() => null);
    const info: unknown = metadata?.info;
    const rawTitle = typeof info === 'object' && info !== null && 'Title' in info ? info.Title : undefined;
    const title = typeof rawTitle === 'string' ? cleanText(rawTitle) : '';
    return finishExtraction('pdf', PDF_EXTRACTOR_VERSION, list, {
      pages: document.numPages,
      warnings,
      ...(title ? { title } : {}),
    });
  } finally {
    await document.destroy();
  }
}
