import { basename, extname } from 'node:path';

/** Formats Polyseek extracts text from. */
export const SUPPORTED_FORMATS = [
  'text',
  'code',
  'markdown',
  'html',
  'xml',
  'json',
  'csv',
  'tsv',
  'rtf',
  'pdf',
  'docx',
  'xlsx',
  'pptx',
  'odt',
  'ods',
  'odp',
  'epub',
] as const;
export type DocumentFormat = (typeof SUPPORTED_FORMATS)[number];

/**
 * What the first bytes and the name say. `zip` is a container whose entries decide (an OOXML file without
 * extension), `ole2` a compound file (legacy Office or an encrypted OOXML package), `binary` anything else
 * that is not text.
 */
export type DetectedFormat = DocumentFormat | 'zip' | 'ole2' | 'binary';

/** How many leading bytes `detectFormat` looks at. */
export const DETECT_HEAD_BYTES = 4096;

const BY_EXTENSION: Record<string, DocumentFormat> = {};
function register(format: DocumentFormat, extensions: string): void {
  for (const ext of extensions.split(' ')) BY_EXTENSION[ext] = format;
}
register('text', 'txt text log srt vtt sub ini cfg conf toml yaml yml properties tex rst adoc asciidoc org nfo me');
register(
  'code',
  'js mjs cjs ts mts cts tsx jsx py pyi rb go rs java kt kts c h cc cpp cxx hpp hh cs swift php sh bash zsh fish ps1 ' +
    'bat cmd sql lua r scala m mm pl pm css scss sass less vue svelte dart ex exs erl hs ml fs clj el vim gradle cmake',
);
register('markdown', 'md markdown mdx mkd mdown');
register('html', 'html htm xhtml shtml');
register('xml', 'xml rss atom opml svg xsd xsl xslt plist kml gpx');
register('json', 'json jsonl ndjson geojson webmanifest');
register('csv', 'csv');
register('tsv', 'tsv tab');
register('rtf', 'rtf');
register('pdf', 'pdf');
register('docx', 'docx docm dotx dotm');
register('xlsx', 'xlsx xlsm xltx xltm');
register('pptx', 'pptx pptm potx ppsx');
register('odt', 'odt ott');
register('ods', 'ods ots');
register('odp', 'odp otp');
register('epub', 'epub');

const ZIP_FORMATS = new Set<DocumentFormat>(['docx', 'xlsx', 'pptx', 'odt', 'ods', 'odp', 'epub']);
const TEXTUAL = new Set<DocumentFormat>(['text', 'code', 'markdown', 'html', 'xml', 'json', 'csv', 'tsv']);

const ODF_MIMETYPES: Record<string, DocumentFormat> = {
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.text-template': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.spreadsheet-template': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
  'application/vnd.oasis.opendocument.presentation-template': 'odp',
  'application/epub+zip': 'epub',
};

/** Lower-case extension without the dot ('' when none). `archive.tar.gz` → `gz`, `.bashrc` → ''. */
export function extensionOf(path: string): string {
  return extname(basename(path)).slice(1).toLowerCase();
}

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  return bytes.every((byte, i) => head[offset + i] === byte);
}

function ascii(head: Uint8Array, start: number, end: number): string {
  return Buffer.from(head.subarray(start, Math.min(end, head.length))).toString('latin1');
}

/** ODF and EPUB store an uncompressed `mimetype` entry first, so the head names the format. */
function zipMimetype(head: Uint8Array): DocumentFormat | null {
  if (ascii(head, 30, 38) !== 'mimetype') return null;
  const method = (head[8] ?? 0) | ((head[9] ?? 0) << 8);
  if (method !== 0) return null;
  const size = (head[18] ?? 0) | ((head[19] ?? 0) << 8);
  const extra = (head[28] ?? 0) | ((head[29] ?? 0) << 8);
  const start = 38 + extra;
  return ODF_MIMETYPES[ascii(head, start, start + size).trim()] ?? null;
}

