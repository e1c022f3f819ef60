import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { foldTerm } from '../../../../electron/engine/search/fold-text';
import { queryTerms } from '../../../../electron/engine/search/query-terms';
import { makeSnippet } from '../../../../electron/engine/search/snippets';
import { CORPUS_DIR, corpusAvailability } from '../../../fixtures/corpus';
import { expectWellFormed } from './snippet-checks';

const corpus = corpusAvailability();
const LANGUAGES = ['eng', 'arb', 'cmn_hans', 'jpn', 'kor', 'hin', 'tha', 'rus', 'deu_1996', 'heb', 'spa', 'swh'];
const words = new Intl.Segmenter('und', { granularity: 'word' });

/** The UDHR's paragraphs, grouped six at a time into passages of a few hundred characters to a few KB. */
function passages(language: string): string[] {
  const xml = readFileSync(join(CORPUS_DIR, '04-parallel', 'udhr', `udhr_${language}.xml`), 'utf8');
  const paragraphs = [...xml.matchAll(/<para>([^<]*)<\/para>/gu)].map((m) => m[1] ?? '');
  const out: string[] = [];
  for (let i = 0; i < paragraphs.length; i += 6) out.push(paragraphs.slice(i, i + 6).join('\n\n'));
  return out;
}

describe.skipIf(corpus.skip)('makeSnippet over the UDHR in 12 languages', () => {
  it.each(LANGUAGES)('%s: every word of a passage, as a query, is highlighted where it is', (language) => {
    for (const passage of passages(language).slice(0, 8)) {
      const candidates = [...words.segment(passage)]
        .filter((w) => w.isWordLike && [...w.segment].length >= 2)
        .map((w) => w.segment);
      // Every 7th word: a spread over the passage without thousands of snippets.
      for (const word of candidates.filter((_, i) => i % 7 === 0)) {
        const snippet = makeSnippet(passage, word, { maxChars: 160 });
        expectWellFormed(snippet, 160);
        expect(snippet.sentence).not.toBeNull();
        const found = snippet.highlights.map((h) => foldTerm(snippet.text.slice(h.start, h.end)));
        const wanted = queryTerms(word).map(foldTerm);
        expect(
          found.some((f) => wanted.some((w) => f.includes(w))),
          `${language}: ${word}`,
        ).toBe(true);
      }
    }
  });
});
