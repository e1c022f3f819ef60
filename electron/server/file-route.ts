import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { basename, extname } from 'node:path';

import { PolyseekError, err, errorMessage } from '../../shared';
import { DETECT_HEAD_BYTES, detectFormat, type DetectedFormat } from '../engine/extract/detect-format';
import type { CheckedFile } from '../engine/search/open-file';
import type { FileTickets } from './file-tickets';
import { SECURITY_HEADERS, sendResult } from './http-util';

/** `GET /api/file?path=…[&expires=…&ticket=…]`: an indexed file's bytes, for clients on other machines. */
export const FILE_ROUTE = '/api/file';

/**
 * The URL `file.open` answers with when the server cannot open files where the client is: relative, so
 * the browser resolves it against the address it already uses (a server bound to 0.0.0.0 does not
 * know that name), with a ticket when a token guards the server, and `#page=N` for PDFs.
 */
export function fileUrl(path: string, page: number | undefined, tickets: FileTickets | null): string {
  const query = new URLSearchParams({ path });
  if (tickets) for (const [name, value] of Object.entries(tickets.issue(path))) query.set(name, value);
  const fragment = page !== undefined && extname(path).toLowerCase() === '.pdf' ? `#page=${page}` : '';
  return `${FILE_ROUTE}?${query.toString()}${fragment}`;
}

/** Office and e-book types make the browser hand the file to the right application. */
const OFFICE_TYPES: Partial<Record<DetectedFormat, string>> = {
  pdf: 'application/pdf',
  rtf: 'application/rtf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
  odp: 'application/vnd.oasis.opendocument.presentation',
  epub: 'application/epub+zip',
};
const TEXT_FORMATS: ReadonlySet<DetectedFormat> = new Set([
  'text',
  'code',
  'markdown',
  'html',
  'xml',
  'json',
  'csv',
  'tsv',
]);

/**
 * Every textual format is served as `text/plain`, HTML and SVG included: served as themselves from this
 * origin, an indexed page's scripts could read the token the interface keeps and drive the API. No
 * charset: the file's encoding is whatever it was, and the browser detects it better than a guess here.
 */
export function contentTypeFor(format: DetectedFormat): string {
  if (TEXT_FORMATS.has(format)) return 'text/plain';
  return OFFICE_TYPES[format] ?? 'application/octet-stream';
}

/**
 * Whatever the bytes are, they run no script in this origin. A PDF is shown by the browser's viewer,
 * which `sandbox` or `object-src 'none'` (also through `default-src`) can stop; the viewer runs no script
 * in this origin either (Chromium's is an extension, Firefox's pdf.js runs privileged, Safari's native).
 */
const SANDBOX_POLICY = "sandbox; default-src 'none'; frame-ancestors 'none'";
const PDF_POLICY = "frame-ancestors 'none'";

/**
 * Streams a checked file. The caller has authorised the request (token or ticket, Host and Origin);
 * here the file is checked again, opened without following a final link, and its identity compared
 * with the check's, so nothing swapped in between is sent.
 */
export async function serveIndexedFile(
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  check: (path: string) => Promise<CheckedFile>,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return sendResult(res, err('INVALID_INPUT', `use GET for ${FILE_ROUTE}`), { Allow: 'GET, HEAD' });
  }
  // Navigations and fetches from another site carry this header; our own interface sends same-origin.
  const site = req.headers['sec-fetch-site'];
  if (site === 'cross-site' || site === 'same-site') {
    throw new PolyseekError('FORBIDDEN', 'files are served only to this server’s own pages');
  }
  const file = await check(path);
  // A link put in place of the checked real path since the check is not followed (O_NOFOLLOW), and a
  // FIFO swapped in cannot block the open (O_NONBLOCK; no effect on regular files). Both are 0 on Windows.
  const flags = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
  const handle = await open(file.realPath, flags).catch((error: unknown) => {
    throw new PolyseekError('FILE_NOT_INDEXED', `${JSON.stringify(file.path)} cannot be read: ${errorMessage(error)}`);
  });
  let streaming = false;
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.dev !== file.dev || info.ino !== file.ino) {
      throw new PolyseekError('FILE_NOT_INDEXED', `${JSON.stringify(file.path)} changed while it was being opened`);
    }
    const format = detectFormat(file.path, await readHead(handle));
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Security-Policy': format === 'pdf' ? PDF_POLICY : SANDBOX_POLICY,
      'Content-Type': contentTypeFor(format),
      'Content-Length': String(info.size),
      'Content-Disposition': contentDisposition(basename(file.path)),
      'Cache-Control': 'private, no-store',
    });
    if (req.method === 'HEAD') return void res.end();
    streaming = true;
    handle
      .createReadStream({ start: 0, autoClose: true })
      .on('error', () => res.destroy())
      .pipe(res);
  } finally {
    if (!streaming) await handle.close();
  }
}

async function readHead(handle: FileHandle): Promise<Uint8Array> {
  const buffer = Buffer.alloc(DETECT_HEAD_BYTES);
  const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
  return buffer.subarray(0, bytesRead);
}

/** `inline`, with the name as RFC 6266 wants it: an ASCII fallback and the UTF-8 original. */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `inline; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}
