import { unzipSync } from 'fflate';

import { ExtractError } from './types';

/**
 * Most bytes one entry, and all entries read from one file, may inflate to. A 1 KB deflate stream can
 * expand to 1 MB, so without a cap a crafted document could exhaust memory outside the V8 heap, where
 * the worker's memory limit does not reach.
 */
const MAX_ENTRY_BYTES = 256 * 1024 * 1024;
const MAX_TOTAL_BYTES = 512 * 1024 * 1024;

/** Read access to a ZIP container's entries (OOXML, ODF, EPUB), inflating one entry at a time. */
export class ZipArchive {
  /** Entry names as stored, and a lookup that also finds names re-read as UTF-8 or percent-decoded. */
  readonly names: string[] = [];
  private readonly lookup = new Map<string, string>();
  private inflated = 0;

  constructor(private readonly bytes: Uint8Array) {
    try {
      unzipSync(bytes, {
        filter: (file) => {
          this.names.push(file.name);
          return false;
        },
      });
    } catch (error) {
      throw new ExtractError('CORRUPT', `not a readable ZIP archive (${errorText(error)})`, { cause: error });
    }
    if (this.names.length === 0) throw new ExtractError('CORRUPT', 'the ZIP archive has no entries');
    for (const name of this.names) {
      this.lookup.set(name, name);
      // Names written without the UTF-8 flag come back as Latin-1 (EPUB `OPS/xhtml/一.xhtml`).
      const reread = Buffer.from(name, 'latin1').toString('utf8');
      if (!reread.includes('\uFFFD') && !this.lookup.has(reread)) this.lookup.set(reread, name);
    }
  }

  has(name: string): boolean {
    return this.lookup.has(name);
  }

  /** The entry's bytes, or null when it is absent. */
  read(name: string): Uint8Array | null {
    const stored = this.lookup.get(name);
    if (stored === undefined) return null;
    let tooLarge = false;
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(this.bytes, {
        filter: (file) => {
          if (file.name !== stored) return false;
          if (file.originalSize > MAX_ENTRY_BYTES || this.inflated + file.originalSize > MAX_TOTAL_BYTES) {
            tooLarge = true;
            return false;
          }
          return true;
        },
      });
    } catch (error) {
      throw new ExtractError('CORRUPT', `ZIP entry ${stored} cannot be read (${errorText(error)})`, { cause: error });
    }
    if (tooLarge) throw new ExtractError('TOO_LARGE', `ZIP entry ${stored} inflates past the size limit`);
    const data = entries[stored] ?? null;
    this.inflated += data?.length ?? 0;
    return data;
  }

  /** The entry decoded as UTF-8 text (BOM dropped), or null when absent. */
  readText(name: string): string | null {
    const data = this.read(name);
    if (!data) return null;
    return new TextDecoder('utf-8').decode(data);
  }
}

/** Resolves `href` (URL-encoded, relative to the folder of `base`) to an entry name. */
export function resolveEntry(base: string, href: string): string {
  const path = href.split('#')[0] ?? '';
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A literal '%' in a name: use it as written.
  }
  if (decoded.startsWith('/')) return normalizeEntry(decoded.slice(1));
  const folder = base.includes('/') ? base.slice(0, base.lastIndexOf('/') + 1) : '';
  return normalizeEntry(folder + decoded);
}

function normalizeEntry(path: string): string {
  const parts: string[] = [];
  for (const part of path.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
