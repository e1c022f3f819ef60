import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { openRuntime, type Runtime } from '../../../electron/engine/runtime';
import type { AnswerAskInput, AnswerProgress, AnswerResult, Result } from '../../../shared';
import {
  httpError,
  startChatServer,
  stream,
  words,
  type ChatScript,
  type ChatServer,
  type RecordedRequest,
} from '../../fixtures/chat-server';
import { copyCorpus, corpusAvailability } from '../../fixtures/corpus';
import { ensureSyntheticModel } from '../../fixtures/synthetic-model';
import { ACCEPT } from '../indexer/support';

/**
 * answer.ask end to end: a real index of corpus files on the tiny synthetic model (random weights: its
 * similarities carry no meaning, so these tests check the pipeline — packs, citations, streaming, cancel,
 * errors, the weak-evidence refusal — never answer quality) and a real local HTTP server speaking the
 * OpenAI streaming chat protocol in place of Ollama or llama.cpp.
 */
const corpus = corpusAvailability();
const SUBSET = ['03-web-markup-text/encodings', '01-pdf/en/tracemonkey.pdf'];
const QUESTION = 'How do trace trees handle nested loops in TraceMonkey?';

let dir = '';
let runtime: Runtime;
let chat: ChatServer;
let events: AnswerProgress[] = [];
let docs = '';
let askCounter = 0;

function value<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value;
}

function ask(input: Partial<AnswerAskInput> = {}): Promise<Result<AnswerResult>> {
  askCounter += 1;
  return runtime.invoke('answer.ask', { askId: `ask-${askCounter}`, question: QUESTION, ...input });
}

function eventsOf(askId: string): AnswerProgress[] {
  return events.filter((e) => e.askId === askId);
}

/** The passages as the model received them: `[n] citation` headers and their text, from the user message. */
function passagesSent(request: RecordedRequest | undefined): Map<number, string> {
  const body = request?.body as { messages: { role: string; content: string }[] } | undefined;
  const user = body?.messages.find((m) => m.role === 'user')?.content ?? '';
  const listed = user.slice(0, user.lastIndexOf('\n\nQuestion: '));
  // Each passage starts a block with `[n] citation`; its text may hold blank lines of its own.
  const heads = [...listed.matchAll(/(?:^|\n\n)\[(\d+)\] [^\n]*\n/gu)];
  const found = new Map<number, string>();
  heads.forEach((head, i) => {
    const start = (head.index ?? 0) + head[0].length;
    const end = heads[i + 1]?.index ?? listed.length;
    found.set(Number(head[1]), listed.slice(start, end));
  });
  return found;
}

/** A model that answers from what it was sent: it quotes the first words of passages 2 and 1, citing them. */
const quoting: ChatScript = (exchange) => {
  const sent = passagesSent(exchange.request);
  const quote = (n: number) => (sent.get(n) ?? '').split(/\s+/u).slice(0, 6).join(' ');
  const answer = `First, "${quote(2)}" [2]. Then, "${quote(1)}" [1].`;
  return stream(words(answer), { delayMs: 5 })(exchange);
};

beforeAll(async () => {
  if (corpus.problem) throw new Error(corpus.problem);
  dir = await mkdtemp(join(tmpdir(), 'polyseek-answer-'));
  docs = join(dir, 'docs');
  if (!corpus.skip) await copyCorpus(SUBSET, docs);
  const modelDir = await ensureSyntheticModel('tiny');
  runtime = await openRuntime({
    dataDir: join(dir, 'data'),
    host: 'cli',
    modelDir,
    indexer: { extractWorkers: 1 },
  });
  runtime.events.subscribe((event) => {
    if (event.name === 'answer.progress') events.push(event.payload);
  });
  value(await runtime.invoke('settings.set', { compute: { provider: 'cpu', threads: 1 } }));
  value(await runtime.invoke('license.accept', ACCEPT));
  if (!corpus.skip) {
    value(await runtime.invoke('roots.add', { path: docs }));
    value(await runtime.invoke('index.start', {}));
    const job = await runtime.engine.indexer.waitForIdle();
    expect(job).toMatchObject({ state: 'done', filesFailed: 0 });
  }
  chat = await startChatServer({ models: ['test-model', 'other-model'] });
}, 240_000);

