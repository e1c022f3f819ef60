import { useMemo } from 'react';

import type { ContextPassage } from '../../../../../shared';
import { ANSWERS_TEXT } from '../../../text/answers';
import { answerBlocks, inlineSegments, type InlineSegment } from './answer-blocks';

interface Props {
  readonly text: string;
  /** The pack's passages by number: a citation of one of them is a button, any other number is marked. */
  readonly sources: ReadonlyMap<number, ContextPassage>;
  readonly onCite: (n: number) => void;
}

/**
 * The answer as paragraphs and lists, its `[n]` citations as buttons that go to the source. Built from
 * parsed text as React text nodes: whatever the model writes is never read as HTML.
 */
export function AnswerBody({ text, sources, onCite }: Props) {
  const blocks = useMemo(() => answerBlocks(text), [text]);
  const numbers = useMemo(() => new Set(sources.keys()), [sources]);
  const line = (value: string) => (
    <Inline segments={inlineSegments(value, numbers)} sources={sources} onCite={onCite} />
  );
  return blocks.map((block, index) => {
    switch (block.kind) {
      case 'paragraph':
        return (
          <p key={index} dir="auto">
            {line(block.text)}
          </p>
        );
      case 'heading':
        return (
          <p key={index} className="answer-heading" dir="auto">
            {line(block.text)}
          </p>
        );
      case 'code':
        return (
          <pre key={index} className="answer-code">
            <code>{block.text}</code>
          </pre>
        );
      case 'list': {
        const items = block.items.map((item, i) => (
          <li key={i} dir="auto">
            {line(item)}
          </li>
        ));
        return block.ordered ? (
          <ol key={index} start={block.start}>
            {items}
          </ol>
        ) : (
          <ul key={index}>{items}</ul>
        );
      }
    }
  });
}

interface InlineProps {
  readonly segments: readonly InlineSegment[];
  readonly sources: ReadonlyMap<number, ContextPassage>;
  readonly onCite: (n: number) => void;
}

function Inline({ segments, sources, onCite }: InlineProps) {
  const text = ANSWERS_TEXT.ask;
  return segments.map((segment, index) => {
    if (segment.kind === 'code') return <code key={index}>{segment.text}</code>;
    if (segment.kind === 'text') return segment.strong ? <strong key={index}>{segment.text}</strong> : segment.text;
    return (
      <span key={index} className="cite-group">
        {segment.numbers.map((n, i) => {
          const source = sources.get(n);
          return source ? (
            <button
              key={i}
              type="button"
              className="cite"
              aria-label={text.citeLabel(n, source.citation)}
              title={source.citation}
              onClick={() => onCite(n)}
            >
              {n}
            </button>
          ) : (
            <span key={i} className="cite cite-unknown" title={text.notASourceHint(n)}>
              {n} <span className="cite-note">{text.notASource}</span>
            </span>
          );
        })}
      </span>
    );
  });
}
