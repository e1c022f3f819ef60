import { describe, expect, it } from 'vitest';

import { endpointLocation } from '../../../../electron/engine/answer/endpoint-location';
import { chanceLevel, contentTerms, keywordCoverage } from '../../../../electron/engine/answer/evidence';

function unit(values: number[]): Float32Array {
  const norm = Math.hypot(...values);
  return Float32Array.from(values.map((v) => v / norm));
}

describe('contentTerms', () => {
  it('drops question words and keeps what the question is about', () => {
    expect(contentTerms('What does the contract say about notice periods?').sort()).toEqual(
      ['contract', 'notice', 'periods', 'say'].sort(),
    );
  });

  it('keeps the words of a question made only of question words', () => {
    expect(contentTerms('how and why')).toEqual(['how', 'why']);
  });
});

describe('keywordCoverage', () => {
  it('counts terms held verbatim after folding case and accents', () => {
    expect(keywordCoverage('La DIGNITÉ et les droits', ['dignite', 'droits', 'liberte', 'egalite'])).toBe(0.5);
  });

  it('is 0 without terms', () => {
    expect(keywordCoverage('anything', [])).toBe(0);
  });
});

describe('chanceLevel', () => {
  it('is mean + sd·√(2 ln n) of the query against the sample, computed by hand', () => {
    const query = unit([1, 0]);
    // Similarities 0.6 and 0.8 four times each: mean 0.7, sample sd √(8·0.01/7).
    const sample = [0, 1, 2, 3, 4, 5, 6, 7].map((i) => (i < 4 ? unit([0.6, 0.8]) : unit([0.8, 0.6])));
    const level = chanceLevel(query, sample, 1000);
    const sd = Math.sqrt(0.08 / 7);
    expect(level?.mean).toBeCloseTo(0.7, 6);
    expect(level?.sd).toBeCloseTo(sd, 6);
    expect(level?.chance).toBeCloseTo(0.7 + sd * Math.sqrt(2 * Math.log(1000)), 6);
  });

  it('rises with the size of the index (a bigger haystack holds better accidents)', () => {
    const query = unit([1, 0, 0]);
    const sample = Array.from({ length: 32 }, (_, i) => unit([Math.sin(i), Math.cos(i), 1]));
    const small = chanceLevel(query, sample, 100)?.chance ?? 0;
    const large = chanceLevel(query, sample, 100_000)?.chance ?? 0;
    expect(large).toBeGreaterThan(small);
  });

  it('gives no level from too small a sample', () => {
    expect(chanceLevel(unit([1, 0]), [unit([1, 0])], 10)).toBeNull();
  });
});

describe('endpointLocation', () => {
  it.each([
    ['http://127.0.0.1:11434/v1', 'loopback'],
    ['http://localhost:8080/v1', 'loopback'],
    ['http://[::1]:1234/v1', 'loopback'],
    ['http://192.168.1.20:8000/v1', 'private'],
    ['http://10.0.0.5/v1', 'private'],
    ['http://172.20.1.1/v1', 'private'],
    ['http://gpu-box.local:11434/v1', 'private'],
    ['http://gpubox:11434/v1', 'private'],
    ['http://[fd12::1]/v1', 'private'],
    ['https://api.example.com/v1', 'public'],
    ['http://8.8.8.8/v1', 'public'],
    ['http://172.32.0.1/v1', 'public'],
  ] as const)('%s is %s', (url, expected) => {
    expect(endpointLocation(url)).toBe(expected);
  });
});
