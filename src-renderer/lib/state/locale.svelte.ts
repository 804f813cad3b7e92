import type { LocaleHost } from '../core-client';
import { getDigitStyle, getLocale, setDigitStyle, setLocale, type DigitStyle, type LocaleId, type LocalePreferences } from '../i18n';

/**
 * The language switch: applies a choice (a reactive catalog swap, so the open project, its
 * undo history and the current tool stay as they are) and remembers it through the host.
 */
export class LocaleState {
  readonly #host: LocaleHost;

  constructor(host: LocaleHost, initial: LocalePreferences) {
    this.#host = host;
    setLocale(initial.locale);
    setDigitStyle(initial.digits);
  }

  get locale(): LocaleId {
    return getLocale();
  }

  get digits(): DigitStyle {
    return getDigitStyle();
  }

  setLocale(locale: LocaleId): void {
    if (locale === getLocale()) return;
    setLocale(locale);
    this.#save();
  }

  setDigits(digits: DigitStyle): void {
    if (digits === getDigitStyle()) return;
    setDigitStyle(digits);
    this.#save();
  }

  /** The native View > Language menu (Electron); returns the unsubscribe. */
  followMenu(): () => void {
    return this.#host.onSetLanguage((locale) => this.setLocale(locale));
  }

  #save(): void {
    this.#host.save({ locale: getLocale(), digits: getDigitStyle() });
  }
}
