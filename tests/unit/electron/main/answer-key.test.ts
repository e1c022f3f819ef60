import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

import { afterEach, describe, expect, it } from 'vitest';

import { AnswerKeyFile, answerKeyPath } from '../../../../electron/main/answer-key';
import { useTempDirs } from '../../../fixtures/temp-dir';
import { resetElectronMock, safeStorage } from '../../../mocks/electron';

const tempDir = useTempDirs();
afterEach(() => resetElectronMock());

const KEY = 'sk-test-7Hq2LmZ9xR4vW1pK8nB3cD6fG0jS5tY';

async function open(dataDir: string, platform: NodeJS.Platform = 'linux') {
  return AnswerKeyFile.open({ dataDir, safeStorage, platform });
}

describe('AnswerKeyFile', () => {
  it('keeps the key encrypted in a 0600 file in a 0700 folder, and finds it again after a restart', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    expect(store.current()).toEqual({ apiKey: null, source: null, keychain: { available: true, message: null } });

    expect(await store.set(KEY)).toEqual({
      apiKey: KEY,
      source: 'keychain',
      keychain: { available: true, message: null },
    });
    const path = answerKeyPath(dataDir);
    const bytes = await readFile(path);
    expect(bytes.includes(Buffer.from(KEY))).toBe(false);
    expect(bytes.toString('latin1')).not.toContain(KEY.slice(3, 15));
    expect(bytes.includes(Buffer.from(Buffer.from(KEY).toString('base64')))).toBe(false);
    if (process.platform !== 'win32') {
      expect((await stat(path)).mode & 0o777).toBe(0o600);
      expect((await stat(dirname(path))).mode & 0o777).toBe(0o700);
    }
    // Written through a temp file that is gone afterwards.
    expect(await readdir(dirname(path))).toEqual(['answer-api-key.bin']);

    const reopened = await open(dataDir);
    expect(reopened.current()).toMatchObject({ apiKey: KEY, source: 'keychain' });
  });

  it('forgets the key and deletes its file', async () => {
    const dataDir = await tempDir();
    const store = await open(dataDir);
    await store.set(KEY);
    expect(await store.set(null)).toMatchObject({ apiKey: null, source: null });
    expect(await readdir(dirname(answerKeyPath(dataDir)))).toEqual([]);
    expect((await open(dataDir)).current().apiKey).toBeNull();
    // Forgetting twice is not an error.
    await expect(store.set(null)).resolves.toMatchObject({ apiKey: null });
  });

  it.each(['basic_text', 'unknown'])(
    'treats the Linux %s store as no keychain: memory for the session, and says so',
    async (backend) => {
      safeStorage.backend = backend;
      const dataDir = await tempDir();
      const store = await open(dataDir);
      const state = await store.set(KEY);
      expect(state).toMatchObject({ apiKey: KEY, source: 'session', keychain: { available: false } });
      expect(state.keychain.message).toMatch(/No OS keychain .* lasts until Polyseek quits/);
      expect(safeStorage.encryptStringAsync).not.toHaveBeenCalled();
      await expect(readdir(dataDir)).resolves.toEqual([]);
      expect((await open(dataDir)).current().apiKey).toBeNull();
    },
  );

  it('asks for the Linux store only on Linux', async () => {
    safeStorage.backend = 'basic_text';
    const store = await open(await tempDir(), 'darwin');
    expect(store.current().keychain).toEqual({ available: true, message: null });
    expect(safeStorage.getSelectedStorageBackend).not.toHaveBeenCalled();
  });

  it('keeps the key for the session when encryption is unavailable', async () => {
    safeStorage.available = false;
    const store = await open(await tempDir(), 'win32');
    const state = await store.set(KEY);
    expect(state).toMatchObject({ source: 'session', keychain: { available: false } });
    expect(state.keychain.message).toContain('No OS keychain is available');
  });

  it('reports a file it cannot decrypt, treats it as absent, and recovers when the key is set again', async () => {
    const dataDir = await tempDir();
    await (await open(dataDir)).set(KEY);
    safeStorage.failDecrypt = true;
    const store = await open(dataDir);
    const state = store.current();
    expect(state).toMatchObject({ apiKey: null, source: null, keychain: { available: true } });
    expect(state.keychain.message).toMatch(/could not be read: decrypting: .*set it again/);
    safeStorage.failDecrypt = false;
    expect(await store.set(KEY)).toMatchObject({ source: 'keychain', keychain: { message: null } });
  });

  it('reports garbage and unreadable files without crashing', async () => {
    const dataDir = await tempDir();
    await mkdir(dirname(answerKeyPath(dataDir)), { recursive: true });
    await writeFile(answerKeyPath(dataDir), Buffer.from([0, 1, 2, 3]));
    expect((await open(dataDir)).current().keychain.message).toContain('could not be read');

    // A folder where the file should be: reading fails with EISDIR.
    const other = await tempDir();
    await mkdir(answerKeyPath(other), { recursive: true });
    const store = await open(other);
    expect(store.current()).toMatchObject({ apiKey: null, keychain: { available: true } });
    expect(store.current().keychain.message).toContain('could not be read');
    // …and storing there fails with a reason, never the key.
    const failure = store.set(KEY);
    await expect(failure).rejects.toMatchObject({ code: 'SETTINGS_WRITE_FAILED' });
    await expect(failure).rejects.not.toThrow(KEY);
  });

  it('falls back to the session when the keychain refuses to encrypt, without echoing the key', async () => {
    const store = await open(await tempDir());
    safeStorage.encryptStringAsync.mockRejectedValueOnce(new Error(`keyring locked while storing ${KEY}`));
    const state = await store.set(KEY);
    expect(state).toMatchObject({ apiKey: KEY, source: 'session', keychain: { available: false } });
    expect(state.keychain.message).toContain('refused to encrypt');
    expect(state.keychain.message).not.toContain(KEY);
  });

  it('re-encrypts when the keychain says its key rotated', async () => {
    const dataDir = await tempDir();
    await (await open(dataDir)).set(KEY);
    const before = await readFile(answerKeyPath(dataDir));
    safeStorage.decryptStringAsync.mockResolvedValueOnce({ shouldReEncrypt: true, result: KEY });
    safeStorage.encryptStringAsync.mockResolvedValueOnce(Buffer.from('v11rotated-ciphertext'));
    expect((await open(dataDir)).current()).toMatchObject({ apiKey: KEY, source: 'keychain' });
    const after = await readFile(answerKeyPath(dataDir));
    expect(after.equals(before)).toBe(false);
    expect(after.toString()).toBe('v11rotated-ciphertext');
  });
});
