import { describe, expect, it } from 'vitest';

import { parseParentMessage, parseWorkerMessage } from '../../../../electron/engine/worker-protocol';
import { DEFAULT_SETTINGS } from '../../../../shared';

describe('parseParentMessage', () => {
  it.each([
    [{ type: 'init', dataDir: '/profile', settings: DEFAULT_SETTINGS }],
    [{ type: 'settings', settings: DEFAULT_SETTINGS }],
    [{ type: 'request', id: 1, name: 'gpu.status', input: {} }],
    [{ type: 'request', id: 2, name: 'anything', input: undefined }],
    [{ type: 'cancel', id: 7 }],
    [{ type: 'shutdown' }],
    [{ type: 'set-model-dir-done', id: 3, error: null }],
    [{ type: 'set-model-dir-done', id: 4, error: { code: 'SETTINGS_WRITE_FAILED', message: 'disk full' } }],
  ])('accepts %j', (message) => {
    expect(parseParentMessage(message).ok).toBe(true);
  });

  it.each([
    ['no type', {}],
    ['an unknown type', { type: 'eval', code: 'process.exit()' }],
    ['an empty data folder', { type: 'init', dataDir: '', settings: DEFAULT_SETTINGS }],
    ['invalid settings', { type: 'settings', settings: { ...DEFAULT_SETTINGS, version: 99 } }],
    ['a zero id', { type: 'request', id: 0, name: 'gpu.status', input: {} }],
    ['a fractional id', { type: 'cancel', id: 1.5 }],
    ['a huge name', { type: 'request', id: 1, name: 'x'.repeat(201), input: {} }],
    ['extra fields', { type: 'shutdown', now: true }],
    ['a string', 'shutdown'],
  ])('refuses %s', (_label, message) => {
    expect(parseParentMessage(message)).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('parseWorkerMessage', () => {
  it('accepts responses carrying either kind of Result', () => {
    expect(parseWorkerMessage({ type: 'response', id: 3, result: { ok: true, value: [1, 2] } }).ok).toBe(true);
    const failure = { type: 'response', id: 3, result: { ok: false, error: { code: 'TIMEOUT', message: 'slow' } } };
    expect(parseWorkerMessage(failure)).toEqual({ ok: true, value: failure });
  });

  it('refuses a Result with an unknown error code or a missing error', () => {
    const badCode = { type: 'response', id: 3, result: { ok: false, error: { code: 'OOPS', message: '' } } };
    expect(parseWorkerMessage(badCode).ok).toBe(false);
    expect(parseWorkerMessage({ type: 'response', id: 3, result: { ok: false } }).ok).toBe(false);
  });

  it('checks events against the contract’s event schemas', () => {
    const event = { name: 'engine.state', payload: { state: 'ready', restarts: 0, message: null } };
    expect(parseWorkerMessage({ type: 'event', event })).toEqual({ ok: true, value: { type: 'event', event } });
    const unknown = parseWorkerMessage({ type: 'event', event: { name: 'fs.changed', payload: {} } });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining('unknown name') as string } });
    const badPayload = { name: 'engine.state', payload: { state: 'ready', restarts: -1, message: null } };
    expect(parseWorkerMessage({ type: 'event', event: badPayload }).ok).toBe(false);
  });

  it('accepts a request to record the model folder, a path or null', () => {
    expect(parseWorkerMessage({ type: 'set-model-dir', id: 1, dir: '/media/stick' }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'set-model-dir', id: 1, dir: null }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'set-model-dir', id: 1, dir: '' }).ok).toBe(false);
    expect(parseWorkerMessage({ type: 'set-model-dir', id: 0, dir: '/x' }).ok).toBe(false);
  });

  it('accepts ready and fatal, nothing else', () => {
    expect(parseWorkerMessage({ type: 'ready' }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'fatal', message: 'no disk' }).ok).toBe(true);
    expect(parseWorkerMessage({ type: 'init', dataDir: '/x', settings: DEFAULT_SETTINGS }).ok).toBe(false);
  });
});

describe('the answer-key message', () => {
  const keychain = { available: true, message: null };
  const secret = 'sk-protocol-test-NmQ4ZTU2YjI3';

  it.each([
    [{ type: 'answer-key', apiKey: secret, source: 'keychain', keychain }],
    [{ type: 'answer-key', apiKey: secret, source: 'session', keychain: { available: false, message: 'no keychain' } }],
    [{ type: 'answer-key', apiKey: null, source: null, keychain }],
  ])('accepts %j', (message) => {
    expect(parseParentMessage(message)).toEqual({ ok: true, value: message });
  });

  it.each([
    ['a key with a space', { type: 'answer-key', apiKey: `${secret} x`, source: 'session', keychain }],
    ['an empty key', { type: 'answer-key', apiKey: '', source: 'session', keychain }],
    ['a huge key', { type: 'answer-key', apiKey: 'k'.repeat(5000), source: 'session', keychain }],
    ['a key without its source', { type: 'answer-key', apiKey: secret, source: null, keychain }],
    ['a source without a key', { type: 'answer-key', apiKey: null, source: 'keychain', keychain }],
    ['an unknown source', { type: 'answer-key', apiKey: secret, source: 'file', keychain }],
    ['no keychain report', { type: 'answer-key', apiKey: secret, source: 'session' }],
    ['extra fields', { type: 'answer-key', apiKey: secret, source: 'session', keychain, log: true }],
  ])('refuses %s, without repeating the key', (_label, message) => {
    const parsed = parseParentMessage(message);
    expect(parsed).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(JSON.stringify(parsed)).not.toContain(secret);
  });

  it('is a message only the parent sends', () => {
    expect(parseWorkerMessage({ type: 'answer-key', apiKey: secret, source: 'session', keychain }).ok).toBe(false);
  });
});
