/**
 * The one door to localised text for every surface: messages come from
 * locales/<lang>.yml through @wxt-dev/i18n; numbers, dates and plural forms
 * through Intl in the browser's UI language, which the entry point passes in
 * (`setUiLanguage`), since components never ask `browser.*` themselves.
 */
import { i18n } from '#i18n';
import { DEFAULT_LANGUAGE } from '../lib/shared/api/languages';

let language: string = DEFAULT_LANGUAGE;

/** The BCP 47 tag ("de-AT") every Intl call and plural choice uses from now on. */
export function setUiLanguage(tag: string): void {
  language = tag;
}

export function uiLocale(): string {
  return language;
}

/**
 * Which of a message's forms (joined by " | " in locales/*.yml: `1 | n` or
 * `0 | 1 | n`) fits `count`: the 0 form when there is one and the count is 0,
 * the 1 form for Intl's "one" category, the n form otherwise. So French says
 * "0 commentaire" like "1 commentaire", and Japanese, which has no singular,
 * always takes the n form.
 */
export function pluralForm(forms: number, count: number, locale: string): number {
  if (forms <= 1) return 0;
  if (forms === 3 && count === 0) return 0;
  const one = formatter(`plural ${locale}`, () => new Intl.PluralRules(locale)).select(count) === 'one';
  return forms === 3 ? (one ? 1 : 2) : one ? 0 : 1;
}

type Translate = typeof i18n.t;

function translate(key: string, ...args: unknown[]): string {
  const count = args.find((arg): arg is number => typeof arg === 'number');
  if (count === undefined) return (i18n.t as (key: string, ...rest: unknown[]) => string)(key, ...args);
  const given = args.find((arg): arg is string[] => Array.isArray(arg));
  const substitutions = given ?? [formatNumber(count)];
  // Substituted without the count, so @wxt-dev/i18n's English-only plural rule never runs.
  const whole = (i18n.t as (key: string, substitutions: string[]) => string)(key, substitutions);
  const forms = whole.split(' | ');
  return forms[pluralForm(forms.length, count, language)] ?? whole;
}

export const t = translate as Translate;

/**
 * Intl's objects are slow to make (each loads its locale's data) and cheap to
 * use: a sidebar shows dozens of counts, dates and plurals, so each kind is
 * made once per language and options.
 */
const formatters = new Map<string, unknown>();
function formatter<T>(key: string, make: () => T): T {
  let made = formatters.get(key) as T | undefined;
  if (made === undefined) {
    made = make();
    formatters.set(key, made);
  }
  return made;
}

export function formatNumber(value: number, options?: Intl.NumberFormatOptions): string {
  const key = `number ${language} ${JSON.stringify(options ?? {})}`;
  return formatter(key, () => new Intl.NumberFormat(language, options)).format(value);
}

/** A rating such as 3.5, always with one decimal so columns line up. */
export function formatRating(value: number): string {
  return formatNumber(value, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
}

export function formatDateTime(when: string | number): string {
  const dates = formatter(
    `date ${language}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' }),
  );
  return dates.format(new Date(when));
}
