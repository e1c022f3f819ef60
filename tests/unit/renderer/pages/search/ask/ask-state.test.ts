import { describe, expect, it } from 'vitest';

import {
  askReducer,
  askView,
  isRunning,
  newAskId,
  startAsk,
  type AskAction,
  type AskRequest,
  type AskState,
} from '../../../../../../renderer/src/pages/search/ask/ask-state';
import { askStatusLine } from '../../../../../../renderer/src/pages/search/ask/ask-status';
import { AskIdSchema } from '../../../../../../shared';
import { events, outcome, pack } from './ask-fixtures';

const request = (askId: string, over: Partial<AskRequest> = {}): AskRequest => ({
  askId,
  question: 'what rights?',
  scope: { kind: 'search' },
  allowWeak: false,
  ...over,
});

/** The reducer run over `actions`, from no ask. */
function run(...actions: AskAction[]): AskState | null {
  return actions.reduce<AskState | null>((state, action) => askReducer(state, action), null);
}

const start = (askId: string, over: Partial<AskRequest> = {}): AskAction => ({
  type: 'start',
  request: request(askId, over),
});

describe('askReducer: one ask from start to end', () => {
  it('follows phase → context → deltas → end, with the status line at each step', () => {
    let state = run(start('a1'));
    expect(state && askStatusLine(state)).toBe('Asking…');
    state = askReducer(state, { type: 'progress', event: events.phase('a1', 'retrieving') });
    expect(state && askStatusLine(state)).toBe('Finding passages…');
    state = askReducer(state, { type: 'progress', event: events.context('a1', pack(3)) });
    state = askReducer(state, { type: 'progress', event: events.phase('a1', 'generating') });
    expect(state && askStatusLine(state)).toBe('Writing the answer…');
    state = askReducer(state, { type: 'progress', event: events.delta('a1', 'Everyone has ') });
    state = askReducer(state, { type: 'progress', event: events.delta('a1', 'rights [1].') });
    expect(state?.answer).toBe('Everyone has rights [1].');
    expect(state?.pack?.passages).toHaveLength(3);
    expect(isRunning(state)).toBe(true);
    // The status line does not change with the text: a screen reader hears it once.
    expect(state && askStatusLine(state)).toBe('Writing the answer…');

    state = askReducer(state, {
      type: 'progress',
      event: events.end('a1', { answer: 'Everyone has rights [1].', citations: [1] }),
    });
    expect(isRunning(state)).toBe(false);
    expect(state && askView(state).kind).toBe('answered');
    expect(state && askStatusLine(state)).toBe('Answered, citing 1 source.');
  });

  it('reports reading progress in document scope, counting up only', () => {
    const reading = (done: number, total: number): AskAction => ({
      type: 'progress',
      event: events.phase('d', 'reading', done, total),
    });
    let state = run(start('d', { scope: { kind: 'document', path: '/docs/long.pdf' } }), reading(1, 5));
    expect(state && askStatusLine(state)).toBe('Reading part 2 of 5…');
    state = askReducer(state, reading(0, 5));
    expect(state?.phase).toEqual({ kind: 'reading', done: 1, total: 5 });
    state = askReducer(state, reading(5, 5));
    expect(state && askStatusLine(state)).toBe('Reading part 5 of 5…');
  });

  it('lets the command’s answer win over events still on their way (another channel)', () => {
    const full = { ...outcome('a1', { answer: 'All of it [1].', citations: [1] }), pack: pack(2) };
    let state = run(start('a1'), { type: 'progress', event: events.delta('a1', 'All of') });
    state = askReducer(state, { type: 'result', askId: 'a1', result: { ok: true, value: full } });
    expect(state?.answer).toBe('All of it [1].');
    expect(state?.pack?.passages).toHaveLength(2);
    const settled = state;
    // The last delta and the end event arrive after the answer: ignored, the very same state comes back.
    state = askReducer(state, { type: 'progress', event: events.delta('a1', ' it') });
    state = askReducer(state, { type: 'progress', event: events.end('a1', { answer: 'All of it' }) });
    expect(state).toBe(settled);
  });
});

