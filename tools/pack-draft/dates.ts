/**
 * Drafted dates: the date expressions chrono-node finds in each paragraph, resolved against the
 * publication date (the reference instant, in the publisher's time zone).
 *
 *  - The precision is what the words make certain: a day ("Nov 24"), a month ("in October", "by
 *    the end of November"), a year. A weekday alone ("on Monday") is the nearest such day, said so.
 *  - When the words give no year, chrono takes the one that puts the date nearest the publication
 *    date ("in April", published in November 2025 → April 2026); the draft says so.
 *  - A relative date inside quotation marks ("We spoke to them today") is relative to when the
 *    words were said, which the publication date does not tell: it is not drafted.
 */
import * as chrono from 'chrono-node';
import type { DatePrecision } from '../../src/annotations/model';
import type { DraftText, Span } from './text';

export interface DraftDate extends Span {
  value: string;
  precision: DatePrecision;
  how: string;
}

export interface Reference {
  /** The publication instant. */
  instant: Date;
  /** Minutes east of UTC of the publisher's time zone. */
  utcOffsetMinutes: number;
}

export function findDates(text: DraftText, reference: Reference): DraftDate[] {
  const ref = { instant: reference.instant, timezone: reference.utcOffsetMinutes };
  const out: DraftDate[] = [];
  text.paragraphs.forEach((paragraph, i) => {
    const base = text.starts[i] ?? 0;
    for (const result of chrono.parse(paragraph.text, ref)) {
      const start = result.index;
      const end = start + result.text.replace(/[\s,;:.]+$/, '').length;
      const component = result.start;
      const tags = [...component.tags()].join(' ');
      const relative = /casual|relative/i.test(tags);
      if (relative && insideQuotation(paragraph.text, start)) continue;
      const resolved = resolvedDate(component);
      if (!resolved) continue;
      const notes = [`chrono-node: "${paragraph.text.slice(start, end)}"`];
      if (relative) notes.push('relative to the publication date');
      else if (!component.isCertain('year') && resolved.precision !== 'year')
        notes.push('no year in the words: the one nearest the publication date');
      if (resolved.fromWeekday) notes.push('a weekday: the nearest such day');
      out.push({
        start: base + start,
        end: base + end,
        value: resolved.value,
        precision: resolved.precision,
        how: notes.join('; '),
      });
    }
  });
  return out;
}

type Component = chrono.ParsedResult['start'];

function resolvedDate(
  c: Component,
): { value: string; precision: DatePrecision; fromWeekday: boolean } | undefined {
  const year = String(c.get('year')).padStart(4, '0');
  const month = String(c.get('month')).padStart(2, '0');
  const day = String(c.get('day')).padStart(2, '0');
  if (c.isCertain('day'))
    return { value: `${year}-${month}-${day}`, precision: 'day', fromWeekday: false };
  if (c.isCertain('month'))
    return { value: `${year}-${month}`, precision: 'month', fromWeekday: false };
  if (c.isCertain('year')) return { value: year, precision: 'year', fromWeekday: false };
  if (c.isCertain('weekday'))
    return { value: `${year}-${month}-${day}`, precision: 'day', fromWeekday: true };
  return undefined;
}

/** Whether `offset` lies between an opening and a closing quotation mark of the paragraph. */
function insideQuotation(paragraph: string, offset: number): boolean {
  let inQuote = false;
  for (let i = 0; i < offset; i++) {
    const c = paragraph[i];
    if (c === '“') inQuote = true;
    else if (c === '”') inQuote = false;
    else if (c === '"') inQuote = !inQuote;
  }
  return inQuote;
}
