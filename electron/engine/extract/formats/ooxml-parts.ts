import { ExtractError } from '../types';
import { childElements, findFirst, parseXml, textOf, type XmlElement } from '../xml-tree';
import { resolveEntry, type ZipArchive } from '../zip-archive';

export interface Relationship {
  readonly target: string;
  readonly type: string;
  readonly external: boolean;
}

/** A part's XML tree, or null when the package lacks it. */
export function readPart(zip: ZipArchive, name: string): XmlElement | null {
  const text = zip.readText(name);
  return text === null ? null : parseXml(text);
}

export function requirePart(zip: ZipArchive, name: string, what: string): XmlElement {
  const part = readPart(zip, name);
  if (!part) throw new ExtractError('CORRUPT', `${what} is missing its ${name} part`);
  return part;
}

/** The relationships of `part` (from `_rels/<name>.rels` beside it), targets resolved to entry names. */
export function readRelationships(zip: ZipArchive, part: string): Map<string, Relationship> {
  const slash = part.lastIndexOf('/');
  const relsName = `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  const tree = readPart(zip, relsName);
  if (!tree) return rels;
  for (const rel of findAllRels(tree)) {
    const id = rel.attrs['Id'];
    const target = rel.attrs['Target'];
    if (!id || !target) continue;
    const external = rel.attrs['TargetMode'] === 'External';
    rels.set(id, {
      target: external ? target : resolveEntry(part, target),
      type: (rel.attrs['Type'] ?? '').split('/').pop() ?? '',
      external,
    });
  }
  return rels;
}

function findAllRels(tree: XmlElement): XmlElement[] {
  const root = findFirst(tree, 'Relationships');
  return root ? childElements(root, 'Relationship') : [];
}

/** The package's main part (`officeDocument` relationship), or `fallback`. */
export function mainPart(zip: ZipArchive, fallback: string): string {
  for (const rel of readRelationships(zip, '').values()) if (rel.type === 'officeDocument') return rel.target;
  return fallback;
}

/** `dc:title` from docProps/core.xml. */
export function coreTitle(zip: ZipArchive): string | undefined {
  const core = readPart(zip, 'docProps/core.xml');
  const title = core ? findFirst(core, 'title') : undefined;
  const text = title ? textOf(title).trim() : '';
  return text || undefined;
}
