// Every file of ../shared/corpus through the worker pool: each yields text (checked against the corpus's
// .expected.txt files and strings chosen from MANIFEST.tsv and the files) or its expected error code.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createExtractorPool, type Extracted, type ExtractorPool } from '../../../electron/engine/extract';
import { CORPUS_ERRORS, CORPUS_STRINGS, CORPUS_UNWANTED } from './corpus-expectations';

const CORPUS = resolve(import.meta.dirname, '../../../../shared/corpus');
const present = existsSync(join(CORPUS, 'MANIFEST.tsv'));
if (!present && process.env['CI']) throw new Error(`the test corpus is missing at ${CORPUS} (required when CI is set)`);
if (!present) console.warn(`skipping the corpus extraction test: no corpus at ${CORPUS}`);

async function walk(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : Promise.resolve([join(dir, entry.name)]),
    ),
  );
  return nested.flat().sort();
}

/**
 * Whitespace-collapsed NFKC text with `83.0` read as `83`, for comparing with extractors that lay out
 * tables and print numbers differently.
 */
const squash = (text: string): string =>
  text
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .replace(/\b(\d+)\.0\b/g, '$1')
    .trim();

describe.skipIf(!present)('extraction of the shared corpus', () => {
  let pool: ExtractorPool;
  const outcomes = new Map<string, { value: Extracted } | { code: string; message: string }>();

  beforeAll(async () => {
    pool = createExtractorPool({ size: 2, timeoutMs: 60_000, maxMemoryMb: 1024 });
    const files = (await walk(CORPUS)).filter((file) => !file.endsWith('MANIFEST.tsv'));
    const settled = await Promise.allSettled(files.map((file) => pool.extract(file)));
    settled.forEach((result, index) => {
      const key = relative(CORPUS, files[index]!);
      if (result.status === 'fulfilled') outcomes.set(key, { value: result.value });
      else {
        const error = result.reason as { code?: string; message?: string };
        outcomes.set(key, { code: error.code ?? 'NOT_AN_EXTRACT_ERROR', message: String(error.message) });
      }
    });
  }, 240_000);

  afterAll(async () => {
    await pool?.dispose();
  });

  const textOf = (key: string): string => {
    const outcome = outcomes.get(key);
    if (!outcome) throw new Error(`${key} was not extracted`);
    if (!('value' in outcome)) throw new Error(`${key} failed with ${outcome.code}: ${outcome.message}`);
    return outcome.value.segments.map((segment) => segment.text).join('\n');
  };

  it('covers every file listed in MANIFEST.tsv', async () => {
    const manifest = (await readFile(join(CORPUS, 'MANIFEST.tsv'), 'utf8'))
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split('\t')[0]!);
    expect(manifest.length).toBeGreaterThan(100);
    for (const path of manifest) expect(outcomes.has(path), path).toBe(true);
  });

  it('gives each failing file its expected error code and a message naming it', () => {
    const failures = [...outcomes].filter(([, outcome]) => !('value' in outcome));
    const actual = Object.fromEntries(failures.map(([key, outcome]) => [key, 'code' in outcome ? outcome.code : '']));
    expect(actual).toEqual(CORPUS_ERRORS);
    for (const [key, outcome] of failures) {
      if ('message' in outcome)
        expect(outcome.message.startsWith(`${key.split('/').pop()!}: `), outcome.message).toBe(true);
    }
  });

  it('gives every other file non-empty, clean segments', () => {
    for (const [key, outcome] of outcomes) {
      if (!('value' in outcome)) continue;
      expect(outcome.value.segments.length, key).toBeGreaterThan(0);
      for (const segment of outcome.value.segments) {
        expect(segment.text.trim(), key).not.toBe('');
        expect(segment.text.length, key).toBeLessThanOrEqual(4000);
        // eslint-disable-next-line no-control-regex -- extractors must drop control characters
        expect(segment.text, key).not.toMatch(/\uFEFF|\uFFFD|[\u0000-\u0008]/);
        expect(segment.text.normalize('NFC'), key).toBe(segment.text);
      }
    }
  });

  it('finds the known strings in each file', () => {
    for (const [key, strings] of Object.entries(CORPUS_STRINGS)) {
      const text = textOf(key);
      for (const expected of strings) expect(text, `${key} should contain ${expected}`).toContain(expected);
    }
    for (const [key, strings] of Object.entries(CORPUS_UNWANTED)) {
      const text = textOf(key);
      for (const unwanted of strings) expect(text, `${key} should not contain ${unwanted}`).not.toContain(unwanted);
    }
  });

  it('matches the corpus expected-text files line by line', async () => {
    const expectedFiles = [...outcomes.keys()].filter((key) => key.endsWith('.expected.txt'));
    expect(expectedFiles.length).toBeGreaterThanOrEqual(5);
    for (const expectedFile of expectedFiles) {
      const source = expectedFile.replace(/\.expected\.txt$/, '');
      const actual = squash(textOf(source));
      const lines = (await readFile(join(CORPUS, expectedFile), 'utf8'))
        .split('\n')
        .map(squash)
        .filter((line) => line.length > 0);
      // Spreadsheets differ in how tools print booleans and hyperlinks ("1" vs "TRUE"), so lines are
      // compared word by word: nearly all of each line's words, in order, must appear.
      const missing = lines.filter((line) => !actual.includes(line) && !wordsInOrder(line, actual));
      expect(missing, `${source}: lines of its expected text not found`).toEqual([]);
    }
  });

  it('decodes legacy encodings and reports them', () => {
    const encodings: Record<string, string> = {
      '03-web-markup-text/encodings/ja-shift_jis-luther-catechism.txt': 'Shift_JIS',
      '03-web-markup-text/encodings/ja-euc-jp-readme.txt': 'EUC-JP',
      '03-web-markup-text/encodings/ko-euc-kr-wikipedia.txt': 'EUC-KR',
      '03-web-markup-text/encodings/zh-hans-gb2312-declared-gb18030-actual-rss.xml': 'GB18030',
      '03-web-markup-text/encodings/ru-ibm866-cp866.txt': 'IBM866',
      '03-web-markup-text/encodings/ru-mac_cyrillic-charset_normalizer.txt': 'MacCyrillic',
      '03-web-markup-text/encodings/ar-cp1256-charset_normalizer.txt': 'windows-1256',
      '03-web-markup-text/encodings/th-tis-620-wikipedia.txt': 'TIS-620',
      '03-web-markup-text/encodings/vi-windows-1258-wikipedia.txt': 'windows-1258',
      '03-web-markup-text/encodings/en-utf-16le-bom-subtitles.srt': 'UTF-16LE',
      '03-web-markup-text/encodings/ja-utf-16le-no-bom.txt': 'UTF-16LE',
      '03-web-markup-text/html/charset/zh-big5-no-charset.html': 'Big5',
      '03-web-markup-text/html/charset/ja-shift_jis-no-charset.html': 'Shift_JIS',
      '03-web-markup-text/html/charset/ar-misleading-charset.html': 'windows-1256',
    };
    for (const [key, encoding] of Object.entries(encodings)) {
      const outcome = outcomes.get(key);
      expect(outcome && 'value' in outcome ? outcome.value.encoding : outcome, key).toBe(encoding);
    }
  });

  it('keeps locations: PDF pages, slides, sheets, EPUB chapters, text lines', () => {
    const value = (key: string): Extracted => {
      const outcome = outcomes.get(key);
      if (!outcome || !('value' in outcome)) throw new Error(`${key} failed`);
      return outcome.value;
    };
    const tracemonkey = value('01-pdf/en/tracemonkey.pdf');
    expect(tracemonkey.pages).toBe(14);
    expect(new Set(tracemonkey.segments.map((s) => s.location.page)).size).toBe(14);
    const deck = value('02-office-ebook/pptx/markitdown-test.pptx');
    expect(Math.max(...deck.segments.map((s) => s.location.page ?? 0))).toBeGreaterThan(1);
    const kusamakura = value('02-office-ebook/epub/kusamakura-japanese-vertical-writing.epub');
    expect(kusamakura.segments.some((s) => s.location.section?.endsWith('.xhtml'))).toBe(true);
    const novel = value('06-filesystem-edge/large/war-and-peace-gutenberg.txt');
    expect(novel.segments.at(-1)!.location.line).toBeGreaterThan(60_000);
    const markdown = value('03-web-markup-text/markdown/art-of-command-line/README.md');
    expect(markdown.segments.filter((s) => s.kind === 'heading').length).toBeGreaterThan(10);
  });
});

/** Whether at least 90 % of `line`'s words occur in `text` in order. */
function wordsInOrder(line: string, text: string): boolean {
  const words = line.split(' ');
  let from = 0;
  let found = 0;
  for (const word of words) {
    const at = text.indexOf(word, from);
    if (at < 0) continue;
    found += 1;
    from = at + word.length;
  }
  return found >= Math.ceil(words.length * 0.9);
}
