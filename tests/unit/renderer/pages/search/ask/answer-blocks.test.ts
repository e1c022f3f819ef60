import { describe, expect, it } from 'vitest';

import { answerBlocks, inlineSegments } from '../../../../../../renderer/src/pages/search/ask/answer-blocks';

const SOURCES = new Set([1, 2, 3]);

describe('answerBlocks', () => {
  it('splits paragraphs on blank lines and keeps single line breaks', () => {
    expect(answerBlocks('First line\nsame paragraph.\n\nSecond [1].')).toEqual([
      { kind: 'paragraph', text: 'First line\nsame paragraph.' },
      { kind: 'paragraph', text: 'Second [1].' },
    ]);
  });

  it('reads bulleted and numbered lists, with lines that continue an item', () => {
    expect(answerBlocks('Rights:\n- life [1]\n- liberty\n  and security [2]\n\n3. third\n4) fourth')).toEqual([
      { kind: 'paragraph', text: 'Rights:' },
      { kind: 'list', ordered: false, start: 1, items: ['life [1]', 'liberty\nand security [2]'] },
      { kind: 'list', ordered: true, start: 3, items: ['third', 'fourth'] },
    ]);
  });

  it('turns headings into heading blocks and keeps code blocks verbatim, even unclosed while streaming', () => {
    expect(answerBlocks('## Summary\nText\n```\nconst a = [1];\n```\nafter')).toEqual([
      { kind: 'heading', text: 'Summary' },
      { kind: 'paragraph', text: 'Text' },
      { kind: 'code', text: 'const a = [1];' },
      { kind: 'paragraph', text: 'after' },
    ]);
    expect(answerBlocks('```\npartial')).toEqual([{ kind: 'code', text: 'partial' }]);
  });

  it('gives nothing for nothing', () => {
    expect(answerBlocks('')).toEqual([]);
    expect(answerBlocks('\n\n')).toEqual([]);
  });
});

describe('inlineSegments', () => {
  it('marks bold text and citations inside it', () => {
    expect(inlineSegments('**Yes** [1], **all [2]**', SOURCES)).toEqual([
      { kind: 'text', text: 'Yes', strong: true },
      { kind: 'text', text: ' ', strong: false },
      { kind: 'cite', numbers: [1], raw: '[1]', strong: false },
      { kind: 'text', text: ', ', strong: false },
      { kind: 'text', text: 'all ', strong: true },
      { kind: 'cite', numbers: [2], raw: '[2]', strong: true },
    ]);
  });

  it('never finds citations inside inline code, and keeps an unpaired ** as written', () => {
    expect(inlineSegments('use `items[1]` here [3]', SOURCES)).toEqual([
      { kind: 'text', text: 'use ', strong: false },
      { kind: 'code', text: 'items[1]' },
      { kind: 'text', text: ' here ', strong: false },
      { kind: 'cite', numbers: [3], raw: '[3]', strong: false },
    ]);
    expect(inlineSegments('2 ** 3 is eight', SOURCES)).toEqual([
      { kind: 'text', text: '2 ** 3 is eight', strong: false },
    ]);
    expect(inlineSegments('**a** and ** b', SOURCES)).toEqual([
      { kind: 'text', text: 'a', strong: true },
      { kind: 'text', text: ' and ** b', strong: false },
    ]);
  });
});
