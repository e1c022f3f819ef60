// The model-less token estimate must never under-count: chunks made before the model arrives are
// embedded later as they are. Checked against the synthetic tokenizer (jina's format, a 4 K
// vocabulary: finer-grained, so more tokens per text than jina's 250 K) on corpus text in 12+ scripts.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import {
  chunkSegments,
  DEFAULT_CHUNKER_OPTIONS,
  FALLBACK_CHUNKER_OPTIONS,
  fallbackTokenCounter,
  type TokenCounter,
} from '../../../electron/engine/chunk';
import { CORPUS_DIR, corpusAvailability } from '../../fixtures/corpus';
import { syntheticCounter } from '../../unit/engine/chunk/synthetic-counter';

const { skip, problem } = corpusAvailability();

/** Plain-text corpus files: Markdown in 7 languages and the UDHR in 12 (XML tags dropped). */
async function corpusTexts(): Promise<{ name: string; text: string }[]> {
  const markdown = join(CORPUS_DIR, '03-web-markup-text', 'markdown');
  const udhr = join(CORPUS_DIR, '04-parallel', 'udhr');
  const out: { name: string; text: string }[] = [];
  for (const entry of await readdir(markdown, { recursive: true })) {
    if (entry.endsWith('.md')) out.push({ name: entry, text: await readFile(join(markdown, entry), 'utf8') });
  }
  for (const entry of await readdir(udhr)) {
    const xml = await readFile(join(udhr, entry), 'utf8');
    out.push({ name: entry, text: xml.replaceAll(/<[^>]+>/gu, ' ') });
  }
  return out;
}

let synthetic: TokenCounter;
beforeAll(async () => {
  if (problem && !skip) throw new Error(problem);
  synthetic = await syntheticCounter();
});

describe.skipIf(skip)('fallbackTokenCounter on the corpus', () => {
  it('never counts fewer tokens than the tokenizer, per paragraph, per sentence and per file', async () => {
    const texts = await corpusTexts();
    expect(texts.length).toBeGreaterThanOrEqual(18);
    let checked = 0;
    const ratios: number[] = [];
    for (const { name, text } of texts) {
      const paragraphs = text.split(/\n\s*\n/u).filter((part) => part.trim().length > 0);
      const sentences = paragraphs.flatMap((paragraph) =>
        Array.from(new Intl.Segmenter('und', { granularity: 'sentence' }).segment(paragraph), (part) => part.segment),
      );
      const units = [text, ...paragraphs, ...sentences];
      const real = synthetic(units);
      const estimate = fallbackTokenCounter(units);
      units.forEach((unit, i) => {
        if ((estimate[i] ?? 0) < (real[i] ?? 0)) {
          throw new Error(
            `${name}: estimate ${estimate[i]} < ${real[i]} tokens for ${JSON.stringify(unit.slice(0, 80))}`,
          );
        }
      });
      checked += units.length;
      ratios.push((estimate[0] ?? 0) / (real[0] ?? 1));
    }
    expect(checked).toBeGreaterThan(5000);
    // It over-counts, but by a bounded factor (≈ 1.2× CJK … 2.7× Latin against this vocabulary).
    expect(Math.max(...ratios)).toBeLessThan(4);
  });

  it('bounds normalisation expansions, emoji and unknown characters too', () => {
    const tricky = [
      '㍿',
      'ﬁﬂ',
      '①②③',
      '👨‍👩‍👧‍👦🇯🇵',
      'e\u0301\u0302\u0303',
      '\u{1D400}\u{1D401}',
      '𠮷野家',
      'ﾊﾝｶｸ',
      ' a ',
      'x',
    ];
    const real = synthetic(tricky);
    const estimate = fallbackTokenCounter(tricky);
    tricky.forEach((text, i) => expect(estimate[i], text).toBeGreaterThanOrEqual(real[i] ?? 0));
    expect(fallbackTokenCounter([''])).toEqual([0]);
  });

  it('chunks every text within the ceilings, by the model count and by the estimate', async () => {
    let total = 0;
    for (const { name, text } of await corpusTexts()) {
      const segments = [{ kind: 'text' as const, text, location: { line: 1 } }];
      const byModel = chunkSegments(segments, synthetic);
      const byEstimate = chunkSegments(segments, fallbackTokenCounter, FALLBACK_CHUNKER_OPTIONS);
      const modelCounts = synthetic(byEstimate.map((chunk) => chunk.text));
      for (const chunk of byModel) {
        expect(chunk.tokens, name).toBeLessThanOrEqual(DEFAULT_CHUNKER_OPTIONS.maxTokens);
        expect(chunk.text.trim().length, name).toBeGreaterThan(0);
      }
      byEstimate.forEach((chunk, i) => {
        expect(chunk.tokens, name).toBeLessThanOrEqual(FALLBACK_CHUNKER_OPTIONS.maxTokens);
        expect(modelCounts[i] ?? Infinity, name).toBeLessThanOrEqual(chunk.tokens);
      });
      total += byModel.length;
    }
    expect(total).toBeGreaterThan(300);
  });
});
