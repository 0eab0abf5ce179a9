/** Dates as Gloss shows them, in the cards and in the popup and side panel alike. */
import type { DatePrecision } from '../annotations/model';

/** A date to its precision: '24 Nov 2025', 'April 2026', '2026'. Invalid input is returned as is. */
export function formatDate(value: string, precision: DatePrecision, locale = 'en-GB'): string {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return value;
  const [, y, mo = '01', d = '01'] = m;
  const date = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (Number.isNaN(date.getTime())) return value;
  const options: Intl.DateTimeFormatOptions =
    precision === 'day'
      ? { day: 'numeric', month: 'short', year: 'numeric' }
      : precision === 'month'
        ? { month: 'long', year: 'numeric' }
        : { year: 'numeric' };
  try {
    return new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(date);
  } catch {
    return value;
  }
}
