/** Dates and figures as the public pages print them. Times are shown in UTC, as the canon stores them. */
import type { Locale } from './i18n';

// English and German as the seed pages wrote them; the other languages through Intl.
const MONTHS: Partial<Record<Locale, string[]>> = {
  en: [
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ],
  de: [
    'Januar',
    'Februar',
    'März',
    'April',
    'Mai',
    'Juni',
    'Juli',
    'August',
    'September',
    'Oktober',
    'November',
    'Dezember',
  ],
};

/** "2009" → "2009", "2009-07" → "July 2009", "2009-07-14" → "July 14, 2009" (German: "14. Juli 2009"). */
export function formatPublished(published: string, locale: Locale): string {
  const [year, month, day] = published.split('-');
  if (month === undefined) return year ?? published;
  const months = MONTHS[locale];
  if (months === undefined) return intlPublished(Number(year), Number(month), day, locale);
  const name = months[Number(month) - 1] ?? month;
  if (day === undefined) return `${name} ${year}`;
  return locale === 'de' ? `${Number(day)}. ${name} ${year}` : `${name} ${Number(day)}, ${year}`;
}

/** "2009年7月14日", "14 juillet 2009": the language's own long date, read in UTC like the stored date. */
function intlPublished(year: number, month: number, day: string | undefined, locale: Locale): string {
  const date = new Date(Date.UTC(year, month - 1, day === undefined ? 1 : Number(day)));
  if (Number.isNaN(date.getTime())) return `${year}-${month}`;
  const fields: Intl.DateTimeFormatOptions =
    day === undefined ? { year: 'numeric', month: 'long' } : { year: 'numeric', month: 'long', day: 'numeric' };
  return new Intl.DateTimeFormat(locale, { ...fields, timeZone: 'UTC' }).format(date);
}

/** As the seed page wrote it: "June 14, 2010 8:39am"; German "14. Juni 2010, 08:39"; the others as Intl writes them. */
export function formatCommentTime(ms: number, locale: Locale): string {
  if (MONTHS[locale] === undefined) {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' }).format(ms);
  }
  const d = new Date(ms);
  const date = formatPublished(d.toISOString().slice(0, 10), locale);
  const h = d.getUTCHours();
  const mm = String(d.getUTCMinutes()).padStart(2, '0');
  if (locale === 'de') return `${date}, ${String(h).padStart(2, '0')}:${mm}`;
  return `${date} ${h % 12 === 0 ? 12 : h % 12}:${mm}${h < 12 ? 'am' : 'pm'}`;
}

export function formatAverage(average: number, locale: Locale): string {
  return average.toLocaleString(locale === 'de' ? 'de-DE' : locale === 'en' ? 'en-US' : locale, {
    maximumFractionDigits: 2,
  });
}

/** Paragraphs of a text, split at blank lines, for <p> elements (the renderer escapes their text). */
export function paragraphs(text: string): string[] {
  return text
    .split(/\r?\n\s*\r?\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
