import { PolyseekError } from '../../../shared';
import { SseParser } from '../../../shared/sse';
import { ChatCall, type CallPhase } from './chat-call';
import {
  chatFailed,
  connectFailure,
  displayUrl,
  endpointUrl,
  errorInPayload,
  httpFailure,
  quote,
  redactError,
  rootMessage,
} from './chat-errors';
import type { ChatCompletion, ChatEndpoint, ListModels, StreamChat } from './chat-types';

/** Error bodies are quoted, not kept: a proxy's HTML error page can be large. */
const MAX_ERROR_BODY_CHARS = 64 * 1024;
/** A whole non-streamed completion or model list; far above any real one, it only bounds a runaway body. */
const MAX_JSON_BODY_CHARS = 32 * 1024 * 1024;

/**
 * Streams one chat completion from an OpenAI-compatible endpoint (Ollama, llama.cpp, LM Studio, vLLM,
 * OpenAI…). See {@link StreamChat} for what it resolves and rejects with. Also accepts a server that
 * ignores `stream: true` and sends the whole completion as JSON, and one that ends its stream after a
 * `finish_reason` without the closing `[DONE]`.
 */
export const streamChat: StreamChat = async (request) => {
  const { endpoint } = request;
  const apiKey = endpoint.apiKey || null;
  const url = endpointUrl(endpoint.baseUrl, 'chat/completions', apiKey);
  const call = new ChatCall(endpoint.timeoutMs, request.signal, (phase, after) =>
    chatTimeout(phase, after, url, endpoint),
  );
  const reply = new Reply(request.onDelta);
  try {
    call.throwIfStopped();
    const body = {
      model: endpoint.model,
      messages: request.messages,
      stream: true,
      // Without it OpenAI and vLLM send no token counts in a stream.
      stream_options: { include_usage: true },
      max_tokens: request.maxTokens,
      temperature: request.temperature,
    };
    const response = await call.guard(
      fetch(url, {
        method: 'POST',
        headers: requestHeaders(apiKey, 'text/event-stream, application/json', true),
        body: JSON.stringify(body),
        signal: call.fetchSignal,
      }),
      (error) => connectFailure(error, endpoint.baseUrl, apiKey),
    );
    call.phase = 'first';
    if (!response.ok) {
      const text = await readText(response, call, MAX_ERROR_BODY_CHARS, url, apiKey);
      throw httpFailure({ ...statusOf(response, url), body: text, apiKey, model: endpoint.model });
    }
    const type = mediaType(response);
    if (type === 'application/json') {
      const text = await readText(response, call, MAX_JSON_BODY_CHARS, url, apiKey);
      if (!reply.whole(parseJson(text, url, apiKey))) throw notTheProtocol(url, type, text, apiKey);
    } else if (type === 'text/html') {
      throw notTheProtocol(url, type, await readText(response, call, MAX_ERROR_BODY_CHARS, url, apiKey), apiKey);
    } else {
      await readEventStream(response, call, reply, url, apiKey);
    }
    return reply.completion();
  } catch (error) {
    // The caller's onDelta may throw its own error: that one passes through untouched.
    throw error instanceof PolyseekError ? redactError(error, apiKey) : error;
  } finally {
    call.dispose();
  }
};

/**
 * Lists the models an endpoint serves: `GET {baseUrl}/models`, OpenAI's `data[].id` or, when `data` is
 * absent, Ollama's `models[].name`. Errors as {@link streamChat}; the timeout covers the whole reply.
 */
export const listModels: ListModels = async (endpoint, signal) => {
  const apiKey = endpoint.apiKey || null;
  const url = endpointUrl(endpoint.baseUrl, 'models', apiKey);
  const call = new ChatCall(endpoint.timeoutMs, signal, (phase, after) =>
    phase === 'headers'
      ? `${displayUrl(url)} did not answer within ${after}`
      : `${displayUrl(url)} sent nothing for ${after} while listing models`,
  );
  try {
    call.throwIfStopped();
    const response = await call.guard(
      fetch(url, { headers: requestHeaders(apiKey, 'application/json'), signal: call.fetchSignal }),
      (error) => connectFailure(error, endpoint.baseUrl, apiKey),
    );
    call.phase = 'next';
    const text = await readText(response, call, MAX_JSON_BODY_CHARS, url, apiKey);
    if (!response.ok) throw httpFailure({ ...statusOf(response, url), body: text, apiKey, model: null });
    const ids = modelIds(parseJson(text, url, apiKey));
    if (ids === null) throw chatFailed(`${displayUrl(url)} did not answer with a model list: "${quote(text)}"`, apiKey);
    return ids;
  } catch (error) {
    throw error instanceof PolyseekError ? redactError(error, apiKey) : error;
  } finally {
    call.dispose();
  }
};

/** What has arrived of one completion; hands each piece of text to `onDelta` as it comes. */
class Reply {
  private text = '';
  private finishReason: string | null = null;
  private usage: ChatCompletion['usage'] = null;
  private firstTokenMs: number | null = null;
  private readonly started = performance.now();

  constructor(private readonly onDelta: ((text: string) => void) | undefined) {}

  get finished(): boolean {
    return this.finishReason !== null;
  }

  /** One parsed stream chunk: `choices[0].delta.content`, `finish_reason`, `usage`. */
  chunk(value: Record<string, unknown>): void {
    const choice = firstChoice(value);
    const delta = record(choice?.['delta']);
    this.take(choice, delta?.['content'], value['usage']);
  }

  /** A whole `chat.completion` object, sent by a server that does not stream; false when it is not one. */
  whole(value: Record<string, unknown>): boolean {
    const choice = firstChoice(value);
    const content = record(choice?.['message'])?.['content'];
    if (typeof content !== 'string') return false;
    this.take(choice, content, value['usage']);
    return true;
  }

