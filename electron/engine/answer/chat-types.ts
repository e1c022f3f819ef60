/** What the chat client needs to reach an OpenAI-compatible endpoint. */
export interface ChatEndpoint {
  /** API base including `/v1` (`http://127.0.0.1:11434/v1`); `/chat/completions` and `/models` are appended. */
  readonly baseUrl: string;
  /** Model name as the endpoint knows it. */
  readonly model: string;
  /** Sent as `Authorization: Bearer …` when set; never logged, never put in an error message. */
  readonly apiKey: string | null;
  /**
   * Milliseconds to wait for the response headers and the first piece of text, and the longest silence
   * allowed between two pieces after that (a stalled server). A TIMEOUT error names which one ran out.
   */
  readonly timeoutMs: number;
}

export interface ChatMessage {
  readonly role: 'system' | 'user' | 'assistant';
  readonly content: string;
}

export interface ChatRequest {
  readonly endpoint: ChatEndpoint;
  readonly messages: readonly ChatMessage[];
  /** `max_tokens`. */
  readonly maxTokens: number;
  readonly temperature: number;
  /** Aborting stops the request at once (the connection is closed): the error is CANCELLED. */
  readonly signal?: AbortSignal;
  /** Each piece of answer text as it arrives (`choices[0].delta.content`), in order. */
  readonly onDelta?: (text: string) => void;
}

export interface ChatCompletion {
  /** All the text received, concatenated. */
  readonly text: string;
  /** `finish_reason` of the last choice chunk (`stop`, `length`…), null when the server sent none. */
  readonly finishReason: string | null;
  /** From the final chunk's `usage` when the server sends it (`stream_options.include_usage`). */
  readonly usage: { readonly promptTokens: number; readonly completionTokens: number } | null;
  /** Milliseconds from sending the request to the first text; null when no text came. */
  readonly firstTokenMs: number | null;
}

/**
 * Streams one chat completion (`POST {baseUrl}/chat/completions`, `stream: true`). Resolves when the
 * server sends `data: [DONE]`, ends its stream after a `finish_reason` (some servers omit `[DONE]`), or
 * ends a non-streamed JSON reply; rejects with a PolyseekError:
 * CHAT_FAILED (refused connection, HTTP error status with the server's own message, an error object in the
 * stream, a connection dropped before `[DONE]`, a reply that is not the protocol), TIMEOUT, or CANCELLED.
 * Text delivered through `onDelta` before a failure stays delivered: the caller keeps the partial answer.
 */
export type StreamChat = (request: ChatRequest) => Promise<ChatCompletion>;

/** `GET {baseUrl}/models` → model ids; same errors as {@link StreamChat}. */
export type ListModels = (endpoint: ChatEndpoint, signal?: AbortSignal) => Promise<string[]>;
