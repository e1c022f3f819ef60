import { parseCitations, type CitationSegment } from './citations';

/**
 * A model's answer as the few shapes worth drawing: paragraphs, bulleted and numbered lists, headings
 * and code blocks. Parsed from plain text into data; React renders it as text nodes, never as HTML.
 * Runs on every streamed delta, so a half-written line is simply a shorter paragraph.
 */
export type AnswerBlock =
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'heading'; readonly text: string }
  | { readonly kind: 'code'; readonly text: string }
  | {
      readonly kind: 'list';
      readonly ordered: boolean;
      /** The first item's number (`<ol start>`); 1 for bullets. */
      readonly start: number;
      readonly items: readonly string[];
    };

const BULLET = /^\s{0,3}[-*•+]\s+(.*)$/;
const NUMBERED = /^\s{0,3}(\d{1,3})[.)]\s+(.*)$/;
const HEADING = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/;
const FENCE = /^\s{0,3}(```|~~~)/;

export function answerBlocks(text: string): AnswerBlock[] {
  const blocks: AnswerBlock[] = [];
  let paragraph: string[] = [];
  let list: { ordered: boolean; start: number; items: string[] } | null = null;
  let code: { fence: string; lines: string[] } | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: 'paragraph', text: paragraph.join('\n') });
    if (list) blocks.push({ kind: 'list', ...list });
    paragraph = [];
    list = null;
  };

  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (code) {
      if (line.trim().startsWith(code.fence)) {
        blocks.push({ kind: 'code', text: code.lines.join('\n') });
        code = null;
      } else {
        code.lines.push(line);
      }
      continue;
    }
    const fence = FENCE.exec(line);
    if (fence?.[1]) {
      flush();
      code = { fence: fence[1], lines: [] };
      continue;
    }
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: heading[1] ?? '' });
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      const ordered = numbered !== null;
      const item = (bullet ? bullet[1] : numbered?.[2]) ?? '';
      // A list right after a paragraph line, or a list of the other kind, starts a block of its own.
      if (paragraph.length > 0 || (list && list.ordered !== ordered)) flush();
      list ??= { ordered, start: ordered ? Number(numbered?.[1]) : 1, items: [] };
      list.items.push(item);
      continue;
    }
    if (list) {
      // A line under an item, not itself an item: that item goes on.
      const items = list.items;
      items[items.length - 1] = `${items.at(-1) ?? ''}\n${line.trim()}`;
      continue;
    }
    paragraph.push(line);
  }
  // An unclosed fence while streaming: the code so far.
  if (code) blocks.push({ kind: 'code', text: code.lines.join('\n') });
  flush();
  return blocks;
}

/** A piece of a line: text (bold or not), inline code (never holds citations), or a citation group. */
export type InlineSegment =
  | { readonly kind: 'text'; readonly text: string; readonly strong: boolean }
  | { readonly kind: 'code'; readonly text: string }
  | (Extract<CitationSegment, { kind: 'cite' }> & { readonly strong: boolean });

/** `**bold**`, `` `code` `` and citations within one block's text; unpaired markers stay as written. */
export function inlineSegments(text: string, sources: ReadonlySet<number>): InlineSegment[] {
  const out: InlineSegment[] = [];
  const parts = text.split(/(`[^`\n]+`)/);
  let strong = false;
  for (const [index, part] of parts.entries()) {
    if (index % 2 === 1) {
      out.push({ kind: 'code', text: part.slice(1, -1) });
      continue;
    }
    const pieces = part.split('**');
    // An odd number of markers in the whole text leaves the last one unpaired: it stays literal.
    for (const [i, piece] of pieces.entries()) {
      if (i > 0) {
        if (pairedFrom(parts, index, i)) strong = !strong;
        else pushText(out, '**', strong);
      }
      for (const segment of parseCitations(piece, sources)) {
        if (segment.kind === 'text') pushText(out, segment.text, strong);
        else out.push({ ...segment, strong });
      }
    }
  }
  return out;
}

/** Whether the `**` before `pieces[i]` of text part `index` has a partner (counting outside code spans). */
function pairedFrom(parts: readonly string[], index: number, i: number): boolean {
  let before = 0;
  let total = 0;
  for (const [p, part] of parts.entries()) {
    if (p % 2 === 1) continue;
    const markers = part.split('**').length - 1;
    total += markers;
    if (p < index) before += markers;
    else if (p === index) before += i - 1;
  }
  // Markers pair up in order: the k-th (0-based) has a partner unless it is the last of an odd count.
  return !(total % 2 === 1 && before === total - 1);
}

function pushText(out: InlineSegment[], text: string, strong: boolean): void {
  if (text === '') return;
  const previous = out.at(-1);
  if (previous?.kind === 'text' && previous.strong === strong) {
    out[out.length - 1] = { ...previous, text: previous.text + text };
  } else {
    out.push({ kind: 'text', text, strong });
  }
}
