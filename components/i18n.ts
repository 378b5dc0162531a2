/**
 * The one door to localised text for every surface: messages come from
 * locales/<lang>.yml through @wxt-dev/i18n, numbers and dates through Intl in
 * the browser's UI language.
 */
import { i18n } from '#i18n';

export const t = i18n.t;

/** A BCP 47 tag for Intl; the browser reports its UI locale as "de_AT". */
export function uiLocale(): string {
  const locale = i18n.t('@@ui_locale');
  return locale ? locale.replace('_', '-') : 'en';
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(uiLocale(), options).format(value);
}

/** A rating such as 3.5, always with one decimal so columns line up. */
export function formatRating(value: number): string {
  return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatDateTime(when: string | number): string {
  return new Intl.DateTimeFormat(uiLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(when));
}
