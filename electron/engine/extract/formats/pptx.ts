import { finishExtraction, SegmentList } from '../segments';
import type { Extracted, SegmentLocation } from '../types';
import { childElements, findAll, findFirst, relationshipId, textOf, type XmlElement } from '../xml-tree';
import type { ZipArchive } from '../zip-archive';
import { coreTitle, mainPart, readPart, readRelationships, requirePart } from './ooxml-parts';

export const PPTX_EXTRACTOR_VERSION = 1;

const TITLE_TYPES = new Set(['title', 'ctrTitle']);
const SKIPPED_PLACEHOLDERS = new Set(['sldNum', 'sldImg', 'dt', 'ftr', 'hdr']);

/** DrawingML paragraphs of a text body, one string each. */
function paragraphs(body: XmlElement): string[] {
  return childElements(body, 'p').map((p) => {
    let out = '';
    for (const run of p.children) {
      if (typeof run === 'string') continue;
      if (run.name === 'r' || run.name === 'fld') out += textOf(childElements(run, 't')[0] ?? run, new Set(['rPr']));
      else if (run.name === 'br') out += '\n';
    }
    return out;
  });
}

function placeholderType(shape: XmlElement): string | undefined {
  const nv = childElements(shape).find((child) => child.name.startsWith('nv'));
  const ph = nv ? findFirst(nv, 'ph') : undefined;
  return ph ? (ph.attrs['type'] ?? 'body') : undefined;
}

function tableText(table: XmlElement): string {
  return childElements(table, 'tr')
    .map((row) =>
      childElements(row, 'tc')
        .map((cell) => {
          const body = childElements(cell, 'txBody')[0];
          return body ? paragraphs(body).join(' ').trim() : '';
        })
        .join('\t'),
    )
    .filter((row) => row.trim())
    .join('\n');
}

/** Chart titles, series names and categories: the chart's only searchable words. */
function chartText(zip: ZipArchive, part: string): string {
  const chart = readPart(zip, part);
  if (!chart) return '';
  const titles = findAll(chart, 'title').map((title) => textOf(title).trim());
  const series = findAll(chart, 'tx').flatMap((tx) => findAll(tx, 'v').map((v) => textOf(v).trim()));
  const categories = findAll(chart, 'cat').flatMap((cat) => findAll(cat, 'v').map((v) => textOf(v).trim()));
  return [...new Set([...titles, ...series, ...categories])].filter(Boolean).join('\n');
}

interface SlideContext {
  readonly zip: ZipArchive;
  readonly rels: ReturnType<typeof readRelationships>;
  readonly list: SegmentList;
  readonly location: SegmentLocation;
}

function addShapes(tree: XmlElement, context: SlideContext): void {
  for (const shape of childElements(tree)) {
    if (shape.name === 'grpSp') addShapes(shape, context);
    else if (shape.name === 'AlternateContent') {
      const choice = childElements(shape, 'Choice')[0];
      if (choice) addShapes(choice, context);
    } else if (shape.name === 'sp') {
      const type = placeholderType(shape);
      if (type && SKIPPED_PLACEHOLDERS.has(type)) continue;
      const body = childElements(shape, 'txBody')[0];
      if (!body) continue;
      const text = paragraphs(body).join('\n');
      if (type && TITLE_TYPES.has(type)) context.list.heading(text, 1, context.location);
      else context.list.text(text, context.location);
    } else if (shape.name === 'pic') {
      // A picture's description (alt text) is the only text it carries.
      const description = findFirst(shape, 'cNvPr')?.attrs['descr'];
      if (description) context.list.text(description, context.location);
    } else if (shape.name === 'graphicFrame') {
      const table = findFirst(shape, 'tbl');
      if (table) context.list.text(tableText(table), context.location);
      const chart = findFirst(shape, 'chart');
      const id = chart ? relationshipId(chart) : undefined;
      const target = id ? context.rels.get(id) : undefined;
      if (target && !target.external) context.list.text(chartText(context.zip, target.target), context.location);
    }
  }
}

function slideTitle(tree: XmlElement): string | undefined {
  for (const shape of findAll(tree, 'sp')) {
    const type = placeholderType(shape);
    const body = childElements(shape, 'txBody')[0];
    if (type && TITLE_TYPES.has(type) && body) return paragraphs(body).join(' ').trim() || undefined;
  }
  return undefined;
}

/** PPTX: slides in presentation order (slide → page), titles as headings, tables, charts, speaker notes. */
export function extractPptx(zip: ZipArchive): Extracted {
  const main = mainPart(zip, 'ppt/presentation.xml');
  const presentation = requirePart(zip, main, 'the presentation');
  const presentationRels = readRelationships(zip, main);
  const list = new SegmentList();
  const warnings: string[] = [];
  const slideIds = findAll(presentation, 'sldId');
  slideIds.forEach((slideId, index) => {
    const rel = presentationRels.get(relationshipId(slideId) ?? '');
    const slide = rel ? readPart(zip, rel.target) : null;
    if (!rel || !slide) {
      warnings.push(`slide ${index + 1} is missing`);
      return;
    }
    const spTree = findFirst(slide, 'spTree');
    if (!spTree) return;
    const title = slideTitle(spTree);
    const location: SegmentLocation = { page: index + 1, ...(title ? { section: title } : {}) };
    const rels = readRelationships(zip, rel.target);
    addShapes(spTree, { zip, rels, list, location });
    for (const notesRel of rels.values()) {
      if (notesRel.type !== 'notesSlide' || notesRel.external) continue;
      const notes = readPart(zip, notesRel.target);
      const notesTree = notes ? findFirst(notes, 'spTree') : undefined;
      if (notesTree) addShapes(notesTree, { zip, rels: new Map(), list, location: { ...location, section: 'notes' } });
    }
  });
  const title = coreTitle(zip);
  return finishExtraction('pptx', PPTX_EXTRACTOR_VERSION, list, {
    pages: slideIds.length,
    warnings,
    ...(title ? { title } : {}),
  });
}
