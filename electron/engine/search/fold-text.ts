/**
 * Folding for highlight matching: lower case, compatibility forms (full-width `Ａ`, half-width `ｶ`, ligature
 * `ﬁ`, Arabic presentation forms) and, on Latin, Greek, Arabic and Hebrew letters, accents and vowel marks
 * removed — so `resume` finds `Résumé` as the keyword index does (its n-gram tokenizer folds ASCII
 * accents). Marks stay on every other script: a dakuten (ガ vs カ), a Thai vowel or a Devanagari matra
 * changes the word. `ß`, `æ`, `œ`, `ø`, `ł`, `đ`, `ð`, `þ`, dotless `ı` fold as the index's ASCII folding
 * does (`ß` → `ss`, so `strasse` and `straße` find each other); final `ς` folds to `σ`, `’` to `'`.
 *
 * Folding changes lengths (`İ` → `i`, `ß` → `ss`, `ﬁ` → `fi`, `e` + U+0301 → `e`), so every folded UTF-16
 * unit records the source unit it came from: a match in the folded text maps back to an exact range of the
 * source that never splits a surrogate pair or a letter from its marks.
 */
export interface FoldedText {
  readonly text: string;
  /** Per UTF-16 unit of `text`: where its source unit starts in the input (may be longer than `text`). */
  readonly sourceStart: Int32Array;
  /** Per UTF-16 unit of `text`: where its source unit ends in the input (exclusive). */
  readonly sourceEnd: Int32Array;
}

