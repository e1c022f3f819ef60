import {
  PolyseekError,
  errorMessage,
  type AnswerAskInput,
  type AnswerCheckResult,
  type AnswerOutcome,
  type AnswerResult,
  type AnswerStatus,
  type ContextPack,
  type ResultError,
  type SearchQueryInput,
  type Settings,
} from '../../../shared';
import type { EventSink } from '../handlers';
import type { Retrieval } from '../search/searcher';
import { NO_EVIDENCE_JUDGED, PackBuilder, type BuiltPack, type PackStore } from './build-pack';
import type { ChatEndpoint, ListModels, StreamChat } from './chat-types';
import { checkCitations, ThinkFilter } from './citations';
import { endpointLocation } from './endpoint-location';
import type { AnswerKeyStore } from './key-store';
import { AnswerProgressEmitter } from './progress';
import { answerMessages, combineMessages, partMessages } from './prompts';

export interface AnswererOptions {
  readonly getSettings: () => Settings;
  readonly keys: AnswerKeyStore;
  readonly store: () => Promise<PackStore>;
  /** The Searcher's `retrieve`: results plus the query vector and the vectors searched. */
  readonly retrieve: (input: SearchQueryInput, signal?: AbortSignal) => Promise<Retrieval>;
  readonly emit?: EventSink;
  /** The OpenAI-compatible client; tests may swap it, the product always uses chat-client.ts. */
  readonly streamChat: StreamChat;
  readonly listModels: ListModels;
}

/** Passages in a search-scope pack unless the caller asks for another number. */
const DEFAULT_MAX_PASSAGES = 12;

/**
 * `answer.ask`: search → context pack (numbered, cited, within the budget, duplicates and overlap gone,
 * weak matches judged against chance) → the configured chat model, streamed, told to cite `[n]` and to
 * answer in the question's language. Without a model the pack is the result. A long file (document scope)
 * is read in parts whose notes are combined. Every ask can be cancelled by id or by its signal.
 */
export class Answerer {
  private readonly running = new Map<string, { controller: AbortController; done: Promise<unknown> }>();
  private readonly packs: PackBuilder;

  constructor(private readonly options: AnswererOptions) {
    this.packs = new PackBuilder({
      store: options.store,
      retrieve: options.retrieve,
      getSettings: options.getSettings,
    });
  }

  ask(input: AnswerAskInput, signal?: AbortSignal): Promise<AnswerResult> {
    if (this.running.has(input.askId)) {
      return Promise.reject(new PolyseekError('JOB_RUNNING', `an answer with id ${input.askId} is already running`));
    }
    const controller = new AbortController();
    const onAbort = (): void => controller.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    if (signal?.aborted) controller.abort();
    const done = this.run(input, controller.signal).finally(() => {
      signal?.removeEventListener('abort', onAbort);
      this.running.delete(input.askId);
    });
    this.running.set(input.askId, { controller, done });
    return done;
  }

  cancel(askId: string): boolean {
    const running = this.running.get(askId);
    if (!running || running.controller.signal.aborted) return false;
    running.controller.abort();
    return true;
  }

  status(): AnswerStatus {
    const { baseUrl, model } = this.options.getSettings().answer;
    const key = this.options.keys.status();
    return {
      configured: baseUrl !== null && model !== null,
      baseUrl,
      model,
      endpointLocation: baseUrl ? endpointLocation(baseUrl) : null,
      key: { present: key.present, source: key.source },
      keychain: key.keychain,
    };
  }

  async check(signal?: AbortSignal): Promise<AnswerCheckResult> {
    const settings = this.options.getSettings().answer;
    if (!settings.baseUrl) {
      throw new PolyseekError(
        'NOT_CONFIGURED',
        'No chat endpoint is set: Settings → Answers → base URL (Ollama: http://127.0.0.1:11434/v1).',
      );
    }
    const started = performance.now();
    const models = await this.options.listModels(this.endpoint(settings.baseUrl, settings.model ?? ''), signal);
    return {
      baseUrl: settings.baseUrl,
      models,
      modelListed: settings.model && models.length > 0 ? models.includes(settings.model) : null,
      latencyMs: performance.now() - started,
    };
  }

