/**
 * `[n]` citations in a model's answer: `[1]`, `[1, 3]`, `[2][5]`, `[1-3]` (a range), and the full-width
 * brackets Chinese and Japanese answers use (`【2】`, `［2］`). Ranges longer than this are taken as noise.
 */
const MAX_RANGE = 20;
const CITATION = /[[［【]\s*(\d{1,4}(?:\s*(?:[,，、;]|[-–—]|and)\s*\d{1,4})*)\s*[\]］】]/gu;

/** Cited numbers in order of first use, without repeats. */
export function citedNumbers(text: string): number[] {
  const seen = new Set<number>();
  for (const match of text.matchAll(CITATION)) {
    const inside = match[1] ?? '';
    for (const part of inside.split(/\s*(?:[,，、;]|and)\s*/u)) {
      const range = /^(\d+)\s*[-–—]\s*(\d+)$/u.exec(part);
      if (range) {
        const from = Number(range[1]);
        const to = Number(range[2]);
        if (to >= from && to - from <= MAX_RANGE) for (let n = from; n <= to; n++) seen.add(n);
        continue;
      }
      const n = Number(part);
      if (Number.isInteger(n) && n > 0) seen.add(n);
    }
  }
  return [...seen];
}

/** The answer's citations split into those the pack has and those it does not (invented by the model). */
export function checkCitations(text: string, passages: number): { known: number[]; unknown: number[] } {
  const cited = citedNumbers(text);
  return {
    known: cited.filter((n) => n >= 1 && n <= passages),
    unknown: cited.filter((n) => n < 1 || n > passages),
  };
}

/**
 * Drops `<think>…</think>` reasoning that some local models (DeepSeek-R1, Qwen3 through some servers)
 * stream inside the answer text, also when a tag is split across pieces. Feed pieces in order; each call
 * returns the visible text it can already release.
 */
export class ThinkFilter {
  private pending = '';
  private thinking = false;

  push(piece: string): string {
    this.pending += piece;
    let out = '';
    for (;;) {
      const tag = this.thinking ? '</think>' : '<think>';
      const at = this.pending.indexOf(tag);
      if (at !== -1) {
        if (!this.thinking) out += this.pending.slice(0, at);
        this.pending = this.pending.slice(at + tag.length);
        this.thinking = !this.thinking;
        continue;
      }
      // Keep a tail that could be the start of a split tag; release the rest.
      const keep = partialTagLength(this.pending, tag);
      if (!this.thinking) out += this.pending.slice(0, this.pending.length - keep);
      this.pending = this.pending.slice(this.pending.length - keep);
      return out;
    }
  }

  /** The end of the stream: a dangling partial tag was text after all. */
  flush(): string {
    const rest = this.thinking ? '' : this.pending;
    this.pending = '';
    return rest;
  }
}

function partialTagLength(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (tag.startsWith(text.slice(text.length - length))) return length;
  }
  return 0;
}
