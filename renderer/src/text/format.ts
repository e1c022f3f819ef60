import { UI_LOCALE } from './locale';

/**
 * A count's wording per plural category of the UI locale; `#` stands for the formatted number.
 * English needs `one` and `other`; a translation adds the categories its language has (`few`, `many`…).
 */
export type PluralForms = { readonly other: string } & Partial<Readonly<Record<Intl.LDMLPluralRule, string>>>;

const pluralRules = new Intl.PluralRules(UI_LOCALE);
const numbers = new Intl.NumberFormat(UI_LOCALE);
const dateTimes = new Intl.DateTimeFormat(UI_LOCALE, { dateStyle: 'medium', timeStyle: 'short' });
const lists = new Intl.ListFormat(UI_LOCALE, { style: 'long', type: 'conjunction' });

/** `plural(3, { one: '# file', other: '# files' })` → "3 files"; `#` may sit anywhere in the form. */
export function plural(n: number, forms: PluralForms): string {
  const form = forms[pluralRules.select(n)] ?? forms.other;
  return form.replaceAll('#', numbers.format(n));
}

/** 12,345 in English; grouping and digits follow the UI locale. */
export function formatNumber(n: number, options?: Intl.NumberFormatOptions): string {
  return options ? new Intl.NumberFormat(UI_LOCALE, options).format(n) : numbers.format(n);
}

/** "Mar 4, 2026, 9:15 AM" for an ISO timestamp; the raw string when it does not parse. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTimes.format(date);
}

/** "a, b and c", as the UI locale joins a list. */
export function formatList(items: readonly string[]): string {
  return lists.format(items);
}
