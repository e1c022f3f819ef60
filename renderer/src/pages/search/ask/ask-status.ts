import type { AnswerOutcome, AnswerScope } from '../../../../../shared';
import { ANSWERS_TEXT, endpointHost } from '../../../text/answers';
import { askView, type AskPhase, type AskState } from './ask-state';

/**
 * The one-line status of an ask, for the panel's live region: it changes with the phase and at the
 * end, never with the streamed text, so a screen reader hears "Writing the answer…" once.
 */
export function askStatusLine(state: AskState): string {
  const text = ANSWERS_TEXT.ask;
  const view = askView(state);
  const empty = state.pack !== null && state.pack.passages.length === 0;
  switch (view.kind) {
    case 'running':
      return state.stopping ? text.phases.stopping : phaseLine(state.phase);
    case 'refused':
      return text.status.refused;
    case 'answered':
      return text.status.answered(view.outcome.citations.length);
    case 'cancelled':
      return text.status.cancelled;
    case 'failed':
      return text.status.failed;
    case 'weak':
      return empty ? text.status.nothingFound : text.status.weak;
    case 'context-only':
      return empty ? text.status.nothingFound : text.status.contextOnly;
  }
}

function phaseLine(phase: AskPhase): string {
  const text = ANSWERS_TEXT.ask.phases;
  switch (phase.kind) {
    case 'starting':
      return text.starting;
    case 'retrieving':
      return text.retrieving;
    case 'reading':
      return text.reading(phase.done, phase.total);
    case 'generating':
      return text.generating;
  }
}

/** "llama3 at 127.0.0.1:11434 · first words after 0.8 s · 4.2 s in all · …" for the panel's footer. */
export function answerFacts(outcome: AnswerOutcome): string[] {
  const text = ANSWERS_TEXT.ask.facts;
  const facts: string[] = [];
  if (outcome.model) facts.push(text.model(outcome.model.name, endpointHost(outcome.model.baseUrl)));
  if (outcome.timings.firstTokenMs !== null) facts.push(text.firstWords(outcome.timings.firstTokenMs));
  facts.push(text.total(outcome.timings.totalMs));
  if (outcome.usage) facts.push(text.tokens(outcome.usage.promptTokens, outcome.usage.completionTokens));
  return facts;
}

/** The file name of a document-scope ask (the last part of its path). */
export function scopeFileName(scope: AnswerScope): string | null {
  if (scope.kind !== 'document') return null;
  return scope.path.split(/[\\/]/).filter(Boolean).at(-1) ?? scope.path;
}
