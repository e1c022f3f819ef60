import { once } from 'node:events';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { listModels, streamChat } from '../../../electron/engine/answer/chat-client';
import type { ChatCompletion, ChatEndpoint, ChatRequest } from '../../../electron/engine/answer/chat-types';
import { PolyseekError } from '../../../shared';
import {
  drop,
  hang,
  httpError,
  json,
  raw,
  stall,
  startChatServer,
  stream,
  streamError,
  words,
  type ChatServer,
} from '../../fixtures/chat-server';

const KEY = 'sk-test-5ecret-K3y';
let server: ChatServer;

beforeEach(async () => {
  server = await startChatServer({ models: ['llama3.1:8b', 'qwen2.5:7b'] });
});
afterEach(async () => {
  await server.close();
});

function endpoint(overrides: Partial<ChatEndpoint> = {}): ChatEndpoint {
  return { baseUrl: server.url, model: 'llama3.1:8b', apiKey: null, timeoutMs: 2000, ...overrides };
}

interface Run {
  readonly deltas: string[];
  readonly result: Promise<ChatCompletion>;
}

function ask(overrides: Partial<ChatEndpoint> = {}, extra: Partial<ChatRequest> = {}): Run {
  const deltas: string[] = [];
  const result = streamChat({
    endpoint: endpoint(overrides),
    messages: [
      { role: 'system', content: 'Answer from the passages.' },
      { role: 'user', content: 'What does the report say?' },
    ],
    maxTokens: 256,
    temperature: 0.2,
    onDelta: (text) => deltas.push(text),
    ...extra,
  });
  return { deltas, result };
}

/** The PolyseekError a promise rejects with (fails the test when it resolves or throws something else). */
async function failure(promise: Promise<unknown>): Promise<PolyseekError> {
  const error: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PolyseekError);
  return error as PolyseekError;
}

