import { randomBytes } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { AnswerSetKeyInputSchema, PolyseekError, errorMessage } from '../../shared';
import type { AnswerKeyMessage } from '../engine/worker-protocol';

/** What main holds and sends the engine: the key (or null), where it is kept, and whether a keychain exists. */
export type AnswerKeyState = Omit<AnswerKeyMessage, 'type'>;

/**
 * The parts of Electron's `safeStorage` used here (the async API: Electron 45 deprecates the sync one).
 * Encryption keys live in the OS keychain (macOS Keychain, Windows DPAPI, Secret Service or KWallet).
 */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }>;
  /** Linux only: which password store Chromium picked. */
  getSelectedStorageBackend(): string;
}

export interface AnswerKeyFileOptions {
  /** Electron's userData folder; the key lives in `secrets/answer-api-key.bin` below it. */
  readonly dataDir: string;
  readonly safeStorage: SafeStorageLike;
  /** Default `process.platform`; on Linux the selected password store decides whether there is a keychain. */
  readonly platform?: NodeJS.Platform;
}

/**
 * Chromium's Linux fallbacks when no Secret Service or KWallet answers: `basic_text` encrypts with a key
 * hard-coded in Chromium (obfuscation, not protection); `unknown` means it has not chosen.
 */
const NOT_A_KEYCHAIN = new Set(['basic_text', 'unknown']);
const SESSION_ONLY = 'a key set here lasts until Polyseek quits';

export function answerKeyPath(dataDir: string): string {
  return join(dataDir, 'secrets', 'answer-api-key.bin');
}

/**
 * The desktop's store for the chat endpoint's API key: encrypted with `safeStorage` in a file only this
 * user can read, never in plain text anywhere. Without a real keychain the key is kept in memory for the
 * session, and `keychain.message` says so. A file that cannot be read or decrypted is reported and
 * treated as absent.
 */
export class AnswerKeyFile {
  private state: AnswerKeyState;

  private constructor(
    private readonly path: string,
    private readonly safeStorage: SafeStorageLike,
    private readonly keychain: AnswerKeyState['keychain'],
  ) {
    this.state = { apiKey: null, source: null, keychain };
  }

  static async open(options: AnswerKeyFileOptions): Promise<AnswerKeyFile> {
    const keychain = await probeKeychain(options.safeStorage, options.platform ?? process.platform);
    const store = new AnswerKeyFile(answerKeyPath(options.dataDir), options.safeStorage, keychain);
    await store.load();
    return store;
  }

  current(): AnswerKeyState {
    return { ...this.state, keychain: { ...this.state.keychain } };
  }

  /** Stores the key (encrypted, or in memory without a keychain), or with null forgets it and its file. */
  async set(apiKey: string | null): Promise<AnswerKeyState> {
    if (apiKey === null) {
      await this.remove();
      this.state = { apiKey: null, source: null, keychain: this.keychain };
      return this.current();
    }
    if (!this.keychain.available) {
      this.state = { apiKey, source: 'session', keychain: this.keychain };
      return this.current();
    }
    let encrypted: Buffer;
    try {
      encrypted = await this.safeStorage.encryptStringAsync(apiKey);
    } catch (error) {
      const why = redact(errorMessage(error), apiKey);
      const keychain = {
        available: false,
        message: `The OS keychain refused to encrypt the key (${why}): ${SESSION_ONLY}.`,
      };
      this.state = { apiKey, source: 'session', keychain };
      return this.current();
    }
    await this.write(encrypted);
    this.state = { apiKey, source: 'keychain', keychain: this.keychain };
    return this.current();
  }

  private async load(): Promise<void> {
    let encrypted: Buffer;
    try {
      encrypted = await readFile(this.path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      return this.unreadable(errorMessage(error));
    }
    if (!this.keychain.available) return this.unreadable('no OS keychain to decrypt it with now');
    let decrypted: { shouldReEncrypt: boolean; result: string };
    try {
      decrypted = await this.safeStorage.decryptStringAsync(encrypted);
    } catch (error) {
      return this.unreadable(`decrypting: ${errorMessage(error)}`);
    }
    const apiKey = AnswerSetKeyInputSchema.shape.apiKey.unwrap().safeParse(decrypted.result);
    if (!apiKey.success) return this.unreadable('it does not decrypt to a key');
    this.state = { apiKey: apiKey.data, source: 'keychain', keychain: this.keychain };
    // The keychain rotated its key: store it under the new one (best effort, the old file still decrypts).
    if (decrypted.shouldReEncrypt) await this.set(apiKey.data).catch(() => undefined);
  }

  private unreadable(why: string): void {
    const then = this.keychain.available ? 'set it again' : SESSION_ONLY;
    const message = `The stored API key (${this.path}) could not be read: ${why}. It is ignored; ${then}.`;
    this.state = { apiKey: null, source: null, keychain: { available: this.keychain.available, message } };
  }

  /** Like the settings file: a sibling temp file (mode 0600), fsync, rename; the folder is 0700. */
  private async write(encrypted: Buffer): Promise<void> {
    const folder = dirname(this.path);
    const temp = `${this.path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(folder, { recursive: true, mode: 0o700 });
      const handle = await open(temp, 'wx', 0o600);
      try {
        await handle.writeFile(encrypted);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(temp, this.path);
    } catch (error) {
      await rm(temp, { force: true });
      throw new PolyseekError('SETTINGS_WRITE_FAILED', `storing the API key in ${folder}: ${errorMessage(error)}`);
    }
  }

  private async remove(): Promise<void> {
    try {
      await rm(this.path, { force: true });
    } catch (error) {
      throw new PolyseekError('SETTINGS_WRITE_FAILED', `forgetting the API key (${this.path}): ${errorMessage(error)}`);
    }
  }
}

async function probeKeychain(
  safeStorage: SafeStorageLike,
  platform: NodeJS.Platform,
): Promise<AnswerKeyState['keychain']> {
  const available = await safeStorage.isAsyncEncryptionAvailable().catch(() => false);
  if (!available) return { available: false, message: `No OS keychain is available: ${SESSION_ONLY}.` };
  if (platform === 'linux') {
    const backend = safeStorage.getSelectedStorageBackend();
    if (NOT_A_KEYCHAIN.has(backend)) {
      return {
        available: false,
        message: `No OS keychain (Secret Service or KWallet) was found, so the key could only be obfuscated on disk (${backend}): ${SESSION_ONLY}.`,
      };
    }
  }
  return { available: true, message: null };
}

/** An error text from the keychain must not carry the key on into a status or a log. */
function redact(text: string, secret: string): string {
  return text.split(secret).join('[key]');
}
