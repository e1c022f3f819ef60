import type { CommandInput, CommandName, CommandOutput, PolyseekEvent, Result } from '../../../shared';

export type TransportKind = 'electron' | 'http';

/** The one way the UI talks to the engine, whichever host serves it. */
export interface PolyseekClient {
  readonly transport: TransportKind;
  invoke<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /** Validated events only; returns the unsubscribe function. */
  onEvent(listener: (event: PolyseekEvent) => void): () => void;
}

/** Bearer-token handling, present only for the HTTP transport. */
export interface ClientAuth {
  /** Asks the server (`GET /api/hello`) whether requests need a token. */
  authRequired(): Promise<Result<boolean>>;
  hasToken(): boolean;
  /** Stores the token for this browser session (or clears it with null) and reconnects the event stream. */
  setToken(token: string | null): void;
  /**
   * Called when a request or the event stream is refused with UNAUTHORIZED; the refused token is
   * forgotten first. `refusedToken` is false when no token was sent at all.
   */
  onUnauthorized(listener: (refusedToken: boolean) => void): () => void;
}

export interface Connection {
  readonly client: PolyseekClient;
  readonly auth: ClientAuth | null;
  /** For the status bar: "Desktop" or "Browser · 127.0.0.1". */
  readonly label: string;
}
