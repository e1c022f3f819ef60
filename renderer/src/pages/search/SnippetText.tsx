import type { Snippet } from '../../../../shared';
import { snippetParts, type SnippetSegment } from './highlight';

interface Props {
  readonly snippet: Snippet;
  /** The passage's language: picks the right CJK glyphs and the screen reader's voice. */
  readonly language: string | null;
}

/**
 * A passage excerpt with query terms in <mark> and the best-matching sentence set off. Built from
 * string slices — the text is the person's document and is never parsed as HTML.
 */
export function SnippetText({ snippet, language }: Props) {
  const lang = language && language !== 'und' ? language : undefined;
  return (
    <p className="snippet" lang={lang} dir="auto">
      {snippet.cutStart && <span className="snippet-cut">…</span>}
      {snippetParts(snippet).map((part, index) =>
        part.sentence ? (
          <span key={index} className="snippet-sentence">
            <Segments segments={part.segments} />
          </span>
        ) : (
          <Segments key={index} segments={part.segments} />
        ),
      )}
      {snippet.cutEnd && <span className="snippet-cut">…</span>}
    </p>
  );
}

function Segments({ segments }: { readonly segments: readonly SnippetSegment[] }) {
  return segments.map((segment, index) =>
    segment.mark ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
  );
}