afterAll(async () => {
  await runtime?.dispose();
  await chat?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

beforeEach(async () => {
  events = [];
  chat.reply(quoting);
  value(await runtime.invoke('settings.set', { answer: { baseUrl: chat.url, model: 'test-model' } }));
});

describe.skipIf(corpus.skip)('answer.ask (tiny synthetic model, corpus subset, local chat server)', () => {
  it('without a model gives a numbered, cited context pack and says why no answer was written', async () => {
    value(await runtime.invoke('settings.set', { answer: { baseUrl: null, model: null } }));
    const before = chat.chatRequests().length;
    const result = value(await ask());
    expect(result.status).toBe('context-only');
    expect(result.notice).toMatch(/No chat model is set up/u);
    expect(chat.chatRequests()).toHaveLength(before);
    const { pack } = result;
    expect(pack.passages.length).toBeGreaterThan(0);
    expect(pack.passages.map((p) => p.n)).toEqual(pack.passages.map((_, i) => i + 1));
    const paper = pack.passages.find((p) => p.name === 'tracemonkey.pdf');
    expect(paper?.citation).toMatch(/^tracemonkey\.pdf, pp?\. \d+/u);
    expect(paper?.evidence).toMatch(/keyword|both/u);
    expect(pack.usedTokens).toBeLessThanOrEqual(pack.budgetTokens);
    expect(pack.text.startsWith(`Question: ${QUESTION}\n\n[1] `)).toBe(true);
    for (const p of pack.passages) expect(pack.text).toContain(`[${p.n}] ${p.citation}\n${p.text.trim()}`);
  });

  it('streams an answer whose citations point at the passages the model was sent', async () => {
    const before = chat.chatRequests().length;
    const result = value(await ask({ askId: 'streamed' }));
    expect(result.status).toBe('answered');
    const [request] = chat.chatRequests().slice(before);
    expect(chat.chatRequests().length - before).toBe(1);

    // What the model got: the rules, then exactly the pack's passages under their numbers.
    const body = request?.body as { model: string; stream: boolean; messages: { role: string; content: string }[] };
    expect(body.model).toBe('test-model');
    expect(body.stream).toBe(true);
    expect(body.messages[0]?.content).toMatch(/square brackets/u);
    const sent = passagesSent(request);
    expect([...sent.keys()]).toEqual(result.pack.passages.map((p) => p.n));
    for (const p of result.pack.passages) expect(sent.get(p.n)).toBe(p.text.trim());

    // The answer quoted passage 2 then 1: its citations map to those passages' text.
    expect(result.citations).toEqual([2, 1]);
    expect(result.unknownCitations).toEqual([]);
    const firstWords = (n: number) =>
      (result.pack.passages[n - 1]?.text ?? '').trim().split(/\s+/u).slice(0, 6).join(' ');
    expect(result.answer).toContain(`"${firstWords(2)}" [2]`);
    expect(result.answer).toContain(`"${firstWords(1)}" [1]`);

    // Events: retrieving → context → generating → deltas that add up to the answer → end.
    const mine = eventsOf('streamed');
    expect(
      mine.map((e) => (e.type === 'phase' ? `phase:${e.phase}` : e.type)).filter((t, i, all) => t !== all[i - 1]),
    ).toEqual(['phase:retrieving', 'context', 'phase:generating', 'delta', 'end']);
    const deltas = mine.filter((e) => e.type === 'delta');
    expect(deltas.length).toBeGreaterThan(1);
    expect(deltas.map((e) => e.text).join('')).toBe(result.answer);
    // The end event carries the command's result without the pack (sent once, in the context event).
    const end = mine.at(-1);
    const { pack, ...outcome } = result;
    expect(end?.type === 'end' ? end.outcome : null).toEqual(outcome);
    const context = mine.find((e) => e.type === 'context');
    expect(context?.type === 'context' ? context.pack : null).toEqual(pack);
    expect(result.timings.firstTokenMs).not.toBeNull();
    expect(result.model).toEqual({ baseUrl: chat.url, name: 'test-model' });
  });

  it('refuses to ask the model when the passages are weak matches, and asks when told to anyway', async () => {
    const before = chat.chatRequests().length;
    const weak = value(await ask({ question: 'zebra umbrella volcano quartz' }));
    expect(weak.status).toBe('weak');
    expect(weak.pack.evidence.weak).toBe(true);
    expect(weak.pack.evidence.chanceSimilarity).not.toBeNull();
    expect(weak.pack.evidence.message).toMatch(/weak matches/u);
    expect(weak.notice).toBe(weak.pack.evidence.message);
    expect(chat.chatRequests().length).toBe(before);

    const anyway = value(await ask({ question: 'zebra umbrella volcano quartz', allowWeak: true }));
    expect(anyway.status).toBe('answered');
    expect(chat.chatRequests().length).toBe(before + 1);
    expect(anyway.pack.passages.every((p) => p.evidence === 'weak')).toBe(true);
  });

  it('cancel stops the request: the server sees the connection close, the partial answer is kept', async () => {
    chat.reply(stream(words('one two three four five six seven eight nine ten eleven twelve'), { delayMs: 150 }));
    const left = chat.clientsLeft(chat.leftEarly + 1);
    const pending = ask({ askId: 'cancel-me' });
    await waitFor(() => eventsOf('cancel-me').some((e) => e.type === 'delta'));
    expect(value(await runtime.invoke('answer.cancel', { askId: 'cancel-me' }))).toEqual({ cancelled: true });
    const result = value(await pending);
    await left;
    expect(result.status).toBe('cancelled');
    expect(result.answer.length).toBeGreaterThan(0);
    expect('one two three four five six seven eight nine ten eleven twelve'.startsWith(result.answer)).toBe(true);
    expect(value(await runtime.invoke('answer.cancel', { askId: 'cancel-me' }))).toEqual({ cancelled: false });
  });

  it('an endpoint error becomes a failed outcome with a clear message, the pack kept', async () => {
    chat.reply(httpError(500, { error: { message: 'model "test-model" failed to load: out of memory' } }));
    const result = value(await ask({ askId: 'broken' }));
    expect(result.status).toBe('failed');
    expect(result.error?.code).toBe('CHAT_FAILED');
    expect(result.error?.message).toMatch(/500/u);
    expect(result.error?.message).toMatch(/out of memory/u);
    expect(result.pack.passages.length).toBeGreaterThan(0);
    const end = eventsOf('broken').at(-1);
    expect(end?.type === 'end' ? end.outcome.status : null).toBe('failed');
  });

  it('reads a long file in parts and combines their notes (document scope)', async () => {
    const paper = join(docs, '01-pdf/en/tracemonkey.pdf');
    chat.reply((exchange) => {
      const body = exchange.request.body as { messages: { content: string }[] };
      const system = body.messages[0]?.content ?? '';
      const sent = [...passagesSent(exchange.request).keys()];
      const text = system.includes('You read part')
        ? `Note citing [${sent[0]}].`
        : 'The paper explains trace trees [1].';
      return stream(words(text))(exchange);
    });
    const before = chat.chatRequests().length;
    const result = value(
      await ask({
        askId: 'whole-file',
        question: 'Summarize this file',
        scope: { kind: 'document', path: paper },
        contextTokens: 2000,
      }),
    );
    expect(result.status).toBe('answered');
    const { pack } = result;
    expect(pack.scope).toBe('document');
    expect(pack.parts).toBeGreaterThan(1);
    expect(chat.chatRequests().length - before).toBe(pack.parts + 1);
    // Passages in reading order, numbered 1…n, pages never going backwards.
    expect(pack.passages.map((p) => p.n)).toEqual(pack.passages.map((_, i) => i + 1));
    const pages = pack.passages.map((p) => p.page ?? 0);
    expect(pages).toEqual([...pages].sort((a, b) => a - b));
    expect(pages[0]).toBe(1);
    const reading = eventsOf('whole-file').filter((e) => e.type === 'phase' && e.phase === 'reading');
    expect(reading).toHaveLength(pack.parts);
    // The combining request carries every part's notes.
    const combine = chat.chatRequests().at(-1)?.body as { messages: { content: string }[] };
    expect(combine.messages[1]?.content).toContain(`Notes on part ${pack.parts} of ${pack.parts}:`);
    expect(result.citations).toEqual([1]);
  });

  it('refuses a file that is not indexed, and still ends the stream of events', async () => {
    const result = await ask({
      askId: 'no-file',
      question: 'Summarize',
      scope: { kind: 'document', path: join(docs, 'missing.pdf') },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('FILE_NOT_INDEXED');
    const end = eventsOf('no-file').at(-1);
    expect(end?.type === 'end' ? end.outcome.error?.code : null).toBe('FILE_NOT_INDEXED');
  });

  it('refuses a second ask with a running id', async () => {
    chat.reply(stream(words('slow answer [1]'), { delayMs: 200 }));
    const first = ask({ askId: 'twice' });
    const second = await runtime.invoke('answer.ask', { askId: 'twice', question: QUESTION });
    expect(second.ok ? null : second.error.code).toBe('JOB_RUNNING');
    value(await runtime.invoke('answer.cancel', { askId: 'twice' }));
    expect(value(await first).status).toBe('cancelled');
  });

  it('answer.status and answer.check describe the endpoint without revealing a key', async () => {
    const status = value(await runtime.invoke('answer.status', {}));
    expect(status).toMatchObject({
      configured: true,
      baseUrl: chat.url,
      model: 'test-model',
      endpointLocation: 'loopback',
    });
    const check = value(await runtime.invoke('answer.check', {}));
    expect(check.models).toEqual(['test-model', 'other-model']);
    expect(check.modelListed).toBe(true);
    value(await runtime.invoke('settings.set', { answer: { baseUrl: null } }));
    const refused = await runtime.invoke('answer.check', {});
    expect(refused.ok ? null : refused.error.code).toBe('NOT_CONFIGURED');
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
