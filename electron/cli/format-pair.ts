import type { DiffSegment, ExplorePair } from '../../shared';
import { count } from './format-eval';
import { describeFile, percent, similarity } from './format-explore';
import { terminalSafe, type HighlightStyle } from './format-search';

const RED = '\u001b[31m';
const GREEN = '\u001b[32m';
const DEFAULT_COLOUR = '\u001b[39m';

/**
 * Changed words: in colour on a terminal (a's in red, b's in green, as `git diff --color-words`), else
 * marked as `git diff --word-diff=plain` does — `[-only in a-]`, `{+only in b+}` — so a pipe keeps them.
 */
function markSegments(segments: readonly DiffSegment[], side: 'a' | 'b', style: HighlightStyle): string {
  return segments
    .map(({ text, changed }) => {
      // Line breaks would otherwise show as replacement characters: a passage reads as one paragraph.
      const safe = terminalSafe(text.replace(/[\t\n\v\f\r]+/gu, ' '));
      if (!changed) return safe;
      if (style === 'ansi') return `${side === 'a' ? RED : GREEN}${safe}${DEFAULT_COLOUR}`;
      return side === 'a' ? `[-${safe}-]` : `{+${safe}+}`;
    })
    .join('');
}

const hasChanges = (segments: readonly DiffSegment[]): boolean => segments.some((s) => s.changed);

/** Two files side by side: the pair's numbers, then each matched passage with the differing words marked. */
export function formatPair(detail: ExplorePair, style: HighlightStyle): string {
  const { pair } = detail;
  const lines = [
    `a: ${describeFile(detail.a)}`,
    `b: ${describeFile(detail.b)}`,
    [
      `${similarity(pair.similarity)} similar`,
      `${count(pair.matchedPassages, 'matched passage')}`,
      `shares ${percent(pair.shareA)} of a / ${percent(pair.shareB)} of b`,
      pair.relation,
    ].join(' · '),
  ];
  if (detail.crossLanguage) {
    lines.push(
      'a translation: near-duplicate by design (text-matching is cross-lingual); words are not compared across languages',
    );
  } else if (style === 'plain') {
    lines.push('[-only in a-] {+only in b+}');
  }
  if (detail.passages.length === 0) lines.push('', 'no matched passages');
  for (const match of detail.passages) {
    const where = `a ${terminalSafe(match.a.location)} ↔ b ${terminalSafe(match.b.location)}`;
    lines.push('', `${similarity(match.similarity)}  ${where}`);
    const same = !detail.crossLanguage && !hasChanges(match.a.segments) && !hasChanges(match.b.segments);
    if (same) {
      lines.push('  (the same text)');
      continue;
    }
    lines.push(
      `  a: ${markSegments(match.a.segments, 'a', style)}`,
      `  b: ${markSegments(match.b.segments, 'b', style)}`,
    );
  }
  return lines.join('\n');
}
