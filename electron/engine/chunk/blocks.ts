import type { Segment } from '../extract/types';

/**
 * A paragraph or a heading: the unit the chunker packs. Offsets inside `text` are what pieces refer to.
 * `section` numbers the runs between structural breaks — a heading (a run of consecutive headings
 * opens one section) or a change of the segment's named section (sheet, EPUB chapter file).
 */
export interface Block {
  readonly text: string;
  readonly heading: boolean;
  readonly section: number;
  /** Heading path in force (for a heading block, including itself), outermost first. */
  readonly headings: readonly string[];
  readonly page: number | undefined;
  readonly sectionName: string | undefined;
  /** 1-based line of `text[0]` in the file, when the extractor gave lines. */
  readonly line: number | undefined;
  /** Last line of the segment the block came from: line numbers are clamped to it. */
  readonly lineLimit: number | undefined;
}

const PARAGRAPH_BREAK = /\n[^\S\n]*\n\s*/gu;

function countNewlines(text: string, end = text.length): number {
  let lines = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < end; i = text.indexOf('\n', i + 1)) lines += 1;
  return lines;
}

/** The line of offset `at` in a block, clamped to its segment's last line. */
export function lineAt(block: Block, at: number): number | undefined {
  if (block.line === undefined) return undefined;
  const line = block.line + countNewlines(block.text, at);
  return block.lineLimit === undefined ? line : Math.min(line, block.lineLimit);
}

/** Paragraphs of a text segment as [start, end) offsets, trimmed, blank ones dropped. */
function paragraphs(text: string): [number, number][] {
  const out: [number, number][] = [];
  let start = 0;
  const push = (from: number, to: number) => {
    const slice = text.slice(from, to);
    const lead = slice.length - slice.trimStart().length;
    const trimmed = slice.trim();
    if (trimmed.length > 0) out.push([from + lead, from + lead + trimmed.length]);
  };
  for (const match of text.matchAll(PARAGRAPH_BREAK)) {
    push(start, match.index);
    start = match.index + match[0].length;
  }
  push(start, text.length);
  return out;
}

export function buildBlocks(segments: readonly Segment[]): Block[] {
  const blocks: Block[] = [];
  let stack: { level: number; text: string }[] = [];
  let section = -1;
  let previousWasHeading = false;
  let previousName: string | undefined;
  let first = true;
  for (const segment of segments) {
    if (segment.text.trim().length === 0) continue;
    const { page, section: sectionName, line, lineEnd } = segment.location;
    if (!first && sectionName !== previousName) {
      section += 1;
      stack = [];
      previousWasHeading = false;
    }
    first = false;
    previousName = sectionName;
    if (segment.kind === 'heading') {
      const level = Math.min(6, Math.max(1, Math.trunc(segment.level ?? 1)));
      const text = segment.text.replace(/\s+/gu, ' ').trim();
      stack = [...stack.filter((entry) => entry.level < level), { level, text }];
      if (!previousWasHeading) section += 1;
      previousWasHeading = true;
      blocks.push({
        text,
        heading: true,
        section,
        headings: stack.map((entry) => entry.text),
        page,
        sectionName,
        line,
        lineLimit: lineEnd ?? line,
      });
      continue;
    }
    if (section < 0) section = 0;
    previousWasHeading = false;
    const headings = stack.map((entry) => entry.text);
    for (const [start, end] of paragraphs(segment.text)) {
      blocks.push({
        text: segment.text.slice(start, end),
        heading: false,
        section,
        headings,
        page,
        sectionName,
        line: line === undefined ? undefined : line + countNewlines(segment.text, start),
        lineLimit: lineEnd,
      });
    }
  }
  return blocks;
}
