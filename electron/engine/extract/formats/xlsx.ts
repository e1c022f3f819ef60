import { finishExtraction, SegmentList } from '../segments';
import type { Extracted } from '../types';
import { childElements, findAll, findFirst, relationshipId, textOf, type XmlElement } from '../xml-tree';
import type { ZipArchive } from '../zip-archive';
import { coreTitle, mainPart, readPart, readRelationships, requirePart } from './ooxml-parts';

export const XLSX_EXTRACTOR_VERSION = 1;

/** Phonetic runs (furigana) and their properties repeat the base text in kana: not indexed. */
const NOT_TEXT = new Set(['rPh', 'phoneticPr', 'rPr']);

function sharedStrings(zip: ZipArchive, workbookRels: ReturnType<typeof readRelationships>): string[] {
  const rel = [...workbookRels.values()].find((r) => r.type === 'sharedStrings');
  const tree = readPart(zip, rel?.target ?? 'xl/sharedStrings.xml');
  return tree ? findAll(tree, 'si').map((si) => textOf(si, NOT_TEXT)) : [];
}

function cellText(cell: XmlElement, shared: readonly string[]): string {
  const type = cell.attrs['t'];
  const value = childElements(cell, 'v')[0];
  const raw = value ? textOf(value) : '';
  switch (type) {
    case 's':
      return shared[Number(raw)] ?? '';
    case 'inlineStr': {
      const inline = childElements(cell, 'is')[0];
      return inline ? textOf(inline, NOT_TEXT) : '';
    }
    case 'b':
      return raw === '1' ? 'TRUE' : raw === '0' ? 'FALSE' : raw;
    default:
      return raw;
  }
}

/** XLSX: each sheet (sheet → section) as rows of tab-separated cells; shared strings resolved. */
export function extractXlsx(zip: ZipArchive): Extracted {
  const main = mainPart(zip, 'xl/workbook.xml');
  const workbook = requirePart(zip, main, 'the workbook');
  const rels = readRelationships(zip, main);
  const shared = sharedStrings(zip, rels);
  const list = new SegmentList();
  const warnings: string[] = [];
  for (const sheet of findAll(workbook, 'sheet')) {
    const name = sheet.attrs['name'] ?? '';
    const rel = rels.get(relationshipId(sheet) ?? '');
    const tree = rel && !rel.external ? readPart(zip, rel.target) : null;
    if (!tree) {
      warnings.push(`sheet ${name} is missing`);
      continue;
    }
    const data = findFirst(tree, 'sheetData');
    const rows = data
      ? childElements(data, 'row').map((row) =>
          childElements(row, 'c')
            .map((cell) =>
              cellText(cell, shared)
                .replace(/\s*\n\s*/g, ' ')
                .trim(),
            )
            .join('\t')
            .trim(),
        )
      : [];
    list.text(rows.filter(Boolean).join('\n'), name ? { section: name } : {});
  }
  const title = coreTitle(zip);
  return finishExtraction('xlsx', XLSX_EXTRACTOR_VERSION, list, { warnings, ...(title ? { title } : {}) });
}
