import type { Snippet, TextRange } from '../../../../shared';

/** A run of snippet text that is either a query-term match (`mark`) or not. */
export interface SnippetSegment {
  readonly text: string;
  readonly mark: boolean;
}

/** Consecutive segments inside (`sentence`) or outside the best-matching sentence. */
export interface SnippetPart {
  readonly sentence: boolean;
  readonly segments: readonly SnippetSegment[];
}

/**
 * Cuts a snippet into plain and highlighted runs, grouped by whether they lie in the best sentence.
 * Ranges are UTF-16 indices into `snippet.text` (the contract's unit), so plain `slice` is right; they
 * are still clamped, ordered and merged here, and a boundary that would split a surrogate pair is moved
 * past it, so a bad range from an older engine can neither throw nor break an emoji in two.
 */
export function snippetParts(snippet: Pick<Snippet, 'text' | 'highlights' | 'sentence'>): SnippetPart[] {
  const { text } = snippet;
  const marks = mergeRanges(snippet.highlights.map((range) => clampRange(range, text)));
  const sentence = snippet.sentence ? clampRange(snippet.sentence, text) : null;
  const cuts = new Set<number>([0, text.length]);
  for (const range of [...marks, ...(sentence ? [sentence] : [])]) {
    cuts.add(range.start);
    cuts.add(range.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const parts: { sentence: boolean; segments: SnippetSegment[] }[] = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const start = points[i] ?? 0;
    const end = points[i + 1] ?? start;
    if (end <= start) continue;
    const mark = marks.some((range) => range.start <= start && end <= range.end);
    const inSentence = sentence !== null && sentence.start <= start && end <= sentence.end;
    const last = parts.at(-1);
    const segment = { text: text.slice(start, end), mark };
    if (last && last.sentence === inSentence) {
      const previous = last.segments.at(-1);
      if (previous && previous.mark === mark) last.segments[last.segments.length - 1] = joined(previous, segment);
      else last.segments.push(segment);
    } else {
      parts.push({ sentence: inSentence, segments: [segment] });
    }
  }
  return parts;
}

function joined(a: SnippetSegment, b: SnippetSegment): SnippetSegment {
  return { text: a.text + b.text, mark: a.mark };
}

/** Within `[0, text.length]`, start ≤ end, and never between the two halves of a surrogate pair. */
export function clampRange(range: TextRange, text: string): TextRange {
  const start = codePointBoundary(text, Math.min(Math.max(0, range.start), text.length), 'down');
  const end = codePointBoundary(text, Math.min(Math.max(start, range.end), text.length), 'up');
  return { start, end };
}

function codePointBoundary(text: string, index: number, direction: 'up' | 'down'): number {
  const low = text.charCodeAt(index);
  const high = text.charCodeAt(index - 1);
  const inside = low >= 0xdc00 && low <= 0xdfff && high >= 0xd800 && high <= 0xdbff;
  if (!inside) return index;
  return direction === 'up' ? index + 1 : index - 1;
}

/** Sorted, non-empty and non-overlapping (touching ranges are joined into one mark). */
export function mergeRanges(ranges: readonly TextRange[]): TextRange[] {
  const sorted = ranges.filter((r) => r.end > r.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged.at(-1);
    if (last && range.start <= last.end)
      merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, range.end) };
    else merged.push({ ...range });
  }
  return merged;
}
