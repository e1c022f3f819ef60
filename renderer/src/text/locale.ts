/**
 * The languages the UI has texts for. Each module in text/ lists its catalog per locale; English is the
 * reference every translation is typed against, and the fallback for a module not yet translated.
 */
export const UI_LOCALES = ['en'] as const;
export type UiLocale = (typeof UI_LOCALES)[number];

/** The first of the person's languages that has a catalog (`de-AT` matches `de`), else English. */
export function pickLocale(preferred: readonly string[]): UiLocale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    const base = lower.split('-')[0];
    const match = UI_LOCALES.find((locale) => locale === lower || locale === base);
    if (match) return match;
  }
  return 'en';
}

/**
 * Numbers, dates and plurals follow the UI's language rather than the system's, so a sentence never
 * mixes an English word with a German thousands separator. Unit tests run in Node without `navigator`.
 */
export const UI_LOCALE: UiLocale = pickLocale(typeof navigator === 'undefined' ? [] : navigator.languages);
