import type { KeySource } from '../../../shared';

/** Environment variable the server and CLI read the chat endpoint's API key from. */
export const ANSWER_KEY_ENV = 'POLYSEEK_ANSWER_API_KEY';

export interface KeyStoreStatus {
  readonly present: boolean;
  readonly source: KeySource | null;
  /** Whether a key set now survives a restart, and if not why (shown beside the key field). */
  readonly keychain: { readonly available: boolean; readonly message: string | null };
}

/**
 * Where the chat endpoint's API key lives. The engine only reads it (`get`) when it builds a request;
 * nothing returns it to a client, writes it to settings or puts it in an event or log line.
 */
export interface AnswerKeyStore {
  get(): string | null;
  status(): KeyStoreStatus;
  /** Stores (or with null forgets) the key; resolves once it is kept where `status().source` says. */
  set(key: string | null): Promise<KeyStoreStatus>;
}

/**
 * The server's and CLI's store: a key set through `answer.setKey` is held in memory until the process
 * ends (no keychain outside Electron, and a plain-text file is what this design refuses); otherwise the
 * POLYSEEK_ANSWER_API_KEY environment variable.
 */
export class SessionKeyStore implements AnswerKeyStore {
  private key: string | null = null;
  private source: KeySource | null = null;

  constructor(
    private readonly env: NodeJS.ProcessEnv = process.env,
    private keychain: KeyStoreStatus['keychain'] = {
      available: false,
      message: `No keychain in this host: a key set here lasts until it stops; set ${ANSWER_KEY_ENV} to provide one at start.`,
    },
  ) {}

  get(): string | null {
    if (this.key !== null) return this.key;
    const fromEnv = this.env[ANSWER_KEY_ENV]?.trim();
    return fromEnv ? fromEnv : null;
  }

  status(): KeyStoreStatus {
    if (this.key !== null) return { present: true, source: this.source ?? 'session', keychain: this.keychain };
    const present = this.get() !== null;
    return { present, source: present ? 'environment' : null, keychain: this.keychain };
  }

  set(key: string | null): Promise<KeyStoreStatus> {
    this.key = key;
    this.source = key === null ? null : 'session';
    return Promise.resolve(this.status());
  }

  /**
   * Electron's worker: the key as main decrypted it from the keychain (or held for the session when no
   * keychain is available), with the keychain's availability as main sees it.
   */
  receive(key: string | null, source: KeySource | null, keychain: KeyStoreStatus['keychain']): void {
    this.key = key;
    this.source = key === null ? null : source;
    this.keychain = keychain;
  }
}