/**
 * A BMP starts with `BM`, its file size and four zero bytes: plain text that happens to begin with "BM"
 * (a news article, corpus testBMPfp.txt) fails the zero check.
 */
function isBinaryMagic(head: Uint8Array): boolean {
  if (startsWith(head, [0x42, 0x4d]) && head.length >= 14 && head[6] === 0 && head[7] === 0 && head[8] === 0)
    return head[9] === 0;
  const magics: (readonly number[])[] = [
    [0x89, 0x50, 0x4e, 0x47], // PNG
    [0xff, 0xd8, 0xff], // JPEG
    [0x47, 0x49, 0x46, 0x38], // GIF8
    [0x1f, 0x8b], // gzip
    [0x37, 0x7a, 0xbc, 0xaf], // 7z
    [0x52, 0x61, 0x72, 0x21], // Rar!
    [0x7f, 0x45, 0x4c, 0x46], // ELF
    [0x4f, 0x67, 0x67, 0x53], // OggS
    [0x49, 0x44, 0x33], // ID3 (mp3)
    [0x66, 0x4c, 0x61, 0x43], // fLaC
    [0x77, 0x4f, 0x46, 0x46], // wOFF
    [0x00, 0x61, 0x73, 0x6d], // wasm
    [0xca, 0xfe, 0xba, 0xbe], // Mach-O / class
    [0x49, 0x49, 0x2a, 0x00], // TIFF
    [0x4d, 0x4d, 0x00, 0x2a], // TIFF
  ];
  if (magics.some((magic) => startsWith(head, magic))) return true;
  return ascii(head, 0, 4) === 'RIFF' || ascii(head, 4, 8) === 'ftyp';
}

/** NUL bytes outside a UTF-16/32 pattern mean binary. */
function looksBinary(head: Uint8Array): boolean {
  const n = Math.min(head.length, DETECT_HEAD_BYTES);
  let zeros = 0;
  let evenZeros = 0;
  for (let i = 0; i < n; i++) {
    if (head[i] !== 0) continue;
    zeros += 1;
    if ((i & 1) === 0) evenZeros += 1;
  }
  if (zeros === 0) return false;
  const bomless16 = evenZeros < zeros * 0.1 || evenZeros > zeros * 0.9;
  const bom = startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || startsWith(head, [0, 0, 0xfe, 0xff]);
  return !(bom || (bomless16 && zeros > n * 0.2));
}

/** Guesses a textual format from content when the name does not say. */
function sniffText(head: Uint8Array): DocumentFormat {
  const start = ascii(head, 0, 1024)
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (start.startsWith('<!doctype html') || start.startsWith('<html')) return 'html';
  if (start.startsWith('<?xml')) return /<html[\s>]/.test(start) ? 'html' : 'xml';
  if (start.startsWith('{\\rtf')) return 'rtf';
  return 'text';
}

/**
 * The format of a file from its name and first bytes (at least `DETECT_HEAD_BYTES` when the file is that
 * long). Strong signatures (PDF, ZIP, OLE2, RTF) beat the extension, so an extension-less or misnamed
 * document is still read; weak ones (images) only count when the extension does not name a text format.
 */
export function detectFormat(path: string, head: Uint8Array): DetectedFormat {
  const byName = BY_EXTENSION[extensionOf(path)];
  if (ascii(head, 0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) {
    const fromMimetype = zipMimetype(head);
    if (fromMimetype) return fromMimetype;
    return byName && ZIP_FORMATS.has(byName) ? byName : 'zip';
  }
  if (startsWith(head, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'ole2';
  if (ascii(head, 0, 5) === '{\\rtf') return 'rtf';
  if (byName && TEXTUAL.has(byName)) return looksBinary(head) ? 'binary' : byName;
  // A PDF, container or RTF name without its signature: its extractor reports the file as corrupt.
  if (byName) return byName;
  if (isBinaryMagic(head) || looksBinary(head)) return 'binary';
  return sniffText(head);
}
