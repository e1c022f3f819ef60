import { beforeAll, describe, expect, it } from 'vitest';

import {
  chunkSegments,
  DEFAULT_CHUNKER_OPTIONS,
  fallbackTokenCounter,
  type Chunk,
  type TokenCounter,
} from '../../../../electron/engine/chunk';
import type { Segment } from '../../../../electron/engine/extract/types';
import { syntheticCounter } from './synthetic-counter';

let count: TokenCounter;
beforeAll(async () => {
  count = await syntheticCounter();
});

const text = (value: string, location: Segment['location'] = {}): Segment => ({ kind: 'text', text: value, location });
const heading = (value: string, level: number, location: Segment['location'] = {}): Segment => ({
  kind: 'heading',
  level,
  text: value,
  location,
});

const ENGLISH = [
  'All human beings are born free and equal in dignity and rights.',
  'They are endowed with reason and conscience and should act towards one another in a spirit of brotherhood.',
  'Everyone has the right to life, liberty and security of person.',
  'No one shall be held in slavery or servitude; slavery and the slave trade shall be prohibited in all their forms.',
  'No one shall be subjected to torture or to cruel, inhuman or degrading treatment or punishment.',
  'Everyone has the right to recognition everywhere as a person before the law.',
];
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/** `n` distinct English sentences, numbered so overlaps and coverage can be checked exactly. */
const sentences = (n: number) => Array.from({ length: n }, (_, i) => `S${i} ${ENGLISH[i % ENGLISH.length] ?? ''}`);

function expectWellFormed(chunks: readonly Chunk[], counter: TokenCounter, max = DEFAULT_CHUNKER_OPTIONS.maxTokens) {
  expect(chunks.map((chunk) => chunk.ordinal)).toEqual(chunks.map((_, i) => i));
  const exact = counter(chunks.map((chunk) => chunk.text));
  for (const [i, chunk] of chunks.entries()) {
    expect(chunk.text.trim().length).toBeGreaterThan(0);
    expect(chunk.text).toBe(chunk.text.trim());
    expect(LONE_SURROGATE.test(chunk.text)).toBe(false);
    expect(chunk.tokens).toBe(exact[i]);
    expect(chunk.tokens).toBeLessThanOrEqual(max);
  }
}

