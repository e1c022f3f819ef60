import type { TextRange } from '../../../shared';

/**
 * How far a cut may move to reach a word boundary before it falls back to a grapheme boundary: a long
 * URL or a run of digits is cut inside rather than dropped whole.
 */
const MAX_WORD_SHIFT = 24;

const words = new Intl.Segmenter('und', { granularity: 'word' });
const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

const WHITE_SPACE_RUN = /\s+/g;
const PARAGRAPH_BREAK = /\n[^\S\n]*\n|\u2029/;
// No `\n` in the leading part: a plain `\s*` there backtracks over every space of the passage.
const PARAGRAPH_RUN = /[^\S\n\u2029]*(?:\n[^\S\n]*\n|\u2029)\s*/g;
/** White space but U+2029 (the paragraph separator, which the sentence segmenter breaks at). */
const OTHER_WHITE_SPACE_RUN = /[\t-\r \xa0\u1680\u2000-\u200a\u2028\u202f\u205f\u3000\ufeff]+/g;

/**
 * The passage with white space runs collapsed to one space and trimmed (`text`), and the same with
 * paragraph breaks (a blank line) kept as U+2029 (`sentenceView`, the same length): sentences are found in
 * the view, so a heading without a full stop does not merge into the next paragraph, while a single line
 * break — a PDF line wrapping mid-sentence — does not end a sentence.
 */
export function collapseWhiteSpace(passage: string): { text: string; sentenceView: string } {
  if (!PARAGRAPH_BREAK.test(passage)) {
    const text = passage.replace(WHITE_SPACE_RUN, ' ').trim();
    return { text, sentenceView: text };
  }
  const sentenceView = passage.replace(PARAGRAPH_RUN, '\u2029').replace(OTHER_WHITE_SPACE_RUN, ' ').trim();
  return { text: sentenceView.replaceAll('\u2029', ' '), sentenceView };
}

/** Word and grapheme boundaries of one text, segmented lazily (most snippets need few or none). */
export interface Boundaries {
  /** The grapheme boundary at or before `at`. */
  graphemeFloor(at: number): number;
  /** The grapheme boundary at or after `at`. */
  graphemeCeil(at: number): number;
  /** A cut for an excerpt's start at or after `at`: a word start nearby, else a grapheme boundary. */
  cutStart(at: number, limit: number): number;
  /** A cut for an excerpt's end at or before `at`: a word end nearby, else a grapheme boundary. */
  cutEnd(at: number, limit: number): number;
}

export function boundaries(text: string): Boundaries {
  let wordSegments: Intl.Segments | undefined;
  let graphemeSegments: Intl.Segments | undefined;
  // Below U+0300 nothing extends a grapheme (the text has no CR LF left): skip ICU for Latin text.
  const trivial = (at: number) =>
    at <= 0 || at >= text.length || (text.charCodeAt(at - 1) < 0x300 && text.charCodeAt(at) < 0x300);
  const grapheme = (at: number) => (graphemeSegments ??= graphemes.segment(text)).containing(at);
  const word = (at: number) => (wordSegments ??= words.segment(text)).containing(at);
  const graphemeFloor = (at: number) => (trivial(at) ? at : (grapheme(at)?.index ?? at));
  const graphemeCeil = (at: number) => {
    if (trivial(at)) return at;
    const segment = grapheme(at);
    return segment && segment.index < at ? segment.index + segment.segment.length : at;
  };
  return {
    graphemeFloor,
    graphemeCeil,
    cutStart(at, limit) {
      if (at <= 0) return 0;
      const segment = word(at);
      if (!segment || segment.index === at) return at;
      const end = segment.index + segment.segment.length;
      return end - at <= limit ? end : graphemeCeil(at);
    },
    cutEnd(at, limit) {
      if (at >= text.length) return text.length;
      const segment = word(at);
      if (!segment || segment.index === at) return at;
      return at - segment.index <= limit && segment.index > 0 ? segment.index : graphemeFloor(at);
    },
  };
}

const trimmed = (text: string, start: number, end: number): [number, number] => {
  while (start < end && text[start] === ' ') start++;
  while (end > start && text[end - 1] === ' ') end--;
  return [start, end];
};

/** The excerpt when nothing matched: the start of the passage. */
export function leadingExcerpt(text: string, bounds: Boundaries, maxChars: number): [number, number] {
  const end = bounds.cutEnd(Math.min(text.length, maxChars), Math.min(MAX_WORD_SHIFT, Math.floor(maxChars / 5)));
  return trimmed(text, 0, end);
}

/**
 * The excerpt around the best sentence. A sentence that fits is shown from its start (from the passage's
 * start when only a few words precede it), with the text after it (then before it, near the passage's
 * end) filling the rest; a longer one is shown from a quarter of the budget before its first match, so
 * the match has some lead-in.
 */
export function sentenceExcerpt(
  text: string,
  bounds: Boundaries,
  sentence: TextRange,
  firstMatch: number,
  maxChars: number,
): [number, number] {
  const n = text.length;
  const length = sentence.end - sentence.start;
  let start: number;
  if (length <= maxChars) {
    const room = maxChars - length;
    if (sentence.start <= Math.min(room, Math.floor(maxChars / 4))) {
      // Little text before the sentence: show the passage from its start rather than hide a few words.
      start = 0;
    } else {
      const after = Math.min(n - sentence.end, room);
      start = sentence.start - Math.min(sentence.start, room - after);
    }
  } else {
    const lead = Math.floor(maxChars / 4);
    start = firstMatch - lead < sentence.start + lead ? sentence.start : firstMatch - lead;
    start = Math.max(0, Math.min(start, n - maxChars));
  }
  const end = Math.min(n, start + maxChars);
  const shift = Math.min(MAX_WORD_SHIFT, Math.floor(maxChars / 5));
  return trimmed(text, bounds.cutStart(start, shift), bounds.cutEnd(end, shift));
}
