export { en, type MessageKey } from './en';
export {
  catalogs,
  formatDecimal,
  formatExact,
  formatInput,
  formatInteger,
  formatPercent,
  formatPlain,
  formatSignificant,
  getCatalog,
  getDigitStyle,
  getLocale,
  isLocaleId,
  localizeDigits,
  LOCALES,
  ltr,
  numberLocale,
  pluralForm,
  setDigitStyle,
  setLocale,
  t,
  type Catalog,
  type DigitStyle,
  type LocaleId,
  type MessageParams,
} from './locale.svelte';
export { answerExpectedText, answerReasonText, denseIssueText, expressionErrorText, layerIssueText, localizeNumbersIn, optimizeErrorText, projectErrorText, solveProblemText, trainStopText, writeEngineValue } from './engine-messages';
export { codeProblemText, exportFailureText, exportNoteText, optimizeStopText } from './engine-messages';
export { normalizeListSeparators, normalizeNumerals } from '../../../shared/core/numerals';
export { parseNumber, type ParseNumberOptions } from './parse-number';
export { firstStrongIsolate, hasStrongRtl, ltrIsolate, stripBidiControls } from './bidi';
export type { Messages, PluralForms, Translation } from './types';
export { initialPreferences, isDigitStyle, localeFromTag, type LocalePreferences } from './preferences';
