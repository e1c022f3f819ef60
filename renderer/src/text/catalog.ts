import { UI_LOCALE, type UiLocale } from './locale';

/** One area's texts: English, and any translation of the same shape (a missing one falls back to English). */
export type Translations<T> = { readonly en: T } & { readonly [L in Exclude<UiLocale, 'en'>]?: T };

/** The texts for the UI locale. Translating an area is one more object of type `T` beside `en`. */
export function catalog<T>(translations: Translations<T>, locale: UiLocale = UI_LOCALE): T {
  return (translations as Partial<Record<UiLocale, T>>)[locale] ?? translations.en;
}
