/**
 * Every user-visible sentence of the renderer, one module per area, each an English catalog that a
 * translation of the same type can sit beside (see catalog.ts and locale.ts). Import the area you need
 * directly (`../text/models`); this index lists them.
 */
export { ANSWERS_TEXT, endpointHost, type AnswersText } from './answers';
export { APP_TEXT, type AppText } from './app';
export { catalog, type Translations } from './catalog';
export { COMMON_TEXT, formatDuration, type CommonText } from './common';
export { COMPONENTS_TEXT, type ComponentsText } from './components';
export { EVALUATE_TEXT, type EvaluateText, type GridAxis } from './evaluate';
export { EXPLORE_TEXT, type ExploreText } from './explore';
export { FOLDERS_TEXT, type FoldersText } from './folders';
export { formatDateTime, formatList, formatNumber, plural, type PluralForms } from './format';
export { LICENCE_TEXT, type LicenceText } from './licence';
export { UI_LOCALE, UI_LOCALES, pickLocale, type UiLocale } from './locale';
export { MODELS_TEXT, type ModelsText } from './models';
export { ONBOARDING_TEXT, type OnboardingText } from './onboarding';
export { SEARCH_TEXT, type SearchText } from './search';
export { SETTINGS_TEXT, type SettingsText } from './settings';
