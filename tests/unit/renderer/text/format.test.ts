import { describe, expect, it } from 'vitest';

import { catalog } from '../../../../renderer/src/text/catalog';
import { formatDuration } from '../../../../renderer/src/text/common';
import { formatDateTime, formatList, formatNumber, plural } from '../../../../renderer/src/text/format';
import { UI_LOCALE, pickLocale } from '../../../../renderer/src/text/locale';

describe('the UI text mechanism', () => {
  it('uses English when nothing better is offered', () => {
    expect(UI_LOCALE).toBe('en');
    expect(pickLocale(['de-AT', 'fr'])).toBe('en');
    expect(pickLocale(['en-GB'])).toBe('en');
    expect(pickLocale([])).toBe('en');
  });

  it('picks the catalog of the locale and falls back to English', () => {
    expect(catalog({ en: { hello: 'Hello' } })).toEqual({ hello: 'Hello' });
    expect(catalog({ en: { hello: 'Hello' } }, 'en').hello).toBe('Hello');
  });

  it('chooses plural forms by Intl.PluralRules, with # as the formatted number', () => {
    const files = { one: '# file', other: '# files' };
    expect([plural(0, files), plural(1, files), plural(2, files), plural(12345, files)]).toEqual([
      '0 files',
      '1 file',
      '2 files',
      '12,345 files',
    ]);
    // A form a language lacks falls back to `other`; # may sit anywhere.
    expect(plural(1, { other: 'files: #' })).toBe('files: 1');
  });

  it('formats numbers, dates, lists and durations for the UI locale', () => {
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(0.25, { style: 'percent' })).toBe('25%');
    expect(formatDateTime('2026-03-04T09:15:00.000Z')).toMatch(/^Mar 4, 2026, \d{1,2}:\d{2}\s?[AP]M$/);
    expect(formatDateTime('not a date')).toBe('not a date');
    expect(formatList(['a.txt'])).toBe('a.txt');
    expect(formatList(['a.txt', 'b.txt', 'c.txt'])).toBe('a.txt, b.txt, and c.txt');
    expect([formatDuration(42), formatDuration(192), formatDuration(3900), formatDuration(-3)]).toEqual([
      '42 s',
      '3 min 12 s',
      '1 h 05 min',
      '0 s',
    ]);
  });
});