  completion(): ChatCompletion {
    return { text: this.text, finishReason: this.finishReason, usage: this.usage, firstTokenMs: this.firstTokenMs };
  }

  private take(choice: Record<string, unknown> | null, content: unknown, usage: unknown): void {
    const reason = choice?.['finish_reason'];
    if (typeof reason === 'string' && reason) this.finishReason = reason;
    const counts = record(usage);
    const prompt = counts?.['prompt_tokens'];
    const completion = counts?.['completion_tokens'];
    if (typeof prompt === 'number' && typeof completion === 'number') {
      this.usage = { promptTokens: prompt, completionTokens: completion };
    }
    // Role-only chunks, empty strings and `reasoning_content` carry no answer text.
    if (typeof content !== 'string' || content === '') return;
    this.firstTokenMs ??= Math.round(performance.now() - this.started);
    this.text += content;
    this.onDelta?.(content);
  }
}

async function readEventStream(
  response: Response,
  call: ChatCall,
  reply: Reply,
  url: URL,
  apiKey: string | null,
): Promise<void> {
  const parser = new SseParser();
  let head = '';
  let messages = 0;
  for await (const text of decodedBody(response, call, (error) => closedEarly(error, apiKey))) {
    // Kept to say what the server sent instead, when it turns out not to be an event stream.
    if (head.length < 1000) head += text.slice(0, 1000 - head.length);
    for (const data of parser.push(text)) {
      messages += 1;
      // Any message, reasoning and role-only chunks included, shows the model is working.
      call.phase = 'next';
      call.arm();
      if (data === '[DONE]') return;
      // An error object mid-stream (`{"error": …}`) is thrown by parseJson with the server's message.
      reply.chunk(parseJson(data, url, apiKey));
      call.throwIfStopped(); // onDelta may have cancelled
    }
  }
  if (messages === 0 && head.trim()) throw notTheProtocol(url, mediaType(response), head, apiKey);
  // Some servers close after the final chunk without `[DONE]`; a finish_reason says the answer is whole.
  if (!reply.finished) throw closedEarly(null, apiKey);
}

/** The body as text, decoded across chunk boundaries; the reader is cancelled when the loop stops early. */
async function* decodedBody(
  response: Response,
  call: ChatCall,
  classify: (error: unknown) => PolyseekError,
): AsyncGenerator<string> {
  if (!response.body) return;
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await call.guard(reader.read(), classify);
      if (done) break;
      yield decoder.decode(value, { stream: true });
    }
    const rest = decoder.decode();
    if (rest) yield rest;
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

/** A whole (small) body; every chunk restarts the silence timer. */
async function readText(
  response: Response,
  call: ChatCall,
  maxChars: number,
  url: URL,
  apiKey: string | null,
): Promise<string> {
  let text = '';
  const classify = (error: unknown) =>
    chatFailed(`the connection to ${displayUrl(url)} closed before the reply finished (${rootMessage(error)})`, apiKey);
  for await (const piece of decodedBody(response, call, classify)) {
    call.arm();
    text += piece;
    if (text.length >= maxChars) return text.slice(0, maxChars);
  }
  return text;
}

function parseJson(text: string, url: URL, apiKey: string | null): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw chatFailed(`${displayUrl(url)} sent something that is not JSON: "${quote(text)}"`, apiKey);
  }
  const object = record(value);
  if (object === null) throw chatFailed(`${displayUrl(url)} sent JSON that is not an object: "${quote(text)}"`, apiKey);
  const error = errorInPayload(object);
  if (error !== null) throw chatFailed(`${displayUrl(url)} reported an error: ${quote(error)}`, apiKey);
  return object;
}

function modelIds(value: Record<string, unknown>): string[] | null {
  const [list, field] = Array.isArray(value['data']) ? [value['data'], 'id'] : [value['models'], 'name'];
  if (!Array.isArray(list)) return null;
  return list.map((entry) => record(entry)?.[field]).filter((id): id is string => typeof id === 'string');
}

function requestHeaders(apiKey: string | null, accept: string, json = false): Record<string, string> {
  return {
    ...(json ? { 'Content-Type': 'application/json' } : {}),
    Accept: accept,
    ...(apiKey ? { Authorization: `Bearer ${apiKey}` } : {}),
  };
}

function statusOf(response: Response, url: URL): { url: URL; status: number; statusText: string } {
  return { url, status: response.status, statusText: response.statusText };
}

function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

function notTheProtocol(url: URL, type: string, body: string, apiKey: string | null): PolyseekError {
  return chatFailed(
    `${displayUrl(url)} is not an OpenAI-compatible chat endpoint: it answered ${type || 'without a content type'}` +
      ` ("${quote(body)}") — is the base URL the API root, usually ending in /v1?`,
    apiKey,
  );
}

function closedEarly(error: unknown, apiKey: string | null): PolyseekError {
  const why = error === null ? '' : ` (${rootMessage(error)})`;
  return chatFailed(`the connection closed before the answer finished${why}`, apiKey);
}

function chatTimeout(phase: CallPhase, after: string, url: URL, endpoint: ChatEndpoint): string {
  switch (phase) {
    case 'headers':
      return `${displayUrl(url)} did not answer within ${after}`;
    case 'first':
      return (
        `no answer from the model "${endpoint.model}" within ${after} — a model still loading into memory ` +
        'may need a longer timeout'
      );
    case 'next':
      return `the answer stalled: ${displayUrl(url)} sent nothing for ${after}`;
  }
}

function firstChoice(value: Record<string, unknown>): Record<string, unknown> | null {
  const choices = value['choices'];
  return Array.isArray(choices) ? record(choices[0]) : null;
}

function record(value: unknown): Record<string, unknown> | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : null;
}
