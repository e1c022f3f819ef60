import { describe, expect, it } from 'vitest';

import {
  activeAfterResults,
  isAskShortcut,
  isFocusShortcut,
  keyCommand,
  type KeyPress,
} from '../../../../../renderer/src/pages/search/result-keys';

const press = (key: string, over: Partial<KeyPress> = {}): KeyPress => ({
  key,
  shiftKey: false,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  ...over,
});

describe('keyCommand', () => {
  it('walks down and up without wrapping, Up from the first result back to the box', () => {
    expect(keyCommand(press('ArrowDown'), null, 3)).toEqual({ type: 'move', active: 0 });
    expect(keyCommand(press('ArrowDown'), 1, 3)).toEqual({ type: 'move', active: 2 });
    expect(keyCommand(press('ArrowDown'), 2, 3)).toEqual({ type: 'move', active: 2 });
    expect(keyCommand(press('ArrowUp'), 2, 3)).toEqual({ type: 'move', active: 1 });
    expect(keyCommand(press('ArrowUp'), 0, 3)).toEqual({ type: 'move', active: null });
    expect(keyCommand(press('ArrowUp'), null, 3)).toBeNull();
    expect(keyCommand(press('ArrowDown'), null, 0)).toBeNull();
  });

  it('pages by five', () => {
    expect(keyCommand(press('PageDown'), null, 12)).toEqual({ type: 'move', active: 4 });
    expect(keyCommand(press('PageDown'), 9, 12)).toEqual({ type: 'move', active: 11 });
    expect(keyCommand(press('PageUp'), 3, 12)).toEqual({ type: 'move', active: 0 });
  });

  it('opens with Enter, reveals with Shift+Enter, searches now with Enter and no active result', () => {
    expect(keyCommand(press('Enter'), 1, 3)).toEqual({ type: 'open', index: 1 });
    expect(keyCommand(press('Enter', { shiftKey: true }), 1, 3)).toEqual({ type: 'reveal', index: 1 });
    expect(keyCommand(press('Enter'), null, 3)).toEqual({ type: 'search' });
    expect(keyCommand(press('Enter', { shiftKey: true }), null, 3)).toBeNull();
  });

  it('treats a cursor past the end (the list shrank) as none', () => {
    expect(keyCommand(press('Enter'), 5, 2)).toEqual({ type: 'search' });
    expect(keyCommand(press('ArrowDown'), 5, 2)).toEqual({ type: 'move', active: 0 });
  });

  it('clears with Escape and leaves typing and modified keys to the browser', () => {
    expect(keyCommand(press('Escape'), 2, 3)).toEqual({ type: 'clear' });
    expect(keyCommand(press('a'), null, 3)).toBeNull();
    expect(keyCommand(press('ArrowDown', { altKey: true }), null, 3)).toBeNull();
    expect(keyCommand(press('Enter', { ctrlKey: true }), 0, 3)).toBeNull();
  });
});

describe('isFocusShortcut', () => {
  it('is Ctrl-K or ⌘-K, in either case, and nothing else', () => {
    expect(isFocusShortcut(press('k', { ctrlKey: true }))).toBe(true);
    expect(isFocusShortcut(press('K', { metaKey: true }))).toBe(true);
    expect(isFocusShortcut(press('k'))).toBe(false);
    expect(isFocusShortcut(press('k', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});

describe('activeAfterResults', () => {
  it('keeps the cursor for a refreshed query, clamped, and drops it for a new query', () => {
    expect(activeAfterResults(2, 5, true)).toBe(2);
    expect(activeAfterResults(4, 3, true)).toBe(2);
    expect(activeAfterResults(2, 5, false)).toBeNull();
    expect(activeAfterResults(1, 0, true)).toBeNull();
  });
});

describe('isAskShortcut', () => {
  it('is Ctrl+Enter or ⌘+Enter, and leaves Enter and Shift+Enter to the results', () => {
    expect(isAskShortcut(press('Enter', { ctrlKey: true }))).toBe(true);
    expect(isAskShortcut(press('Enter', { metaKey: true }))).toBe(true);
    expect(isAskShortcut(press('Enter'))).toBe(false);
    expect(isAskShortcut(press('Enter', { shiftKey: true, ctrlKey: true }))).toBe(false);
    expect(isAskShortcut(press('Enter', { altKey: true, ctrlKey: true }))).toBe(false);
    // The result keys give way to it: Ctrl+Enter is no "open".
    expect(keyCommand(press('Enter', { ctrlKey: true }), 0, 3)).toBeNull();
  });
});
