import { diffArrays, type ArrayChange } from 'diff';

import type { DiffSegment } from '../../../shared';

/**
 * Word-level differences between two passages, for the side-by-side view of a near-duplicate pair.
 *
 * Words come from `Intl.Segmenter` (the `und` locale, as search/query-terms.ts: its dictionaries split
 * Chinese, Japanese, Thai, Lao, Khmer and Burmese, which have no spaces) and are compared with jsdiff's
 * `diffArrays`. Not `diffWords`: its common runs carry the *new* text's spacing, so the old side could
 * not be rebuilt exactly; here each side is cut from its own text. White space is not compared (a
 * re-wrapped line is not an edit) — a gap is marked only when the words on both sides of it are.
 */

const words = new Intl.Segmenter('und', { granularity: 'word' });
const WHITE_SPACE = /^\s+$/u;
/**
 * jsdiff is O(N·D): two unrelated 1 000-word passages cost ~1 M steps. Past this many edits the passages
 * are not worth a word diff; each is then one changed run.
 */
const MAX_EDIT_LENGTH = 1_000;

interface Token {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** The non-space segments of `text` (words, punctuation, each CJK/Thai dictionary word), with offsets. */
export function wordTokens(text: string): Token[] {
  const out: Token[] = [];
  for (const { segment, index } of words.segment(text)) {
    if (!WHITE_SPACE.test(segment)) out.push({ text: segment, start: index, end: index + segment.length });
  }
  return out;
}

/** Adjacent runs with the same flag joined; empty text dropped. */
function pushSegment(out: DiffSegment[], text: string, changed: boolean): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.changed === changed) out[out.length - 1] = { text: last.text + text, changed };
  else out.push({ text, changed });
}

/**
 * `text` cut into runs by the changed flag of each token: the gap between two tokens is changed only
 * when both are, so "one two" → "uno dos" marks one run and "a b c" → "a x c" marks only `b`.
 */
function segmentsOf(text: string, tokens: readonly Token[], changed: readonly boolean[]): DiffSegment[] {
  const out: DiffSegment[] = [];
  let at = 0;
  tokens.forEach((token, i) => {
    const flag = changed[i] === true;
    pushSegment(out, text.slice(at, token.start), flag && changed[i - 1] === true);
    pushSegment(out, token.text, flag);
    at = token.end;
  });
  pushSegment(out, text.slice(at), false);
  return out;
}

/** Which tokens of each side the other lacks, from jsdiff's change list. */
function changedFlags(changes: readonly ArrayChange<string>[], left: number, right: number): [boolean[], boolean[]] {
  const a = new Array<boolean>(left).fill(false);
  const b = new Array<boolean>(right).fill(false);
  let i = 0;
  let j = 0;
  for (const change of changes) {
    if (change.removed) {
      a.fill(true, i, i + change.count);
      i += change.count;
    } else if (change.added) {
      b.fill(true, j, j + change.count);
      j += change.count;
    } else {
      i += change.count;
      j += change.count;
    }
  }
  return [a, b];
}

export interface TextDiff {
  readonly a: DiffSegment[];
  readonly b: DiffSegment[];
}

/** Both passages split into runs the other side has (`changed: false`) or lacks (`changed: true`). */
export function diffText(a: string, b: string): TextDiff {
  const left = wordTokens(a);
  const right = wordTokens(b);
  const changes = diffArrays(
    left.map((token) => token.text),
    right.map((token) => token.text),
    { maxEditLength: MAX_EDIT_LENGTH },
  );
  if (changes === undefined) {
    return {
      a: segmentsOf(
        a,
        left,
        left.map(() => true),
      ),
      b: segmentsOf(
        b,
        right,
        right.map(() => true),
      ),
    };
  }
  const [flagsA, flagsB] = changedFlags(changes, left.length, right.length);
  return { a: segmentsOf(a, left, flagsA), b: segmentsOf(b, right, flagsB) };
}

/** Passages in different languages: a word diff would mark everything, so each side is one plain run. */
export function unmarked(text: string): DiffSegment[] {
  return text === '' ? [] : [{ text, changed: false }];
}
