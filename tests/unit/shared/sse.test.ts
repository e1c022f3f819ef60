import { describe, expect, it } from 'vitest';

import { SseParser } from '../../../shared/sse';

describe('SseParser', () => {
  it('returns the data of complete messages and ignores comments', () => {
    const parser = new SseParser();
    expect(parser.push(': polyseek events\n\ndata: {"a":1}\n\n: ping\n\n')).toEqual(['{"a":1}']);
  });

  it('joins messages split across chunks, including a \\r\\n split in two', () => {
    const parser = new SseParser();
    expect(parser.push('data: {"na')).toEqual([]);
    expect(parser.push('me":"x"}\r')).toEqual([]);
    expect(parser.push('\n\r\n')).toEqual(['{"name":"x"}']);
  });

  it('joins multi-line data with newlines and ignores other fields', () => {
    const parser = new SseParser();
    expect(parser.push('event: x\nid: 3\ndata: one\ndata:two\nretry: 10\n\n')).toEqual(['one\ntwo']);
  });

  it('keeps an unterminated message until its blank line arrives', () => {
    const parser = new SseParser();
    expect(parser.push('data: late\n')).toEqual([]);
    expect(parser.push('\n')).toEqual(['late']);
  });
});
