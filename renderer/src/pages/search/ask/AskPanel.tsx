import { useEffect, useId, useMemo, useState } from 'react';

import type { ContextPassage } from '../../../../../shared';
import { PanelHeading } from '../../../components/PanelHeading';
import { ANSWERS_TEXT } from '../../../text/answers';
import { AnswerBody } from './AnswerBody';
import { askView, isRunning, sourceNumbers, type AskState } from './ask-state';
import { answerFacts, askStatusLine, scopeFileName } from './ask-status';
import { AskNotices } from './AskNotices';
import { citedNumbers } from './citations';
import { CopyContextButton } from './CopyContextButton';
import { SOURCES_SHOWN_FIRST, SourcesSection } from './SourcesSection';
import './ask.css';

interface Props {
  readonly state: AskState;
  readonly onStop: () => void;
  readonly onAgain: (options?: { readonly allowWeak?: boolean }) => void;
  readonly onClose: () => void;
  readonly onOpen: (file: { readonly path: string; readonly name: string }, page: number | null) => void;
}

/**
 * One ask: its phase, the answer as it streams in, and the sources it cites. A citation scrolls to its
 * source, unfolds it and highlights it. Keyed by the ask id, so a new ask starts with nothing highlighted.
 */
export function AskPanel({ state, onStop, onAgain, onClose, onOpen }: Props) {
  const text = ANSWERS_TEXT.ask;
  const headingId = useId();
  const baseId = useId();
  const [highlight, setHighlight] = useState<{ readonly n: number; readonly seq: number } | null>(null);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(() => new Set());
  const [allSources, setAllSources] = useState(false);
  const view = askView(state);
  const running = isRunning(state);
  const { pack, answer } = state;
  const numbers = useMemo(() => sourceNumbers(pack), [pack]);
  const sources = useMemo(() => new Map(pack?.passages.map((p) => [p.n, p]) ?? []), [pack]);
  const cited = useMemo(
    () => new Set(state.outcome ? state.outcome.citations : citedNumbers(answer, numbers)),
    [state.outcome, answer, numbers],
  );
  const idFor = (n: number) => `${baseId}-source-${n}`;
  const file = scopeFileName(state.request.scope);
  const outcome = state.outcome;

  useEffect(() => {
    if (!highlight) return;
    const element = document.getElementById(`${baseId}-source-${highlight.n}`);
    if (!element) return;
    const still = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    element.scrollIntoView({ block: 'center', behavior: still ? 'auto' : 'smooth' });
    element.focus({ preventScroll: true });
  }, [highlight, baseId]);

  const cite = (n: number) => {
    const index = pack?.passages.findIndex((passage) => passage.n === n) ?? -1;
    if (index >= SOURCES_SHOWN_FIRST) setAllSources(true);
    setExpanded((current) => new Set(current).add(n));
    setHighlight((current) => ({ n, seq: (current?.seq ?? 0) + 1 }));
  };
  // The button goes away: the keyboard moves on to the first source it revealed.
  const showAll = () => {
    setAllSources(true);
    const next = pack?.passages[SOURCES_SHOWN_FIRST];
    if (next) setTimeout(() => document.getElementById(idFor(next.n))?.focus(), 0);
  };
  const toggle = (n: number) =>
    setExpanded((current) => {
      const next = new Set(current);
      if (!next.delete(n)) next.add(n);
      return next;
    });
  const openPassage = (passage: ContextPassage) => onOpen(passage, passage.page);

  const showAnswer = answer !== '' || (running && state.phase.kind === 'generating');
  return (
    <section className="panel ask-panel" aria-labelledby={headingId}>
      <div className="ask-head">
        <PanelHeading id={headingId}>{text.title}</PanelHeading>
        {view.kind === 'cancelled' && <span className="badge badge-warning">{text.stopped}</span>}
        <span className="ask-head-actions">
          {running && (
            <button
              type="button"
              className="button button-small"
              aria-label={text.stopLabel}
              disabled={state.stopping}
              onClick={onStop}
            >
              {text.stop}
            </button>
          )}
          <button type="button" className="button button-small button-quiet" onClick={onClose}>
            {text.close}
          </button>
        </span>
      </div>
      <p className="ask-question" dir="auto">
        <span className="ask-label">{text.question}: </span>
        {state.request.question}
        {file && <span className="muted"> · {text.aboutDocument(file)}</span>}
      </p>
      <p className="ask-status" role="status" data-running={running || undefined}>
        {askStatusLine(state)}
      </p>
      <AskNotices view={view} pack={pack} onAgain={onAgain} />
      {showAnswer && (
        <div className="answer-body" data-streaming={running || undefined}>
          <AnswerBody text={answer} sources={sources} onCite={cite} />
        </div>
      )}
      {(view.kind === 'answered' || view.kind === 'cancelled') && view.outcome.notice && (
        <p className="notice notice-info">{view.outcome.notice}</p>
      )}
      {outcome && pack && pack.passages.length > 0 && view.kind !== 'context-only' && (
        <div className="actions ask-actions">
          <CopyContextButton text={pack.text} primary={false} />
          {view.kind === 'cancelled' && (
            <button type="button" className="button" onClick={() => onAgain()}>
              {text.tryAgain}
            </button>
          )}
        </div>
      )}
      {outcome && (outcome.model || view.kind === 'answered') && (
        <ul className="ask-facts" aria-label={text.factsLabel}>
          {answerFacts(outcome).map((fact) => (
            <li key={fact}>{fact}</li>
          ))}
        </ul>
      )}
      {pack && (
        <SourcesSection
          pack={pack}
          all={allSources}
          onShowAll={showAll}
          cited={cited}
          highlighted={highlight?.n ?? null}
          expanded={expanded}
          onToggle={toggle}
          onOpen={openPassage}
          idFor={idFor}
        />
      )}
    </section>
  );
}
