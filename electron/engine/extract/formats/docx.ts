import { finishExtraction, SegmentList } from '../segments';
import type { Extracted, SegmentLocation } from '../types';
import { childElements, findAll, findFirst, type XmlElement } from '../xml-tree';
import type { ZipArchive } from '../zip-archive';
import { coreTitle, mainPart, readPart, requirePart } from './ooxml-parts';

export const DOCX_EXTRACTOR_VERSION = 1;

/** Not text a reader sees: ruby readings, field codes, deleted runs, the fallback copy of new content. */
const SKIP = new Set(['rt', 'instrText', 'delText', 'Fallback', 'footnoteReference', 'endnoteReference', 'pPr', 'rPr']);

/** Style id → heading level, from names ("heading 2", "Title") or outline levels in word/styles.xml. */
function headingStyles(zip: ZipArchive): Map<string, number> {
  const levels = new Map<string, number>();
  const styles = readPart(zip, 'word/styles.xml');
  if (!styles) return levels;
  for (const style of findAll(styles, 'style')) {
    const id = style.attrs['styleId'];
    if (!id) continue;
    const name = (findFirst(style, 'name')?.attrs['val'] ?? '').toLowerCase();
    const outline = findFirst(style, 'outlineLvl')?.attrs['val'];
    const byName = /^heading\s*(\d)$/.exec(name)?.[1];
    const level = byName ? Number(byName) : name === 'title' ? 1 : outline !== undefined ? Number(outline) + 1 : 0;
    if (level >= 1 && level <= 6) levels.set(id, level);
  }
  return levels;
}

/** A paragraph's text: w:t runs, tabs and breaks, text boxes inline. */
function runText(element: XmlElement): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (SKIP.has(child.name)) continue;
    if (child.name === 't') out += child.children.filter((c): c is string => typeof c === 'string').join('');
    else if (child.name === 'tab' || child.name === 'ptab') out += '\t';
    else if (child.name === 'br' || child.name === 'cr') out += '\n';
    else if (child.name === 'noBreakHyphen') out += '-';
    else if (child.name === 'p') out += `\n${runText(child)}\n`;
    else if (child.name === 'docPr') out += child.attrs['descr'] ? ` ${child.attrs['descr']} ` : '';
    else out += runText(child);
  }
  return out;
}

function paragraphLevel(paragraph: XmlElement, styles: Map<string, number>): number {
  const pPr = childElements(paragraph, 'pPr')[0];
  if (!pPr) return 0;
  const style = childElements(pPr, 'pStyle')[0]?.attrs['val'];
  const outline = childElements(pPr, 'outlineLvl')[0]?.attrs['val'];
  if (style && styles.has(style)) return styles.get(style)!;
  const level = outline !== undefined ? Number(outline) + 1 : 0;
  return level >= 1 && level <= 6 ? level : 0;
}

/** Table rows as tab-separated cells; rows of nested tables follow the row that holds them. */
function tableRows(table: XmlElement): string[] {
  const rows: string[] = [];
  for (const row of childElements(table, 'tr')) {
    const cells: string[] = [];
    const nested: string[] = [];
    for (const cell of childElements(row, 'tc')) {
      const parts: string[] = [];
      for (const block of cell.children) {
        if (typeof block === 'string') continue;
        if (block.name === 'tbl') nested.push(...tableRows(block));
        else if (block.name === 'p') parts.push(runText(block).trim());
        else if (block.name === 'sdt') parts.push(runText(block).trim());
      }
      cells.push(parts.filter(Boolean).join(' '));
    }
    if (cells.some(Boolean)) rows.push(cells.join('\t'));
    rows.push(...nested);
  }
  return rows;
}

function addBlocks(
  list: SegmentList,
  container: XmlElement,
  styles: Map<string, number>,
  location: SegmentLocation,
): void {
  for (const block of container.children) {
    if (typeof block === 'string') continue;
    if (block.name === 'p') {
      const text = runText(block);
      const level = paragraphLevel(block, styles);
      if (level > 0) list.heading(text, level, location);
      else list.text(text, location);
    } else if (block.name === 'tbl') {
      list.text(tableRows(block).join('\n'), location);
    } else if (block.name === 'sdt' || block.name === 'sdtContent' || block.name === 'customXml') {
      addBlocks(list, block, styles, location);
    }
  }
}

/** Footnotes, endnotes or comments: each note's paragraphs, separators skipped. */
function addNotes(list: SegmentList, zip: ZipArchive, part: string, tag: string, section: string): void {
  const tree = readPart(zip, part);
  if (!tree) return;
  for (const note of findAll(tree, tag)) {
    const type = note.attrs['type'];
    if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice') continue;
    addBlocks(list, note, new Map(), { section });
  }
}

/** DOCX: body paragraphs with headings by style, tables as rows, then footnotes, endnotes and comments. */
export function extractDocx(zip: ZipArchive): Extracted {
  const main = mainPart(zip, 'word/document.xml');
  const document = requirePart(zip, main, 'the Word document');
  const body = findFirst(document, 'body');
  const list = new SegmentList();
  if (body) addBlocks(list, body, headingStyles(zip), {});
  addNotes(list, zip, 'word/footnotes.xml', 'footnote', 'footnotes');
  addNotes(list, zip, 'word/endnotes.xml', 'endnote', 'endnotes');
  addNotes(list, zip, 'word/comments.xml', 'comment', 'comments');
  const title = coreTitle(zip);
  return finishExtraction('docx', DOCX_EXTRACTOR_VERSION, list, title ? { title } : {});
}
