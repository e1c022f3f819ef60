import { decodeBytes } from '../decode';
import { finishExtraction, SegmentList } from '../segments';
import type { Extracted, SegmentLocation } from '../types';

export const MARKDOWN_EXTRACTOR_VERSION = 1;

const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Inline markup that would only add noise to search: images become their alt text, links their label,
 * HTML tags and emphasis markers go; inline code keeps its content.
 */
export function stripInline(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)/g, '$1')
    .replace(/\[([^\]]+)\]\[[^\]]*\]/g, '$1')
    .replace(/<\/?[a-zA-Z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/`([^`]+)`/g, '$1');
}

/** Markdown: ATX and setext headings become heading segments; code fences stay text, unchanged. */
export function extractMarkdown(bytes: Uint8Array): Extracted {
  const { text, encoding } = decodeBytes(bytes);
  const lines = text.split(/\r\n|\r|\n/);
  const list = new SegmentList();
  let buffer: string[] = [];
  let start = 0;
  let title: string | undefined;

  const flush = (end: number): void => {
    if (buffer.length > 0) list.text(stripInline(buffer.join('\n')), { line: start + 1, lineEnd: end + 1 });
    buffer = [];
  };
  const heading = (raw: string, level: number, line: number, lineEnd = line): void => {
    const clean = stripInline(raw).trim();
    title ??= level === 1 && clean ? clean : undefined;
    const location: SegmentLocation = { line: line + 1, lineEnd: lineEnd + 1 };
    list.heading(clean, level, location);
  };

  let i = 0;
  // YAML front matter is metadata, not prose.
  if (lines[0]?.trim() === '---') {
    const end = lines.findIndex((line, index) => index > 0 && /^(---|\.\.\.)\s*$/.test(line));
    if (end > 0) i = end + 1;
  }
  for (; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = FENCE.exec(line);
    if (fence) {
      flush(i - 1);
      const marker = fence[1]!;
      let end = i + 1;
      while (end < lines.length && !(lines[end] ?? '').trimStart().startsWith(marker)) end++;
      const body = lines.slice(i + 1, end).join('\n');
      list.text(body, { line: i + 2, lineEnd: Math.min(end, lines.length) });
      i = end;
      continue;
    }
    const atx = ATX.exec(line);
    if (atx) {
      flush(i - 1);
      heading(atx[2] ?? '', atx[1]!.length, i);
      continue;
    }
    const setext = SETEXT.exec(line);
    if (setext) {
      if (buffer.length === 1 && !/^\s*[-*+]\s/.test(buffer[0]!)) {
        const raw = buffer[0]!;
        buffer = [];
        heading(raw, setext[1]!.startsWith('=') ? 1 : 2, i - 1, i);
      } else {
        flush(i - 1); // a thematic break
      }
      continue;
    }
    if (line.trim() === '') {
      flush(i - 1);
      continue;
    }
    if (buffer.length === 0) start = i;
    buffer.push(line);
  }
  flush(lines.length - 1);
  return finishExtraction('markdown', MARKDOWN_EXTRACTOR_VERSION, list, { encoding, ...(title ? { title } : {}) });
}