  async setKey(key: string | null): Promise<AnswerStatus> {
    await this.options.keys.set(key);
    return this.status();
  }

  /** Running asks are cancelled and awaited. */
  async dispose(): Promise<void> {
    const running = [...this.running.values()];
    for (const { controller } of running) controller.abort();
    await Promise.allSettled(running.map((r) => r.done));
  }

  private async run(input: AnswerAskInput, signal: AbortSignal): Promise<AnswerResult> {
    const started = performance.now();
    const progress = new AnswerProgressEmitter(input.askId, this.options.emit);
    const settings = this.options.getSettings();
    const outcome: Mutable<AnswerOutcome> = {
      askId: input.askId,
      status: 'context-only',
      answer: '',
      citations: [],
      unknownCitations: [],
      model: null,
      usage: null,
      finishReason: null,
      timings: { retrieveMs: 0, firstTokenMs: null, totalMs: 0 },
      error: null,
      notice: null,
    };
    const finish = (pack: ContextPack): AnswerResult => {
      outcome.timings.totalMs = performance.now() - started;
      const { known, unknown } = checkCitations(outcome.answer, pack.passages.length);
      outcome.citations = known;
      outcome.unknownCitations = unknown;
      progress.end({ ...outcome });
      return { ...outcome, pack };
    };

    progress.phase('retrieving');
    let built: BuiltPack;
    try {
      built = await this.packs.build(
        {
          question: input.question,
          scope: input.scope ?? { kind: 'search' },
          budgetTokens: input.contextTokens ?? settings.answer.contextTokens,
          maxPassages: input.maxPassages ?? DEFAULT_MAX_PASSAGES,
        },
        signal,
      );
    } catch (error) {
      outcome.timings.retrieveMs = performance.now() - started;
      if (signal.aborted) {
        outcome.status = 'cancelled';
        return finish(emptyPack(input.question, input.scope?.kind ?? 'search'));
      }
      outcome.status = 'failed';
      outcome.error = asResultError(error);
      finish(emptyPack(input.question, input.scope?.kind ?? 'search'));
      throw error;
    }
    const { pack } = built;
    outcome.timings.retrieveMs = performance.now() - started;
    outcome.notice = built.notice;
    progress.context(pack);

    const { baseUrl, model } = settings.answer;
    if (input.generate === false) return finish(pack);
    if (!baseUrl || !model) {
      outcome.notice = joinNotices(
        outcome.notice,
        'No chat model is set up (Settings → Answers), so these are the passages to read or copy.',
      );
      return finish(pack);
    }
    if (pack.passages.length === 0 || (pack.evidence.weak && input.allowWeak !== true)) {
      outcome.status = 'weak';
      outcome.notice = joinNotices(outcome.notice, pack.evidence.message);
      return finish(pack);
    }

    outcome.model = { baseUrl, name: model };
    try {
      await this.generate(input, built, this.endpoint(baseUrl, model), settings.answer, outcome, progress, signal);
      outcome.status = 'answered';
    } catch (error) {
      const problem = asResultError(error);
      outcome.status = signal.aborted || problem.code === 'CANCELLED' ? 'cancelled' : 'failed';
      if (outcome.status === 'failed') outcome.error = problem;
    }
    if (outcome.status === 'answered')
      outcome.notice = joinNotices(outcome.notice, ...answerNotices(outcome, pack, settings));
    return finish(pack);
  }

