import { finishExtraction, SegmentList } from '../segments';
import type { Extracted, SegmentLocation } from '../types';
import { childElements, findFirst, parseXml, textOf, type XmlElement } from '../xml-tree';
import type { ZipArchive } from '../zip-archive';
import { requirePart } from './ooxml-parts';

export const ODF_EXTRACTOR_VERSION = 1;

/** Repeated empty cells fill whole rows (16384 columns); only repeats of real content are expanded. */
const MAX_REPEAT = 64;

/**
 * Inline text of an ODF paragraph: `text:s` spaces, tabs, line breaks; footnote and comment bodies go to
 * `notes` (when given) so they follow the paragraph instead of splitting its sentence.
 */
function inlineText(element: XmlElement, notes?: string[]): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') {
      out += child;
      continue;
    }
    switch (child.name) {
      case 's':
        out += ' '.repeat(Math.min(1000, Number(child.attrs['c'] ?? 1) || 1));
        break;
      case 'tab':
        out += '\t';
        break;
      case 'line-break':
        out += '\n';
        break;
      case 'note-citation':
      case 'annotation-end':
      case 'creator':
      case 'date':
        break;
      case 'annotation':
      case 'note-body':
        if (notes) notes.push(inlineText(child));
        else out += ` ${inlineText(child).trim()} `;
        break;
      default:
        out += inlineText(child, notes);
    }
  }
  return out;
}

function tableRows(table: XmlElement): string[] {
  const rows: string[] = [];
  const visit = (element: XmlElement): void => {
    for (const row of childElements(element)) {
      if (row.name === 'table-row-group' || row.name === 'table-header-rows' || row.name === 'table-rows') visit(row);
      if (row.name !== 'table-row') continue;
      const cells: string[] = [];
      for (const cell of childElements(row)) {
        if (cell.name !== 'table-cell' && cell.name !== 'covered-table-cell') continue;
        // A cell's comment (office:annotation) sits beside its paragraphs and is read after them.
        const text = [
          ...childElements(cell, 'p'),
          ...childElements(cell, 'annotation').flatMap((a) => childElements(a, 'p')),
        ]
          .map((p) => inlineText(p).trim())
          .filter(Boolean)
          .join(' ');
        const repeat = Number(cell.attrs['number-columns-repeated'] ?? 1) || 1;
        for (let i = 0; i < (text ? Math.min(repeat, MAX_REPEAT) : 1); i++) cells.push(text);
      }
      const line = cells.join('\t').trim();
      if (line) rows.push(line);
    }
  };
  visit(table);
  return rows;
}

function addBlocks(list: SegmentList, container: XmlElement, location: SegmentLocation): void {
  for (const block of childElements(container)) {
    switch (block.name) {
      case 'h':
        list.heading(inlineText(block), Number(block.attrs['outline-level'] ?? 1) || 1, location);
        break;
      case 'p': {
        const notes: string[] = [];
        list.text(inlineText(block, notes), location);
        for (const note of notes) list.text(note, location);
        // Frames anchored in a paragraph (text boxes, captions) hold paragraphs of their own.
        for (const box of childElements(block).filter((child) => child.name === 'frame'))
          addBlocks(list, box, location);
        break;
      }
      case 'table':
        list.text(tableRows(block).join('\n'), location);
        break;
      case 'list':
      case 'list-item':
      case 'list-header':
      case 'section':
      case 'frame':
      case 'text-box':
      case 'g':
      case 'custom-shape':
      case 'index-body':
      case 'table-of-content':
        addBlocks(list, block, location);
        break;
      default:
        break;
    }
  }
}

function metaTitle(zip: ZipArchive): string | undefined {
  const text = zip.readText('meta.xml');
  const title = text ? findFirst(parseXml(text), 'title') : undefined;
  return title ? textOf(title).trim() || undefined : undefined;
}

/** ODT/ODS/ODP: text paragraphs and headings; spreadsheet tables as rows (sheet → section); pages → page. */
export function extractOdf(zip: ZipArchive, format: 'odt' | 'ods' | 'odp'): Extracted {
  const content = requirePart(zip, 'content.xml', 'the OpenDocument file');
  const body = findFirst(content, 'body');
  const list = new SegmentList();
  let pages: number | undefined;
  const spreadsheet = body ? findFirst(body, 'spreadsheet') : undefined;
  const presentation = body ? findFirst(body, 'presentation') : undefined;
  const text = body ? findFirst(body, 'text') : undefined;
  if (spreadsheet) {
    for (const table of childElements(spreadsheet, 'table')) {
      const name = table.attrs['name'];
      list.text(tableRows(table).join('\n'), name ? { section: name } : {});
    }
  } else if (presentation) {
    const slides = childElements(presentation, 'page');
    pages = slides.length;
    slides.forEach((slide, index) => {
      const name = slide.attrs['name'];
      const location: SegmentLocation = { page: index + 1, ...(name ? { section: name } : {}) };
      for (const frame of childElements(slide)) {
        const box = findFirst(frame, 'text-box');
        const table = findFirst(frame, 'table');
        if (table) list.text(tableRows(table).join('\n'), location);
        if (!box) continue;
        const isTitle = frame.attrs['class'] === 'title';
        if (isTitle)
          list.heading(
            childElements(box)
              .map((element) => inlineText(element))
              .join(' '),
            1,
            location,
          );
        else addBlocks(list, box, location);
      }
      const notes = findFirst(slide, 'notes');
      if (notes) addBlocks(list, notes, { ...location, section: 'notes' });
    });
  } else if (text) {
    addBlocks(list, text, {});
  }
  const title = metaTitle(zip);
  return finishExtraction(format, ODF_EXTRACTOR_VERSION, list, {
    ...(pages !== undefined ? { pages } : {}),
    ...(title ? { title } : {}),
  });
}
