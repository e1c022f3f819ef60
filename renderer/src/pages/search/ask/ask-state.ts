import type {
  AnswerOutcome,
  AnswerProgress,
  AnswerResult,
  AnswerScope,
  AnswerStatusKind,
  ContextPack,
  Result,
  ResultError,
} from '../../../../../shared';

/** One question as it was asked. */
export interface AskRequest {
  /** Chosen here (`newAskId`) so the panel can follow this ask's events and cancel it. */
  readonly askId: string;
  readonly question: string;
  readonly scope: AnswerScope;
  /** Asked again after the passages were called weak ("Ask anyway"). */
  readonly allowWeak: boolean;
}

export type AskPhase =
  | { readonly kind: 'starting' }
  | { readonly kind: 'retrieving' }
  | { readonly kind: 'reading'; readonly done: number; readonly total: number }
  | { readonly kind: 'generating' };

export interface AskState {
  readonly request: AskRequest;
  /** The last phase the engine reported (phases only move forward). */
  readonly phase: AskPhase;
  /** The numbered passages, from the `context` event (or the command's answer). */
  readonly pack: ContextPack | null;
  /** The answer text so far: deltas appended, replaced by the outcome's full text at the end. */
  readonly answer: string;
  /** How it ended (the `end` event, or the command's own answer, whichever comes first). */
  readonly outcome: AnswerOutcome | null;
  /** `answer.ask` itself was refused (invalid input, engine gone): no outcome will come. */
  readonly refusal: ResultError | null;
  /** Stop was pressed; the `end` event (status cancelled) is on its way. */
  readonly stopping: boolean;
}

export type AskAction =
  | { readonly type: 'start'; readonly request: AskRequest }
  | { readonly type: 'progress'; readonly event: AnswerProgress }
  | { readonly type: 'result'; readonly askId: string; readonly result: Result<AnswerResult> }
  | { readonly type: 'stop'; readonly askId: string }
  | { readonly type: 'close' };

const PHASE_ORDER: Readonly<Record<AskPhase['kind'], number>> = {
  starting: 0,
  retrieving: 1,
  reading: 2,
  generating: 3,
};

export function startAsk(request: AskRequest): AskState {
  return {
    request,
    phase: { kind: 'starting' },
    pack: null,
    answer: '',
    outcome: null,
    refusal: null,
    stopping: false,
  };
}

/** Still running: neither an outcome nor a refusal has come. */
export function isRunning(state: AskState | null): boolean {
  return state !== null && state.outcome === null && state.refusal === null;
}

/**
 * Events and answers for one ask (the latest). Anything about another ask id, and anything after the
 * end, is ignored — the same state object comes back, so React skips the render. The command's own
 * answer arrives on another channel than the events (HTTP response vs event stream) and may overtake
 * the last deltas: it carries the full text, so it wins and later events are dropped.
 */
export function askReducer(state: AskState | null, action: AskAction): AskState | null {
  switch (action.type) {
    case 'start':
      return startAsk(action.request);
    case 'close':
      return null;
    case 'stop':
      if (!state || state.request.askId !== action.askId || !isRunning(state) || state.stopping) return state;
      return { ...state, stopping: true };
    case 'progress':
      if (!state || state.request.askId !== action.event.askId || !isRunning(state)) return state;
      return withEvent(state, action.event);
    case 'result':
      if (!state || state.request.askId !== action.askId) return state;
      return withResult(state, action.result);
  }
}

function withEvent(state: AskState, event: AnswerProgress): AskState {
  switch (event.type) {
    case 'phase': {
      const next: AskPhase =
        event.phase === 'reading' ? { kind: 'reading', done: event.done, total: event.total } : { kind: event.phase };
      const order = PHASE_ORDER[next.kind] - PHASE_ORDER[state.phase.kind];
      if (order < 0) return state;
      if (order === 0 && !(next.kind === 'reading' && state.phase.kind === 'reading' && next.done > state.phase.done)) {
        return state;
      }
      return { ...state, phase: next };
    }
    case 'context':
      return state.pack ? state : { ...state, pack: event.pack };
    case 'delta':
      return event.text === '' ? state : { ...state, answer: state.answer + event.text };
    case 'end':
      return { ...state, outcome: event.outcome, answer: event.outcome.answer, stopping: false };
  }
}

function withResult(state: AskState, result: Result<AnswerResult>): AskState {
  if (!result.ok) return state.outcome ? state : { ...state, refusal: result.error, stopping: false };
  const { pack, ...outcome } = result.value;
  return { ...state, pack, outcome, answer: outcome.answer, stopping: false };
}

/** What the panel shows, derived from the state. */
export type AskView =
  | { readonly kind: 'running' }
  | { readonly kind: 'refused'; readonly error: ResultError }
  | { readonly kind: AnswerStatusKind; readonly outcome: AnswerOutcome };

export function askView(state: AskState): AskView {
  if (state.refusal) return { kind: 'refused', error: state.refusal };
  if (state.outcome) return { kind: state.outcome.status, outcome: state.outcome };
  return { kind: 'running' };
}

/** The passage numbers of the pack, for telling citations from made-up numbers. */
export function sourceNumbers(pack: ContextPack | null): ReadonlySet<number> {
  return new Set(pack?.passages.map((passage) => passage.n) ?? []);
}

/**
 * An id for `answer.ask`: a UUID where the browser offers one (secure contexts only), else 128 random
 * bits in hex — a server reached over plain HTTP on the network is not a secure context.
 */
export function newAskId(random: Pick<Crypto, 'getRandomValues'> & Partial<Pick<Crypto, 'randomUUID'>>): string {
  if (typeof random.randomUUID === 'function') return random.randomUUID();
  const bytes = random.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
