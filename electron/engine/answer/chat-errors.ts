import { PolyseekError, errorMessage } from '../../../shared';

/** Longest piece of a server's own text quoted in an error: enough for a reason, not a whole HTML page. */
const MAX_QUOTE_CHARS = 300;

/**
 * `{baseUrl}/{path}` as a URL: trailing slashes of the base are dropped, and its query string is kept (a
 * gateway may need `?api-version=`). Throws CHAT_FAILED for a base that is not an http(s) URL.
 */
export function endpointUrl(baseUrl: string, path: string, apiKey: string | null): URL {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw chatFailed(`the chat endpoint "${baseUrl}" is not a valid URL`, apiKey);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw chatFailed(`the chat endpoint "${displayUrl(url)}" is not an http(s) URL`, apiKey);
  }
  url.pathname = `${url.pathname.replace(/\/+$/, '')}/${path}`;
  return url;
}

/** A URL fit for an error message: no `user:password@`, no query (gateways take `?key=`), no fragment. */
export function displayUrl(url: URL | string): string {
  let copy: URL;
  try {
    copy = new URL(url);
  } catch {
    return String(url);
  }
  copy.username = '';
  copy.password = '';
  copy.search = '';
  copy.hash = '';
  return copy.href.replace(/\/$/, '');
}

/** Replaces the key (and its URL-encoded form) wherever it appears: servers echo rejected keys back. */
export function redact(text: string, apiKey: string | null): string {
  if (!apiKey) return text;
  let out = text.split(apiKey).join('***');
  const encoded = encodeURIComponent(apiKey);
  if (encoded !== apiKey) out = out.split(encoded).join('***');
  return out;
}

/** CHAT_FAILED with the key redacted: every chat error is built here or in {@link redactError}. */
export function chatFailed(message: string, apiKey: string | null): PolyseekError {
  return new PolyseekError('CHAT_FAILED', redact(message, apiKey));
}

/** The same error with the key redacted from its message (no cause kept: it might quote the key). */
export function redactError(error: PolyseekError, apiKey: string | null): PolyseekError {
  return new PolyseekError(error.code, redact(error.message, apiKey));
}

/** Whitespace collapsed and cut to {@link MAX_QUOTE_CHARS}, for quoting a server. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_QUOTE_CHARS ? `${flat.slice(0, MAX_QUOTE_CHARS)}…` : flat;
}

/**
 * The error a server put in a JSON value, or null: OpenAI and llama.cpp `{error: {message}}`, Ollama
 * `{error: "..."}`, vLLM `{object: "error", message}`, FastAPI-based servers `{detail}`.
 */
export function errorInPayload(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return null;
  const record = value as Record<string, unknown>;
  const { error } = record;
  if (typeof error === 'string') return error;
  if (typeof error === 'object' && error !== null) {
    const message = (error as Record<string, unknown>)['message'];
    return typeof message === 'string' ? message : JSON.stringify(error);
  }
  if (record['object'] === 'error' && typeof record['message'] === 'string') return record['message'];
  const { detail } = record;
  if (typeof detail === 'string') return detail;
  if (detail !== undefined && !('choices' in record) && !('data' in record)) return JSON.stringify(detail);
  return null;
}

/** The server's own words from an error body: its JSON error if it has one, else the text itself. */
export function serverErrorText(body: string): string {
  try {
    const fromJson = errorInPayload(JSON.parse(body));
    if (fromJson !== null) return quote(fromJson);
  } catch {
    // Not JSON: plain text or an HTML error page, quoted as it is.
  }
  return quote(body);
}

export interface HttpFailure {
  readonly url: URL;
  readonly status: number;
  readonly statusText: string;
  readonly body: string;
  readonly apiKey: string | null;
  /** Named in the 404 hint when the request was for a chat completion. */
  readonly model: string | null;
}

/** An HTTP error status as CHAT_FAILED: URL, status, the server's text and a hint for the usual causes. */
export function httpFailure(failure: HttpFailure): PolyseekError {
  const said = serverErrorText(failure.body);
  const status = `HTTP ${failure.status}${failure.statusText ? ` ${failure.statusText}` : ''}`;
  return chatFailed(
    `${displayUrl(failure.url)} answered ${status}${said ? `: ${said}` : ''}${hint(failure)}`,
    failure.apiKey,
  );
}

function hint({ status, apiKey, model }: HttpFailure): string {
  if (status === 401 || status === 403) {
    return apiKey
      ? ' — the server refused the API key: check that it is the right one for this endpoint'
      : ' — the server wants an API key and none is set';
  }
  if (status === 404) {
    const modelHint = model === null ? '' : `, and that the model "${model}" exists there`;
    return ` — check that the base URL is the API root, usually ending in /v1 (http://127.0.0.1:11434/v1)${modelHint}`;
  }
  return '';
}

/** Network error codes that mean nothing answered at that address (nothing listening, no such host). */
const UNREACHABLE = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The `code` of a network error, looking through fetch's `TypeError: fetch failed` wrapper. */
export function networkCode(error: unknown): string | null {
  for (let current = error, depth = 0; current instanceof Error && depth < 4; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = current.cause;
  }
  return null;
}

/** The innermost message of a wrapped error (`fetch failed` says nothing; its cause does). */
export function rootMessage(error: unknown): string {
  let current = error;
  for (let depth = 0; current instanceof Error && current.cause instanceof Error && depth < 4; depth += 1) {
    current = current.cause;
  }
  return errorMessage(current);
}

/** A failure before any response: refused, unknown host, reset during the request. */
export function connectFailure(error: unknown, baseUrl: string, apiKey: string | null): PolyseekError {
  const code = networkCode(error);
  const base = displayUrl(baseUrl);
  if (code !== null && UNREACHABLE.has(code)) {
    return chatFailed(`could not connect to ${base} — is the model server running? (${code})`, apiKey);
  }
  const why = rootMessage(error);
  if (why === 'bad port') {
    // fetch refuses the ports browsers block (6000, 10080…); the bare "bad port" says nothing to a user.
    return chatFailed(
      `fetch refuses to connect to ${base}: its port is on the blocked list — use another port`,
      apiKey,
    );
  }
  return chatFailed(`the request to ${base} failed: ${why}`, apiKey);
}
