import { finishExtraction, SegmentList } from '../segments';
import type { Extracted } from '../types';
import { decodeXml, parseXml, type XmlElement } from '../xml-tree';
import { htmlText } from './html';

export const XML_EXTRACTOR_VERSION = 1;

const MARKUP = /<\/?[a-zA-Z][\w:-]*(\s[^<>]*)?\/?>/;
const TITLES = new Set(['title', 'head', 'heading', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/**
 * Generic XML: the text of each element that holds text directly becomes a paragraph (UDHR `<para>`, RSS
 * `<description>`); `title`-like elements become headings. Escaped HTML inside a value (RSS, Atom) is
 * reduced to its text.
 */
export function extractXml(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeXml(bytes);
  const root = parseXml(text);
  const list = new SegmentList();
  let docTitle: string | undefined;
  const visit = (element: XmlElement, depth: number): void => {
    let own = '';
    for (const child of element.children) {
      if (typeof child === 'string') own += child;
      else {
        if (own.trim()) flushText(own, element.name, depth);
        own = '';
        visit(child, depth + 1);
      }
    }
    if (own.trim()) flushText(own, element.name, depth);
  };
  const flushText = (raw: string, name: string, depth: number): void => {
    const value = MARKUP.test(raw)
      ? htmlText(raw)
          .blocks.map((block) => block.text)
          .join('\n\n')
      : raw;
    if (TITLES.has(name.toLowerCase())) {
      docTitle ??= value.trim();
      list.heading(value, Math.min(6, Math.max(1, depth - 1)));
    } else list.text(value);
  };
  visit(root, 0);
  return finishExtraction('xml', XML_EXTRACTOR_VERSION, list, {
    encoding,
    ...(docTitle ? { title: docTitle } : {}),
  });
}
