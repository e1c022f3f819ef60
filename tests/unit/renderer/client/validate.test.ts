import { describe, expect, it } from 'vitest';

import { checkEvent, checkResult } from '../../../../renderer/src/client/validate';

const STATUS = {
  accepted: false,
  licenseId: 'CC-BY-NC-4.0',
  modelId: 'jinaai/jina-embeddings-v3',
  acceptedAt: null,
};

describe('checkResult', () => {
  it('passes a valid value through', () => {
    expect(checkResult('license.status', { ok: true, value: STATUS })).toEqual({ ok: true, value: STATUS });
  });

  it('keeps a host error with its code', () => {
    const error = { code: 'UNAUTHORIZED', message: 'missing token' };
    expect(checkResult('license.status', { ok: false, error })).toEqual({ ok: false, error });
  });

  it('refuses a value that does not match the output schema', () => {
    const result = checkResult('license.status', { ok: true, value: { ...STATUS, accepted: 'yes' } });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('INVALID_OUTPUT');
  });

  it('refuses errors with unknown codes and things that are not Results', () => {
    const unknownCode = checkResult('app.info', { ok: false, error: { code: 'NOPE', message: 'x' } });
    expect(unknownCode.ok || unknownCode.error.code).toBe('INVALID_OUTPUT');
    const notAResult = checkResult('app.info', 'hello');
    expect(notAResult.ok || notAResult.error.code).toBe('INVALID_OUTPUT');
  });
});

describe('checkEvent', () => {
  it('accepts contract events and drops anything else', () => {
    const event = { name: 'license.changed', payload: STATUS };
    expect(checkEvent(event)).toEqual(event);
    expect(checkEvent({ name: 'license.changed', payload: {} })).toBeNull();
    expect(checkEvent({ name: 'no.such.event', payload: {} })).toBeNull();
  });
});