  /** One streamed call, or (a file in several parts) one call per part and a streamed combining call. */
  private async generate(
    input: AnswerAskInput,
    built: BuiltPack,
    endpoint: ChatEndpoint,
    settings: Settings['answer'],
    outcome: Mutable<AnswerOutcome>,
    progress: AnswerProgressEmitter,
    signal: AbortSignal,
  ): Promise<void> {
    const usage = { promptTokens: 0, completionTokens: 0, reported: false };
    const count = (u: { promptTokens: number; completionTokens: number } | null): void => {
      if (!u) return;
      usage.reported = true;
      usage.promptTokens += u.promptTokens;
      usage.completionTokens += u.completionTokens;
    };
    let messages = answerMessages(input.question, built.pack.passages);
    if (built.parts.length > 1) {
      const fileName = built.pack.passages[0]?.name ?? 'the file';
      const notes: string[] = [];
      // Notes of all parts together stay within one context budget.
      const noteTokens = Math.max(
        128,
        Math.min(settings.maxAnswerTokens, Math.floor(settings.contextTokens / built.parts.length)),
      );
      for (const [i, part] of built.parts.entries()) {
        progress.phase('reading', i, built.parts.length);
        const completion = await this.options.streamChat({
          endpoint,
          messages: partMessages(input.question, fileName, i + 1, built.parts.length, part),
          maxTokens: noteTokens,
          temperature: settings.temperature,
          signal,
        });
        count(completion.usage);
        const filter = new ThinkFilter();
        notes.push(filter.push(completion.text) + filter.flush());
      }
      messages = combineMessages(input.question, fileName, notes);
    }
    progress.phase('generating');
    const filter = new ThinkFilter();
    const append = (visible: string): void => {
      const text = outcome.answer === '' ? visible.trimStart() : visible;
      if (text === '') return;
      outcome.answer += text;
      progress.delta(text);
    };
    try {
      const completion = await this.options.streamChat({
        endpoint,
        messages,
        maxTokens: settings.maxAnswerTokens,
        temperature: settings.temperature,
        signal,
        onDelta: (piece) => append(filter.push(piece)),
      });
      append(filter.flush());
      count(completion.usage);
      outcome.finishReason = completion.finishReason;
      outcome.timings.firstTokenMs = completion.firstTokenMs;
    } finally {
      outcome.usage = usage.reported
        ? { promptTokens: usage.promptTokens, completionTokens: usage.completionTokens }
        : null;
    }
  }

  private endpoint(baseUrl: string, model: string): ChatEndpoint {
    return {
      baseUrl,
      model,
      apiKey: this.options.keys.get(),
      timeoutMs: this.options.getSettings().answer.timeoutSeconds * 1000,
    };
  }
}

/** What people should know about an answer that came back: cut short, uncited, citing what was not sent. */
function answerNotices(outcome: AnswerOutcome, pack: ContextPack, settings: Settings): string[] {
  const notices: string[] = [];
  if (outcome.finishReason === 'length') {
    notices.push(
      `The answer reached the length limit (${settings.answer.maxAnswerTokens} tokens) and was cut; raise it in Settings → Answers.`,
    );
  }
  const { known, unknown } = checkCitations(outcome.answer, pack.passages.length);
  if (known.length === 0 && outcome.answer.trim() !== '') {
    notices.push('The model cited no passage: check the answer against the sources.');
  }
  if (unknown.length > 0) {
    notices.push(
      `The answer cites ${unknown.map((n) => `[${n}]`).join(' ')}, which ${unknown.length === 1 ? 'is' : 'are'} not among the ${pack.passages.length} passages sent.`,
    );
  }
  return notices;
}

function emptyPack(question: string, scope: ContextPack['scope']): ContextPack {
  return {
    question,
    scope,
    passages: [],
    budgetTokens: 0,
    usedTokens: 0,
    omitted: { budget: 0, duplicates: 0, weak: 0 },
    evidence: NO_EVIDENCE_JUDGED,
    parts: 0,
    search: { mode: 'hybrid', semantic: 'off', problem: null },
    text: `Question: ${question.trim()}`,
  };
}

function joinNotices(...notices: (string | null)[]): string | null {
  const kept = notices.filter((n): n is string => n !== null && n !== '');
  return kept.length > 0 ? kept.join(' ') : null;
}

function asResultError(error: unknown): ResultError {
  return error instanceof PolyseekError
    ? { code: error.code, message: error.message }
    : { code: 'INTERNAL', message: errorMessage(error) };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
