import { Parser } from 'htmlparser2';

import { decodeBytes, type DecodedText } from '../decode';
import { finishExtraction, SegmentList } from '../segments';
import type { Extracted, SegmentLocation } from '../types';

export const HTML_EXTRACTOR_VERSION = 1;

/** Elements whose content is never text a person reads as the page's content. */
const SKIPPED = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'math',
  'iframe',
  'object',
  'embed',
  'canvas',
  'select',
  'button',
  'nav',
  'aside',
  'rt',
  'rp',
  'head',
]);
/** Page chrome, dropped unless it sits inside the main content (an article's own header). */
const CHROME = new Set(['header', 'footer']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'complementary']);
const CONTENT = new Set(['main', 'article']);
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'footer',
  'br',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'tr',
  'table',
  'thead',
  'tbody',
  'blockquote',
  'pre',
  'figure',
  'figcaption',
  'hr',
  'address',
  'details',
  'summary',
  'caption',
  'form',
  'fieldset',
  'legend',
  'center',
]);
const CELLS = new Set(['td', 'th']);
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'link', 'area', 'base', 'col', 'embed', 'source', 'wbr']);

/** The charset an HTML document declares in its first 1024 bytes (meta charset or http-equiv). */
export function declaredHtmlCharset(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const meta = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head);
  if (meta) return meta[1] ?? null;
  return /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/.exec(head)?.[1] ?? null;
}

export function decodeHtml(bytes: Uint8Array): DecodedText {
  return decodeBytes(bytes, { declared: declaredHtmlCharset(bytes) });
}

export interface HtmlText {
  readonly title?: string;
  /** Headings and paragraphs in order. */
  readonly blocks: { kind: 'heading' | 'text'; level?: number; text: string }[];
}

/**
 * The readable text of an HTML page: scripts, styles, navigation, page header/footer, hidden elements and
 * ruby annotations dropped; headings h1–h6 kept as such; block elements end paragraphs; table cells are
 * tab-separated and rows end lines.
 */
export function htmlText(html: string): HtmlText {
  const blocks: { kind: 'heading' | 'text'; level?: number; text: string }[] = [];
  const stack: { name: string; skip: boolean; content: boolean }[] = [];
  let paragraph = '';
  let headingLevel = 0;
  let heading = '';
  let title = '';
  let inTitle = false;
  let pre = 0;

  const skipping = (): boolean => stack.at(-1)?.skip ?? false;
  const inContent = (): boolean => stack.at(-1)?.content ?? false;
  const endParagraph = (): void => {
    const text = paragraph.replace(/[ \t]*\n[ \t]*/g, '\n').trim();
    if (text) blocks.push({ kind: 'text', text });
    paragraph = '';
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (inTitle) return;
        if (name === 'title' && !title && !stack.some((entry) => entry.name === 'svg')) {
          inTitle = true;
          return;
        }
        const role = (attrs['role'] ?? '').toLowerCase();
        const hidden =
          'hidden' in attrs ||
          attrs['aria-hidden'] === 'true' ||
          /display\s*:\s*none|visibility\s*:\s*hidden/i.test(attrs['style'] ?? '');
        const chrome = (CHROME.has(name) || CHROME_ROLES.has(role)) && !inContent();
        const skip = skipping() || SKIPPED.has(name) || hidden || chrome;
        if (!VOID.has(name)) stack.push({ name, skip, content: inContent() || CONTENT.has(name) || role === 'main' });
        if (skip) return;
        if (/^h[1-6]$/.test(name)) {
          endParagraph();
          headingLevel = Number(name[1]);
          heading = '';
        } else if (name === 'br') paragraph += '\n';
        else if (name === 'tr' || name === 'li' || name === 'dt' || name === 'dd') paragraph += '\n';
        else if (CELLS.has(name)) paragraph += '\t';
        else if (name === 'pre') pre += 1;
        else if (name === 'img' && attrs['alt']) paragraph += ` ${attrs['alt']} `;
        else if (BLOCKS.has(name)) endParagraph();
      },
      ontext(text) {
        if (inTitle) {
          title += text;
          return;
        }
        if (skipping()) return;
        if (headingLevel > 0) heading += text;
        else paragraph += pre > 0 ? text : text.replace(/\s+/g, ' ');
      },
      onclosetag(name) {
        if (inTitle) {
          if (name === 'title') inTitle = false;
          return;
        }
        if (VOID.has(name)) return;
        // Pop to the matching element; a stray end tag changes nothing.
        const index = stack.map((entry) => entry.name).lastIndexOf(name);
        if (index < 0) return;
        const [entry] = stack.splice(index);
        if (entry?.skip) return;
        if (/^h[1-6]$/.test(name) && headingLevel > 0) {
          const text = heading.replace(/\s+/g, ' ').trim();
          if (text) blocks.push({ kind: 'heading', level: headingLevel, text });
          headingLevel = 0;
        } else if (name === 'pre') {
          pre = Math.max(0, pre - 1);
          endParagraph();
        } else if (BLOCKS.has(name)) endParagraph();
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true, recognizeCDATA: true },
  );
  parser.write(html);
  parser.end();
  endParagraph();
  const cleanTitle = title.replace(/\s+/g, ' ').trim();
  return { ...(cleanTitle ? { title: cleanTitle } : {}), blocks };
}

/** Adds an HTML page's blocks to `list`, all at `location`. */
export function addHtmlBlocks(list: SegmentList, text: HtmlText, location: SegmentLocation = {}): void {
  for (const block of text.blocks) {
    if (block.kind === 'heading') list.heading(block.text, block.level ?? 1, location);
    else list.text(block.text, location);
  }
}

/** HTML: charset from BOM, then the meta declaration when the bytes agree, then detection. */
export function extractHtml(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeHtml(bytes);
  const page = htmlText(text);
  const list = new SegmentList();
  addHtmlBlocks(list, page);
  return finishExtraction('html', HTML_EXTRACTOR_VERSION, list, {
    encoding,
    ...(page.title ? { title: page.title } : {}),
  });
}
