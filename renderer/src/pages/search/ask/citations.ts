/**
 * `[n]` citations in a model's answer, found in plain text. The model is told to cite passages as
 * `[1]` or `[2][5]`; other bracketed things (`[a]`, `array[0]`) stay text.
 */
export type CitationSegment =
  | { readonly kind: 'text'; readonly text: string }
  /** One bracket group: `[1, 3]` → numbers [1, 3]; `raw` is the text as written. */
  | { readonly kind: 'cite'; readonly numbers: readonly number[]; readonly raw: string };

/**
 * The forms the engine counts (electron/engine/answer/citations.ts), so the marks here agree with the
 * outcome's `citations` and `unknownCitations`: `[1]`, `[1, 3]`, `[1-3]`, `[1 and 3]`, and the
 * full-width brackets and commas of Chinese and Japanese answers (`【2】`, `［1，3］`).
 */
const GROUP = /[[［【]\s*(\d{1,4}(?:\s*(?:[,，、;]|[-–—]|and)\s*\d{1,4})*)\s*[\]］】]/gu;
const SEPARATOR = /\s*(?:[,，、;]|and)\s*/u;
const RANGE = /^(\d+)\s*[-–—]\s*(\d+)$/u;
/** A longer range is noise, not a citation (the engine's limit too). */
const MAX_RANGE = 20;

/** A letter, digit or underscore: what ends an identifier (`array[0]`, `rows[1]`). */
const WORD_END = /[\p{L}\p{N}_]$/u;

/**
 * Splits `text` into plain text and citation groups. A group written straight after a word (`rights[1]`,
 * common in answers, but also `array[1]` in code-like prose) counts only when every number in it is a
 * source; a group after a space or punctuation counts whatever its numbers (those not among `sources`
 * are shown as "not a source"). A group with a 0 or an overlong range is left as text.
 */
export function parseCitations(text: string, sources: ReadonlySet<number>): CitationSegment[] {
  const segments: CitationSegment[] = [];
  let last = 0;
  for (const match of text.matchAll(GROUP)) {
    const start = match.index;
    const numbers = groupNumbers(match[1] ?? '');
    if (!numbers) continue;
    const afterWord = WORD_END.test(text.slice(Math.max(0, start - 2), start));
    if (afterWord && !numbers.every((n) => sources.has(n))) continue;
    if (start > last) segments.push({ kind: 'text', text: text.slice(last, start) });
    segments.push({ kind: 'cite', numbers, raw: match[0] });
    last = start + match[0].length;
  }
  if (last < text.length) segments.push({ kind: 'text', text: text.slice(last) });
  return mergeText(segments);
}

/** `1, 3` → [1, 3]; `2-4` → [2, 3, 4]; null when a part is 0 or a range runs backwards or too far. */
function groupNumbers(inside: string): number[] | null {
  const numbers: number[] = [];
  for (const part of inside.split(SEPARATOR)) {
    const range = RANGE.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (from < 1 || to < from || to - from > MAX_RANGE) return null;
      for (let n = from; n <= to; n++) numbers.push(n);
      continue;
    }
    const n = Number(part);
    if (!Number.isInteger(n) || n < 1) return null;
    numbers.push(n);
  }
  return numbers;
}

/** The distinct numbers cited in `text`, in order of first use. */
export function citedNumbers(text: string, sources: ReadonlySet<number>): number[] {
  const seen = new Set<number>();
  for (const segment of parseCitations(text, sources)) {
    if (segment.kind === 'cite') segment.numbers.forEach((n) => seen.add(n));
  }
  return [...seen];
}

function mergeText(segments: CitationSegment[]): CitationSegment[] {
  const out: CitationSegment[] = [];
  for (const segment of segments) {
    const previous = out.at(-1);
    if (segment.kind === 'text' && previous?.kind === 'text') {
      out[out.length - 1] = { kind: 'text', text: previous.text + segment.text };
    } else {
      out.push(segment);
    }
  }
  return out;
}