/** Letters after which combining marks are dropped (see the file comment). */
const MARK_STRIPPING_BASE = /^[\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]/u;
const MARKS = /\p{M}/gu;
const VARIATION_SELECTORS = /[\uFE00-\uFE0F]/gu;
const IS_MARK = /^\p{M}$/u;
/** Folded as Lucene/tantivy ASCII folding does, which NFKD alone does not decompose. */
const SPECIAL_LOWER: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ς: 'σ',
  // Typographic apostrophes (word processors replace `'` as you type): `don't` finds `don’t`.
  '\u2019': "'",
  '\u02bc': "'",
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LOWER).join('')}]`, 'gu');
/**
 * Invisible characters that break words apart in extracted text without meaning anything to a reader:
 * soft hyphen, zero-width space/joiners, word joiner. Folded to nothing so `exam\u00ADple` matches.
 */
const INVISIBLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060]);

// ~60 passages of up to 8 KB are folded per keystroke: a normalize() per character would dominate, so
// folds are memoised and runs of characters that only lower-case are copied as slices (measured on the
// UDHR: 60 × 8 KB snippets in ~20 ms CPU on this 2-core machine, all stages). The caches are bounded.
const MAX_CACHE = 20_000;
const codePointCache = new Map<number, string>();
const clusterCache = new Map<string, string>();
/** BMP code point → 1: attaches to the previous character, 2: does not; 0: not looked up yet. */
const attachTable = new Uint8Array(0x10000);

function foldCluster(cluster: string): string {
  let folded = cluster.normalize('NFKD').toLowerCase();
  folded = folded.replace(SPECIAL_PATTERN, (ch) => SPECIAL_LOWER[ch] ?? ch);
  folded = MARK_STRIPPING_BASE.test(folded) ? folded.replace(MARKS, '') : folded.replace(VARIATION_SELECTORS, '');
  // NFKD split kana from their voicing marks and Hangul syllables into jamo; NFC puts them back.
  return folded.normalize('NFC');
}

function foldCodePoint(codePoint: number): string {
  let folded = codePointCache.get(codePoint);
  if (folded === undefined) {
    // Ideographic variation selectors (U+E0100–E01EF) pick a glyph of the Han character before them.
    const invisible = INVISIBLE.has(codePoint) || (codePoint >= 0xe0100 && codePoint <= 0xe01ef);
    folded = invisible ? '' : foldCluster(String.fromCodePoint(codePoint));
    if (codePointCache.size >= MAX_CACHE) codePointCache.clear();
    codePointCache.set(codePoint, folded);
  }
  return folded;
}

function foldMultiple(cluster: string): string {
  let folded = clusterCache.get(cluster);
  if (folded === undefined) {
    folded = foldCluster(cluster);
    if (clusterCache.size >= MAX_CACHE) clusterCache.clear();
    clusterCache.set(cluster, folded);
  }
  return folded;
}

/**
 * Characters folded together with the one before: combining marks, half-width voicing marks (`ｶﾞ` is
 * `ガ`), and conjoining Hangul vowels/finals (decomposed syllables, as macOS file systems write them).
 */
function attaches(codePoint: number): boolean {
  if (codePoint < 0x300) return false;
  if (codePoint > 0xffff) return IS_MARK.test(String.fromCodePoint(codePoint));
  let known = attachTable[codePoint];
  if (known === 0) {
    const attach =
      codePoint === 0xff9e ||
      codePoint === 0xff9f ||
      (codePoint >= 0x1160 && codePoint <= 0x11ff) ||
      (codePoint >= 0xd7b0 && codePoint <= 0xd7ff) ||
      IS_MARK.test(String.fromCharCode(codePoint));
    known = attach ? 1 : 2;
    attachTable[codePoint] = known;
  }
  return known === 1;
}

/** JavaScript `\s`: the white space `String.prototype.trim` and `/\s/` know. */
export function isWhiteSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * Scripts written without spaces between words: Han, kana, Thai, Lao, Khmer, Myanmar (and CJK
 * symbols/half-width forms around them). Their words come from a dictionary segmenter, matches may start
 * anywhere, and a space between two of their characters is usually an extraction artefact.
 */
export function isSpacelessScript(codePoint: number): boolean {
  return (
    (codePoint >= 0x0e00 && codePoint <= 0x0eff) || // Thai, Lao
    (codePoint >= 0x1000 && codePoint <= 0x109f) || // Myanmar
    (codePoint >= 0x1780 && codePoint <= 0x17ff) || // Khmer
    (codePoint >= 0x3040 && codePoint <= 0x30ff) || // Hiragana, Katakana
    (codePoint >= 0x31f0 && codePoint <= 0x31ff) || // Katakana extensions
    (codePoint >= 0x3400 && codePoint <= 0x4dbf) || // Han extension A
    (codePoint >= 0x4e00 && codePoint <= 0x9fff) || // Han
    (codePoint >= 0xf900 && codePoint <= 0xfaff) || // Han compatibility
    (codePoint >= 0xff66 && codePoint <= 0xff9f) || // half-width Katakana
    (codePoint >= 0x20000 && codePoint <= 0x3134f) // Han extensions B–H
  );
}

/** BMP code point → 1: folds to its own lower case, one unit (most letters); 2: needs a full fold; 0: unknown. */
const simpleTable = new Uint8Array(0x10000);

function isSimple(code: number): boolean {
  let known = simpleTable[code];
  if (known === 0) {
    const lower = String.fromCharCode(code).toLowerCase();
    const simple =
      !(code >= 0xd800 && code <= 0xdfff) &&
      // Σ lower-cases to ς or σ depending on what follows: never part of a run lower-cased at once.
      code !== 0x3a3 &&
      !isWhiteSpace(code) &&
      !INVISIBLE.has(code) &&
      !attaches(code) &&
      lower.length === 1 &&
      foldCodePoint(code) === lower;
    known = simple ? 1 : 2;
    simpleTable[code] = known;
  }
  return known === 1;
}

/** The folded text grown piece by piece, with its offset map in typed arrays (8 KB passages, ~60 a keystroke). */
class FoldBuilder {
  text = '';
  length = 0;
  starts: Int32Array;
  ends: Int32Array;

  constructor(capacity: number) {
    this.starts = new Int32Array(capacity + 16);
    this.ends = new Int32Array(capacity + 16);
  }

  /** A folded piece, all of it from source `[start, end)`. */
  piece(piece: string, start: number, end: number): void {
    this.reserve(piece.length);
    this.text += piece;
    for (let k = 0; k < piece.length; k++, this.length++) {
      this.starts[this.length] = start;
      this.ends[this.length] = end;
    }
  }

  /** Source `[start, end)` of simple characters: lower-cased as one string, unit for unit. */
  run(source: string, start: number, end: number): void {
    if (end <= start) return;
    this.reserve(end - start);
    this.text += source.slice(start, end).toLowerCase();
    for (let k = start; k < end; k++, this.length++) {
      this.starts[this.length] = k;
      this.ends[this.length] = k + 1;
    }
  }

  private reserve(more: number): void {
    if (this.length + more <= this.starts.length) return;
    const capacity = Math.max(this.starts.length * 2, this.length + more);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    starts.set(this.starts);
    ends.set(this.ends);
    this.starts = starts;
    this.ends = ends;
  }
}

const codePointBefore = (text: string, at: number): number => {
  const low = text.charCodeAt(at - 1);
  return low >= 0xdc00 && low <= 0xdfff && at >= 2 ? (text.codePointAt(at - 2) ?? low) : low;
};

/**
 * Folds `text` and records where each folded unit came from. White space runs fold to one space, or to
 * nothing between two characters of a spaceless script (PDF text layers often put spaces between Han
 * characters); leading and trailing white space is dropped.
 */
export function foldWithOffsets(text: string): FoldedText {
  const n = text.length;
  const out = new FoldBuilder(n);
  // Runs of simple characters are copied as slices: no per-character string or map lookup.
  let runStart = 0;
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    const next = i + 1 < n ? text.charCodeAt(i + 1) : 0;
    if (isSimple(code) && (next < 0x300 || !attaches(next))) {
      i++;
      continue;
    }
    out.run(text, runStart, i);
    if (isWhiteSpace(code)) {
      let end = i + 1;
      while (end < n && isWhiteSpace(text.charCodeAt(end))) end++;
      const between =
        i > 0 && isSpacelessScript(codePointBefore(text, i)) && isSpacelessScript(text.codePointAt(end) ?? 0);
      if (out.length > 0 && end < n && !between) out.piece(' ', i, end);
      runStart = i = end;
      continue;
    }
    const codePoint = text.codePointAt(i) ?? code;
    let end = i + (codePoint > 0xffff ? 2 : 1);
    const single = end;
    while (end < n) {
      const following = text.codePointAt(end) ?? 0;
      if (!attaches(following)) break;
      end += following > 0xffff ? 2 : 1;
    }
    out.piece(end === single ? foldCodePoint(codePoint) : foldMultiple(text.slice(i, end)), i, end);
    runStart = i = end;
  }
  out.run(text, runStart, n);
  return { text: out.text, sourceStart: out.starts, sourceEnd: out.ends };
}

/** A term folded the way passages are, for matching with `foldWithOffsets(passage).text`. */
export function foldTerm(term: string): string {
  return foldWithOffsets(term).text;
}
