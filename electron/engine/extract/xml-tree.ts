import { Parser } from 'htmlparser2';

import { decodeBytes } from './decode';

/**
 * A parsed XML element: local name (prefix dropped), children in order, and attributes under their
 * qualified names plus their local names where that is unambiguous (`r:id` is `r:id`; `w:val` is also `val`).
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: (XmlElement | string)[];
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}

/**
 * Parses XML into a small tree with namespace prefixes dropped (OOXML and ODF prefixes are conventional,
 * not fixed). Forgiving: a truncated document yields the elements seen so far.
 */
export function parseXml(xml: string): XmlElement {
  const root: XmlElement = { name: '#root', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const parser = new Parser(
    {
      onopentag(name, attribs) {
        const attrs: Record<string, string> = {};
        for (const [key, value] of Object.entries(attribs)) {
          attrs[key] = value;
          const local = localName(key);
          if (local !== key && !(local in attribs)) attrs[local] ??= value;
        }
        const element: XmlElement = { name: localName(name), attrs, children: [] };
        stack.at(-1)!.children.push(element);
        stack.push(element);
      },
      onclosetag() {
        if (stack.length > 1) stack.pop();
      },
      ontext(text) {
        stack.at(-1)!.children.push(text);
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.write(xml);
  parser.end();
  return root;
}

/** Decodes XML bytes (BOM, then the declaration's encoding, then detection) and parses them. */
export function parseXmlBytes(bytes: Uint8Array): XmlElement {
  return parseXml(decodeXml(bytes).text);
}

export function decodeXml(bytes: Uint8Array): { text: string; encoding: string } {
  const head = Buffer.from(bytes.subarray(0, 200)).toString('latin1');
  const declared = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? null;
  return decodeBytes(bytes, { declared });
}

/** Depth-first elements named `name` under `element`, not descending into matches. */
export function findAll(element: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) out.push(child);
    else findAll(child, name, out);
  }
  return out;
}

export function findFirst(element: XmlElement, name: string): XmlElement | undefined {
  for (const child of element.children) {
    if (typeof child === 'string') continue;
    if (child.name === name) return child;
    const found = findFirst(child, name);
    if (found) return found;
  }
  return undefined;
}

/** All text below an element, skipping elements whose local name is in `skip`. */
export function textOf(element: XmlElement, skip: ReadonlySet<string> = new Set()): string {
  let out = '';
  for (const child of element.children) {
    if (typeof child === 'string') out += child;
    else if (!skip.has(child.name)) out += textOf(child, skip);
  }
  return out;
}

export function childElements(element: XmlElement, name?: string): XmlElement[] {
  return element.children.filter(
    (child): child is XmlElement => typeof child !== 'string' && (name === undefined || child.name === name),
  );
}

/** The value of a relationship-id attribute (`r:id`, `r:embed`, whatever the prefix), when present. */
export function relationshipId(element: XmlElement, local = 'id'): string | undefined {
  for (const [key, value] of Object.entries(element.attrs))
    if (key.endsWith(`:${local}`) && key.includes(':')) return value;
  return undefined;
}