describe('streamChat', () => {
  it('streams the pieces in order and reads finish_reason and usage', async () => {
    const pieces = ['The report ', 'says ', 'revenue ', 'grew [1].'];
    server.reply(stream(pieces, { delayMs: 10, usage: { prompt_tokens: 42, completion_tokens: 4 } }));
    const run = ask();
    const done = await run.result;
    expect(run.deltas).toEqual(pieces);
    expect(done).toMatchObject({ text: pieces.join(''), finishReason: 'stop' });
    expect(done.usage).toEqual({ promptTokens: 42, completionTokens: 4 });
    expect(done.firstTokenMs).toBeGreaterThanOrEqual(5);

    const [request] = server.chatRequests();
    expect(request?.method).toBe('POST');
    expect(request?.headers['content-type']).toBe('application/json');
    expect(request?.headers.accept).toContain('text/event-stream');
    expect(request?.body).toEqual({
      model: 'llama3.1:8b',
      messages: [
        { role: 'system', content: 'Answer from the passages.' },
        { role: 'user', content: 'What does the report say?' },
      ],
      stream: true,
      stream_options: { include_usage: true },
      max_tokens: 256,
      temperature: 0.2,
    });
  });

  it('decodes messages and characters split across reads, and ignores reasoning and role-only chunks', async () => {
    const pieces = ['Ελληνικά ', '東京 ', 'naïve — ', 'ok'];
    server.reply(stream(pieces, { split: true, reasoning: ['thinking…', 'still thinking'] }));
    const run = ask();
    expect((await run.result).text).toBe(pieces.join(''));
    expect(run.deltas).toEqual(pieces);
  });

  it('stops at [DONE] even when the server keeps the connection open', async () => {
    server.reply(stream(['a', 'b'], { keepOpen: true }));
    const started = Date.now();
    expect((await ask({ timeoutMs: 1500 }).result).text).toBe('ab');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('accepts a stream ended without [DONE] after a finish_reason, not one cut before it', async () => {
    server.replyOnce(stream(['whole'], { omitDone: true }), stream(['cut'], { omitDone: true, finishReason: null }));
    expect((await ask().result).finishReason).toBe('stop');
    const run = ask();
    const error = await failure(run.result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain('the connection closed before the answer finished');
    expect(run.deltas).toEqual(['cut']);
  });

  it('takes a whole JSON completion from a server that ignores stream: true', async () => {
    server.reply(json('Revenue grew [1].', { finishReason: 'length' }));
    const run = ask();
    const done = await run.result;
    expect(run.deltas).toEqual(['Revenue grew [1].']);
    expect(done).toMatchObject({ text: 'Revenue grew [1].', finishReason: 'length' });
    expect(done.usage?.completionTokens).toBe(3);
    expect(done.firstTokenMs).not.toBeNull();
  });

  it('reports an HTTP 500 with the URL, the status and the server’s own message', async () => {
    server.reply(httpError(500, { error: { message: 'CUDA out of memory', type: 'server_error' } }));
    const error = await failure(ask().result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain(`${server.url}/chat/completions`);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).toContain('CUDA out of memory');
  });

  it('quotes Ollama’s {error: "…"} and cuts a long plain-text body', async () => {
    server.replyOnce(
      httpError(404, { error: 'model "llama9" not found, try pulling it first' }),
      httpError(502, `Bad gateway ${'x'.repeat(5000)}`),
    );
    const notFound = await failure(ask({ model: 'llama9' }).result);
    expect(notFound.message).toContain('model "llama9" not found, try pulling it first');
    expect(notFound.message).toContain('/v1');
    const long = await failure(ask().result);
    expect(long.message).toContain('HTTP 502');
    expect(long.message).toContain('Bad gateway xxx');
    expect(long.message.length).toBeLessThan(600);
  });

  it('hints at the API key on 401 and 403', async () => {
    server.replyOnce(
      httpError(401, { error: { message: 'Missing bearer token' } }),
      httpError(403, { error: { message: 'Forbidden' } }),
    );
    const missing = await failure(ask().result);
    expect(missing.message).toMatch(/HTTP 401.*Missing bearer token.*API key and none is set/);
    const refused = await failure(ask({ apiKey: KEY }).result);
    expect(refused.message).toMatch(/HTTP 403.*refused the API key/);
  });

  it('hints at /v1 and the model name on 404 (a base URL without /v1)', async () => {
    const error = await failure(ask({ baseUrl: server.url.replace(/\/v1$/, '') }).result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain('HTTP 404');
    expect(error.message).toContain('Unknown request URL');
    expect(error.message).toContain('ending in /v1');
    expect(error.message).toContain('"llama3.1:8b"');
  });

  it('fails with the server’s message on an error inside the stream, keeping the text before it', async () => {
    server.replyOnce(
      streamError(['Partial ', 'answer'], 'context length exceeded'),
      streamError([], 'upstream overloaded', 'string'),
    );
    const run = ask();
    const error = await failure(run.result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain('context length exceeded');
    expect(run.deltas).toEqual(['Partial ', 'answer']);
    expect((await failure(ask().result)).message).toContain('upstream overloaded');
  });

  it('rejects a reply that is not the protocol (an HTML page)', async () => {
    server.replyOnce(
      raw(200, 'text/html', '<html><body><h1>Welcome to nginx</h1></body></html>'),
      raw(200, 'text/plain', 'hello, I am not a chat server'),
    );
    const html = await failure(ask().result);
    expect(html.code).toBe('CHAT_FAILED');
    expect(html.message).toContain('not an OpenAI-compatible chat endpoint');
    expect(html.message).toContain('Welcome to nginx');
    const plain = await failure(ask().result);
    expect(plain.message).toContain('hello, I am not a chat server');
  });

  it('lets a slow stream finish: the timeout is the silence between pieces, not the whole answer', async () => {
    server.reply(stream(words('one two three four five'), { delayMs: 200 }));
    const run = ask({ timeoutMs: 500 });
    expect((await run.result).text).toBe('one two three four five');
    expect(run.deltas).toHaveLength(5);
  });

  it('counts reasoning chunks as activity before the first text', async () => {
    server.reply(stream(['done'], { delayMs: 150, reasoning: ['a', 'b', 'c', 'd'] }));
    expect((await ask({ timeoutMs: 400 }).result).text).toBe('done');
  });

  it('times out a stream that stalls mid-answer, keeping the text so far', async () => {
    server.reply(stall(['Half ', 'an ']));
    const run = ask({ timeoutMs: 300 });
    const started = Date.now();
    const error = await failure(run.result);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toMatch(/stalled.*sent nothing for 300 ms/);
    expect(run.deltas).toEqual(['Half ', 'an ']);
    expect(Date.now() - started).toBeLessThan(1500);
    await server.clientsLeft(1);
  });

  it('times out a server that never sends headers, and closes the connection', async () => {
    server.reply(hang());
    const error = await failure(ask({ timeoutMs: 300 }).result);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain(`${server.url}/chat/completions did not answer within 300 ms`);
    await server.clientsLeft(1);
  });

  it('times out headers without any answer, naming the model', async () => {
    server.reply(stall());
    const error = await failure(ask({ timeoutMs: 300 }).result);
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain('no answer from the model "llama3.1:8b" within 300 ms');
  });

  it('fails when the connection drops mid-stream; the text before stays delivered', async () => {
    server.reply(drop(['Some ', 'text']));
    const run = ask();
    const error = await failure(run.result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain('the connection closed before the answer finished');
    expect(run.deltas).toEqual(['Some ', 'text']);
  });

  it('cancels mid-stream: CANCELLED at once, and the server sees the connection close', async () => {
    // Pieces 300 ms apart: a client that only noticed the cancel at the next piece would be too slow.
    server.reply(stream(words('a b c d e f g h'), { delayMs: 300 }));
    const controller = new AbortController();
    const run = ask({}, { signal: controller.signal });
    await expect.poll(() => run.deltas.length, { interval: 5 }).toBeGreaterThanOrEqual(1);
    const started = Date.now();
    controller.abort();
    const error = await failure(run.result);
    expect(error.code).toBe('CANCELLED');
    expect(Date.now() - started).toBeLessThan(200);
    await server.clientsLeft(1);
    expect(Date.now() - started).toBeLessThan(500);
    expect(run.deltas).toEqual(['a ']);
  });

  it('cancels while waiting for headers, and from inside onDelta', async () => {
    server.replyOnce(hang(), stream(['x', 'y', 'z'], { delayMs: 20 }));
    const controller = new AbortController();
    const waiting = ask({}, { signal: controller.signal });
    await expect.poll(() => server.chatRequests().length).toBe(1);
    controller.abort();
    expect((await failure(waiting.result)).code).toBe('CANCELLED');
    await server.clientsLeft(1);

    const inside = new AbortController();
    const seen: string[] = [];
    const run = ask({}, { signal: inside.signal, onDelta: (t) => (seen.push(t), inside.abort()) });
    expect((await failure(run.result)).code).toBe('CANCELLED');
    expect(seen).toEqual(['x']);
  });

  it('does not send a request when the signal is already aborted', async () => {
    const error = await failure(ask({}, { signal: AbortSignal.abort() }).result);
    expect(error.code).toBe('CANCELLED');
    expect(server.requests).toHaveLength(0);
  });

  it('says the server is not running when the connection is refused', async () => {
    const closed = createServer();
    closed.listen(0, '127.0.0.1');
    await once(closed, 'listening');
    const { port } = closed.address() as AddressInfo;
    closed.close();
    await once(closed, 'close');
    const error = await failure(ask({ baseUrl: `http://127.0.0.1:${port}/v1` }).result);
    expect(error.code).toBe('CHAT_FAILED');
    expect(error.message).toContain(`could not connect to http://127.0.0.1:${port}/v1 — is the model server running?`);
  });

  it('sends Authorization exactly when a key is set', async () => {
    server.reply(stream(['ok']));
    await ask().result;
    await ask({ apiKey: '' }).result;
    await ask({ apiKey: KEY }).result;
    const auth = server.chatRequests().map((r) => r.headers.authorization ?? null);
    expect(auth).toEqual([null, null, `Bearer ${KEY}`]);
  });

  it('never puts the key in an error message, even when the server echoes it', async () => {
    const echo = (status: number) =>
      httpError(status, { error: { message: `Incorrect API key provided: ${KEY}. Header was: Bearer ${KEY}` } });
    server.replyOnce(
      echo(401),
      echo(500),
      httpError(400, `bad key ${encodeURIComponent(KEY)}`),
      streamError(['x'], `key ${KEY} over quota`),
    );
    const messages: string[] = [];
    for (let i = 0; i < 4; i += 1) messages.push((await failure(ask({ apiKey: KEY }).result)).message);
    const models = await failure(listModels(endpoint({ apiKey: KEY, baseUrl: `${server.url}/nope` })));
    messages.push(models.message);
    for (const message of messages) expect(message).not.toContain(KEY);
    expect(messages.slice(0, 4).every((m) => m.includes('***'))).toBe(true);
    expect(messages[0]).toContain('Incorrect API key provided: ***');
  });

  it('keeps query credentials out of messages and joins a trailing-slash base URL', async () => {
    server.replyOnce(httpError(500, 'boom'), stream(['fine']));
    const error = await failure(ask({ baseUrl: `${server.url}?token=hunter2` }).result);
    expect(error.message).not.toContain('hunter2');
    expect(error.message).toContain(`${server.url}/chat/completions answered HTTP 500`);
    expect((await ask({ baseUrl: `${server.url}/` }).result).text).toBe('fine');
    expect(server.requests.map((r) => r.path + r.query)).toEqual([
      '/v1/chat/completions?token=hunter2',
      '/v1/chat/completions',
    ]);
  });
});

describe('listModels', () => {
  it('lists OpenAI data[].id, with the key and a trailing-slash base URL', async () => {
    expect(await listModels(endpoint({ apiKey: KEY, baseUrl: `${server.url}/` }))).toEqual([
      'llama3.1:8b',
      'qwen2.5:7b',
    ]);
    expect(server.requests[0]).toMatchObject({ method: 'GET', path: '/v1/models' });
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it('lists Ollama-style models[].name', async () => {
    server.modelsShape = 'ollama';
    server.models = ['mistral:7b'];
    expect(await listModels(endpoint())).toEqual(['mistral:7b']);
  });

  it('maps errors as streamChat does', async () => {
    server.replyModels(httpError(401, { error: { message: 'invalid token' } }));
    const unauthorized = await failure(listModels(endpoint()));
    expect(unauthorized.message).toMatch(/\/v1\/models answered HTTP 401.*invalid token.*none is set/);
    server.replyModels(raw(200, 'application/json', '{"object":"list"}'));
    expect((await failure(listModels(endpoint()))).message).toContain('did not answer with a model list');
    server.replyModels(hang());
    const slow = await failure(listModels(endpoint({ timeoutMs: 200 })));
    expect(slow.code).toBe('TIMEOUT');
    const cancelled = await failure(listModels(endpoint(), AbortSignal.abort()));
    expect(cancelled.code).toBe('CANCELLED');
  });
});