describe('chunkSegments: structure', () => {
  it('starts a chunk at each heading and carries the heading path', () => {
    const segments = [
      heading('Install', 1),
      text('Download the installer for your system. It takes a minute.'),
      heading('Linux', 2),
      text('Use the AppImage or the deb package.'),
      heading('macOS', 2),
      text('Open the dmg and drag the app to Applications.'),
      heading('Usage', 1),
      text('Add a folder and wait for indexing to finish.'),
    ];
    const chunks = chunkSegments(segments, count);
    expectWellFormed(chunks, count);
    expect(chunks.map((chunk) => chunk.location.headings)).toEqual([
      ['Install'],
      ['Install', 'Linux'],
      ['Install', 'macOS'],
      ['Usage'],
    ]);
    expect(chunks[1]?.text).toBe('Linux\n\nUse the AppImage or the deb package.');
  });

  it('keeps consecutive headings together with the text that follows them', () => {
    const chunks = chunkSegments([heading('Guide', 1), heading('Intro', 2), text('Welcome to the guide.')], count);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.text).toBe('Guide\n\nIntro\n\nWelcome to the guide.');
    expect(chunks[0]?.location.headings).toEqual(['Guide', 'Intro']);
  });

  it('starts a chunk when the named section changes (a sheet, a chapter file)', () => {
    const chunks = chunkSegments(
      [text('alpha beta gamma delta', { section: 'Sheet1' }), text('epsilon zeta eta theta', { section: 'Sheet2' })],
      count,
    );
    expect(chunks.map((chunk) => [chunk.location.section, chunk.text])).toEqual([
      ['Sheet1', 'alpha beta gamma delta'],
      ['Sheet2', 'epsilon zeta eta theta'],
    ]);
  });

  it('spans pages with page..pageEnd and keeps line ranges', () => {
    const chunks = chunkSegments(
      [
        text('First page text.\n\nSecond paragraph.', { page: 1 }),
        text('Top of page two.', { page: 2 }),
        text('Page three.', { page: 3 }),
      ],
      count,
    );
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.location).toMatchObject({ page: 1, pageEnd: 3 });
    const lines = chunkSegments(
      [heading('Title', 1, { line: 1, lineEnd: 1 }), text('one\ntwo\n\nthree\nfour', { line: 3, lineEnd: 7 })],
      count,
    );
    expect(lines[0]?.location).toMatchObject({ line: 1, lineEnd: 7 });
  });

  it('gives every chunk of a long section its line span, and overlap only inside it', () => {
    const body = sentences(120);
    const lines = body.join('\n');
    const chunks = chunkSegments([heading('Rights', 1, { line: 1 }), text(lines, { line: 2, lineEnd: 121 })], count);
    expectWellFormed(chunks, count);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      const first = /S(\d+) /u.exec(chunk.text);
      const numbers = [...chunk.text.matchAll(/S(\d+) /gu)].map((match) => Number(match[1]));
      expect(chunk.location.headings).toEqual(['Rights']);
      if (first && chunk.text.startsWith('S')) expect(chunk.location.line).toBe(2 + Number(first[1]));
      expect(chunk.location.lineEnd).toBe(2 + Math.max(...numbers));
    }
    for (let i = 1; i < chunks.length; i += 1) {
      const previous = chunks[i - 1]?.text ?? '';
      const opening = (chunks[i]?.text ?? '').split('\n')[0] ?? '';
      expect(previous.endsWith(opening) || previous.includes(opening)).toBe(true);
    }
    // Coverage: every sentence is in some chunk.
    for (const sentence of body) expect(chunks.some((chunk) => chunk.text.includes(sentence))).toBe(true);
  });

  it('repeats nothing between sections that fit whole', () => {
    const a = sentences(10).slice(0, 5).join(' ');
    const b = sentences(10).slice(5).join(' ');
    const chunks = chunkSegments([heading('A', 1), text(a), heading('B', 1), text(b)], count);
    expect(chunks.map((chunk) => chunk.text)).toEqual([`A\n\n${a}`, `B\n\n${b}`]);
  });

  it('keeps a section whole up to maxTokens, splitting at the target beyond it', () => {
    const body = sentences(200).join(' ');
    const total = count([body])[0] ?? 0;
    expect(total).toBeGreaterThan(1000);
    const whole = chunkSegments([text(body)], count, { targetTokens: 100, overlapTokens: 10, maxTokens: total + 10 });
    expect(whole).toHaveLength(1);
    const split = chunkSegments([text(body)], count, { targetTokens: 200, overlapTokens: 20, maxTokens: 256 });
    expectWellFormed(split, count, 256);
    expect(split.length).toBeGreaterThanOrEqual(Math.floor(total / 200));
    // Greedy to the target: all but the last are near it.
    for (const chunk of split.slice(0, -1)) expect(chunk.tokens).toBeGreaterThan(120);
  });

  it('counts tokens exactly and never returns an empty chunk', () => {
    expect(chunkSegments([], count)).toEqual([]);
    expect(chunkSegments([text('   \n\n  \t '), text('\n')], count)).toEqual([]);
    const chunks = chunkSegments(
      [text('\n\n  Hello there.  \n\n\n'), heading('  ', 2), text('General Kenobi.')],
      count,
    );
    expectWellFormed(chunks, count);
    expect(chunks.map((chunk) => chunk.text)).toEqual(['Hello there.\n\nGeneral Kenobi.']);
  });

  it('refuses inconsistent options', () => {
    expect(() => chunkSegments([text('x')], count, { targetTokens: 600 })).toThrow(/targetTokens/u);
    expect(() => chunkSegments([text('x')], count, { overlapTokens: 384 })).toThrow(/overlapTokens/u);
    expect(() => chunkSegments([text('x')], count, { maxTokens: 0 })).toThrow(/maxTokens/u);
  });
});