describe('askReducer: what does not belong to the shown ask', () => {
  it('ignores events and answers of another ask id (a previous ask, another window)', () => {
    const state = run(start('new'), { type: 'progress', event: events.context('new', pack(1)) });
    for (const action of [
      { type: 'progress', event: events.delta('old', 'stale text') },
      { type: 'progress', event: events.end('old', { status: 'cancelled' }) },
      { type: 'result', askId: 'old', result: { ok: false, error: { code: 'INTERNAL', message: 'x' } } },
      { type: 'stop', askId: 'old' },
    ] satisfies AskAction[]) {
      expect(askReducer(state, action)).toBe(state);
    }
  });

  it('ignores a phase that goes backwards, a second context and empty deltas', () => {
    const state = run(
      start('a'),
      { type: 'progress', event: events.context('a', pack(2)) },
      { type: 'progress', event: events.phase('a', 'generating') },
    );
    expect(askReducer(state, { type: 'progress', event: events.phase('a', 'retrieving') })).toBe(state);
    expect(askReducer(state, { type: 'progress', event: events.context('a', pack(5)) })).toBe(state);
    expect(askReducer(state, { type: 'progress', event: events.delta('a', '') })).toBe(state);
  });

  it('ignores events before any ask', () => {
    expect(askReducer(null, { type: 'progress', event: events.delta('a', 'x') })).toBeNull();
  });

  it('a new ask replaces the old one entirely; close clears it', () => {
    const old = run(start('a'), { type: 'progress', event: events.delta('a', 'old answer') });
    const next = askReducer(old, start('b'));
    expect(next).toEqual(startAsk(request('b')));
    expect(askReducer(next, { type: 'close' })).toBeNull();
  });
});

describe('askReducer: the other endings', () => {
  it('stop: "Stopping…" until the end event says cancelled; the partial answer stays', () => {
    let state = run(start('a'), { type: 'progress', event: events.delta('a', 'Half an ans') });
    state = askReducer(state, { type: 'stop', askId: 'a' });
    expect(state?.stopping).toBe(true);
    expect(state && askStatusLine(state)).toBe('Stopping…');
    expect(askReducer(state, { type: 'stop', askId: 'a' })).toBe(state);
    state = askReducer(state, {
      type: 'progress',
      event: events.end('a', { status: 'cancelled', answer: 'Half an ans' }),
    });
    expect(state?.answer).toBe('Half an ans');
    expect(state && askView(state).kind).toBe('cancelled');
    expect(state && askStatusLine(state)).toBe('Stopped. The answer so far is kept.');
    expect(state?.stopping).toBe(false);
  });

  it('failed: the error of the outcome, the pack kept', () => {
    const error = { code: 'CHAT_FAILED' as const, message: 'http://127.0.0.1:9/v1: connection refused' };
    const state = run(
      start('a'),
      { type: 'progress', event: events.context('a', pack(2)) },
      { type: 'progress', event: events.end('a', { status: 'failed', error }) },
    );
    const view = state && askView(state);
    expect(view?.kind).toBe('failed');
    expect(view && 'outcome' in view && view.outcome.error).toEqual(error);
    expect(state?.pack?.passages).toHaveLength(2);
  });

  it('weak and context-only: say so, or that nothing matched at all', () => {
    const weak = run(
      start('a'),
      { type: 'progress', event: events.context('a', pack(2)) },
      { type: 'progress', event: events.end('a', { status: 'weak', model: null }) },
    );
    expect(weak && askStatusLine(weak)).toBe('The passages are weak matches, so the model was not asked.');
    const contextOnly = run(
      start('b'),
      { type: 'progress', event: events.context('b', pack(2)) },
      { type: 'progress', event: events.end('b', { status: 'context-only', model: null }) },
    );
    expect(contextOnly && askStatusLine(contextOnly)).toBe('No model answered: the passages are ready to copy.');
    const nothing = run(
      start('c'),
      { type: 'progress', event: events.context('c', pack(0)) },
      { type: 'progress', event: events.end('c', { status: 'context-only', model: null }) },
    );
    expect(nothing && askStatusLine(nothing)).toBe('Nothing in the index matches this question.');
  });

  it('refused: the command itself failed, no outcome will come', () => {
    const error = { code: 'ENGINE_UNAVAILABLE' as const, message: 'answer.ask: the server did not answer' };
    const state = run(start('a'), { type: 'result', askId: 'a', result: { ok: false, error } });
    expect(isRunning(state)).toBe(false);
    expect(state && askView(state)).toEqual({ kind: 'refused', error });
    // An end that came before the refusal keeps its outcome.
    const ended = run(start('b'), { type: 'progress', event: events.end('b') });
    expect(askReducer(ended, { type: 'result', askId: 'b', result: { ok: false, error } })).toBe(ended);
  });
});

describe('newAskId', () => {
  it('is a UUID where the browser has one, random hex elsewhere; both fit the contract', () => {
    const uuid = newAskId(crypto);
    expect(uuid).toMatch(/^[0-9a-f-]{36}$/);
    const fallback = newAskId({ getRandomValues: (array) => crypto.getRandomValues(array) });
    expect(fallback).toMatch(/^[0-9a-f]{32}$/);
    expect(AskIdSchema.safeParse(uuid).success && AskIdSchema.safeParse(fallback).success).toBe(true);
    expect(newAskId(crypto)).not.toBe(uuid);
  });
});
