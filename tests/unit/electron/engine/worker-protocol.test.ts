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