describe('chunkSegments: scripts', () => {
  const JAPANESE =
    'すべての人間は、生まれながらにして自由であり、かつ、尊厳と権利とについて平等である。人間は、理性と良心とを授けられており、互いに同胞の精神をもって行動しなければならない。';
  const THAI = 'มนุษย์ทั้งปวงเกิดมามีอิสระและเสมอภาคกันในศักดิ์ศรีและสิทธิต่างในตนมีเหตุผลและมโนธรรมและควรปฏิบัติต่อกันด้วยจิตวิญญาณแห่งภราดรภาพ';

  it('cuts Japanese at sentence ends (。)', () => {
    const chunks = chunkSegments([text(JAPANESE.repeat(30))], count, {
      targetTokens: 120,
      overlapTokens: 0,
      maxTokens: 160,
    });
    expectWellFormed(chunks, count, 160);
    expect(chunks.length).toBeGreaterThan(3);
    for (const chunk of chunks) {
      expect(chunk.text.endsWith('。')).toBe(true);
      expect(chunk.language).toBe('ja');
    }
  });

  it('cuts Thai without spaces or full stops at word boundaries', () => {
    const source = THAI.repeat(20);
    const chunks = chunkSegments([text(source)], count, { targetTokens: 60, overlapTokens: 0, maxTokens: 80 });
    expectWellFormed(chunks, count, 80);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(source);
    const words = new Set(
      Array.from(new Intl.Segmenter('th', { granularity: 'word' }).segment(source), (part) => part.index),
    );
    let at = 0;
    for (const chunk of chunks) {
      expect(words.has(at)).toBe(true);
      expect(chunk.language).toBe('th');
      at += chunk.text.length;
    }
  });

  it('never splits a grapheme or a surrogate pair, even in one giant "word"', () => {
    const family = '👨‍👩‍👧‍👦';
    const flag = '🇯🇵';
    const accented = 'e\u0301';
    const source = `${family}${flag}${accented}𠮷`.repeat(400);
    const chunks = chunkSegments([text(source)], count, { targetTokens: 50, overlapTokens: 0, maxTokens: 64 });
    expectWellFormed(chunks, count, 64);
    expect(chunks.map((chunk) => chunk.text).join('')).toBe(source);
    const graphemes = new Set(
      Array.from(new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(source), (part) => part.index),
    );
    let at = 0;
    for (const chunk of chunks) {
      expect(graphemes.has(at)).toBe(true);
      at += chunk.text.length;
    }
  });

  it('holds the ceiling on a 30 000-character token without spaces', () => {
    const blob = 'QmFzZTY0IGJsb2Igd2l0aG91dCBzcGFjZXM'.repeat(900);
    const chunks = chunkSegments([text(`Before. ${blob} After.`)], count);
    expectWellFormed(chunks, count);
    expect(
      chunks
        .map((chunk) => chunk.text)
        .join('')
        .replaceAll(/\s/gu, ''),
    ).toContain(blob.slice(0, 5000));
  });

  it('detects the language per chunk', () => {
    const chunks = chunkSegments(
      [
        heading('English', 1),
        text(ENGLISH.join(' ')),
        heading('日本語', 1),
        text(JAPANESE),
        heading('ไทย', 1),
        text(THAI),
        heading('عربي', 1),
        text(
          'يولد جميع الناس أحرارًا متساوين في الكرامة والحقوق. وقد وهبوا عقلاً وضميرًا وعليهم أن يعامل بعضهم بعضًا بروح الإخاء.',
        ),
        heading('Numbers', 1),
        text('2024-01-01 12:00 42 3.14 1000'),
      ],
      count,
    );
    expect(chunks.map((chunk) => chunk.language)).toEqual(['en', 'ja', 'th', 'ar', 'und']);
  });
});

describe('chunkSegments with the fallback counter', () => {
  it('produces chunks within the ceiling by the estimate, which bounds the real count', () => {
    const segments = [heading('Rights', 1), text(sentences(300).join(' '))];
    const chunks = chunkSegments(segments, fallbackTokenCounter, {
      targetTokens: 768,
      overlapTokens: 96,
      maxTokens: 1024,
    });
    expectWellFormed(chunks, fallbackTokenCounter, 1024);
    const real = count(chunks.map((chunk) => chunk.text));
    chunks.forEach((chunk, i) => expect(real[i]).toBeLessThanOrEqual(chunk.tokens));
  });
});
