import { describe, expect, it } from 'vitest';

import {
  COMMAND_NAMES,
  DEFAULT_SETTINGS,
  SettingsSchema,
  commands,
  isCommandName,
  parseEvent,
  parseUnknown,
} from '../../../shared';

describe('the command contract', () => {
  it.each(COMMAND_NAMES)('%s rejects fields it does not know', (name) => {
    const result = parseUnknown(commands[name].input, { surprise: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error).toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining('surprise') as string,
      });
  });

  it.each(COMMAND_NAMES)('%s rejects non-objects', (name) => {
    for (const value of [null, 42, 'text', [], true]) expect(parseUnknown(commands[name].input, value).ok).toBe(false);
  });

  it('knows its own names and nothing inherited', () => {
    expect(isCommandName('settings.get')).toBe(true);
    expect(isCommandName('toString')).toBe(false);
    expect(isCommandName('__proto__')).toBe(false);
  });

  it('ships defaults that satisfy the settings schema', () => {
    expect(SettingsSchema.parse(DEFAULT_SETTINGS)).toEqual(DEFAULT_SETTINGS);
  });

  it('names every failing path in one message', () => {
    const result = parseUnknown(commands['settings.set'].input, { encoder: { dims: 100, precision: 'fp8' } });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.error.message).toMatch(/encoder\.dims.*encoder\.precision|encoder\.precision.*encoder\.dims/);
  });
});

describe('events', () => {
  it('accepts a known event with a valid payload', () => {
    const result = parseEvent({ name: 'engine.state', payload: { state: 'ready', restarts: 0, message: null } });
    expect(result).toEqual({
      ok: true,
      value: { name: 'engine.state', payload: { state: 'ready', restarts: 0, message: null } },
    });
  });

  it('refuses unknown names and bad payloads', () => {
    expect(parseEvent({ name: 'nope', payload: {} }).ok).toBe(false);
    expect(parseEvent({ name: 'engine.state', payload: { state: 'dancing', restarts: 0, message: null } }).ok).toBe(
      false,
    );
    expect(parseEvent(null).ok).toBe(false);
  });
});
