import { finishExtraction, SegmentList } from '../segments';
import { ExtractError, type Extracted } from '../types';
import { childElements, findAll, findFirst, parseXml, textOf } from '../xml-tree';
import { resolveEntry, type ZipArchive } from '../zip-archive';
import { addHtmlBlocks, decodeHtml, htmlText } from './html';

export const EPUB_EXTRACTOR_VERSION = 1;

const CHAPTER_TYPES = new Set(['application/xhtml+xml', 'text/html', 'application/x-dtbook+xml']);

function packagePath(zip: ZipArchive): string {
  const container = zip.readText('META-INF/container.xml');
  const rootfile = container ? findFirst(parseXml(container), 'rootfile') : undefined;
  const path = rootfile?.attrs['full-path'];
  if (path && zip.has(path)) return path;
  const opf = zip.names.find((name) => name.toLowerCase().endsWith('.opf'));
  if (!opf) throw new ExtractError('CORRUPT', 'the EPUB has no package document (.opf)');
  return opf;
}

/** EPUB: chapters in spine order (chapter → page, its file → section), read as HTML. */
export function extractEpub(zip: ZipArchive): Extracted {
  const opfPath = packagePath(zip);
  const opf = parseXml(zip.readText(opfPath) ?? '');
  const manifest = new Map<string, { href: string; type: string }>();
  for (const item of findAll(opf, 'item')) {
    const id = item.attrs['id'];
    const href = item.attrs['href'];
    if (id && href) manifest.set(id, { href: resolveEntry(opfPath, href), type: item.attrs['media-type'] ?? '' });
  }
  const spine = findFirst(opf, 'spine');
  const order = spine ? childElements(spine, 'itemref').map((ref) => ref.attrs['idref'] ?? '') : [];
  const list = new SegmentList();
  const warnings: string[] = [];
  let chapter = 0;
  for (const idref of order) {
    const item = manifest.get(idref);
    if (!item || (item.type && !CHAPTER_TYPES.has(item.type))) continue;
    chapter += 1;
    const bytes = zip.read(item.href);
    if (!bytes) {
      warnings.push(`chapter ${item.href} is missing`);
      continue;
    }
    addHtmlBlocks(list, htmlText(decodeHtml(bytes).text), { page: chapter, section: item.href });
  }
  const titleElement = findFirst(opf, 'title');
  const title = titleElement ? textOf(titleElement).trim() : '';
  return finishExtraction('epub', EPUB_EXTRACTOR_VERSION, list, {
    pages: chapter,
    warnings,
    ...(title ? { title } : {}),
  });
}
