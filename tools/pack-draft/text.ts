/**
 * The drafted article's text as the pack will hold it: paragraphs with their ids, the canonical
 * text (paragraphs joined by a blank line, as `src/annotations/text.ts` defines it) and where each
 * paragraph starts in it. Every drafted span is a [start, end) of that canonical text.
 */
import type { Paragraph } from '../../src/annotations/model';
import { canonicalText, paragraphStarts } from '../../src/annotations/text';
import type { PageParagraph } from './page';

export interface DraftText {
  paragraphs: Paragraph[];
  text: string;
  starts: number[];
}

export interface Span {
  start: number;
  end: number;
}

export function draftText(paragraphs: readonly PageParagraph[]): DraftText {
  const withIds = paragraphs.map((p, i) => ({ id: `p${i}`, role: p.role, text: p.text }));
  const article = { text: { paragraphs: withIds } };
  return { paragraphs: withIds, text: canonicalText(article), starts: paragraphStarts(article) };
}

export const overlap = (a: Span, b: Span) => a.start < b.end && b.start < a.end;

/** The index of the paragraph holding `offset`. */
export function paragraphIndexAt(text: DraftText, offset: number): number {
  let found = 0;
  text.starts.forEach((start, i) => {
    if (start <= offset) found = i;
  });
  return found;
}

/** The span without the white space and the characters of `strip` at its ends. */
export function trimSpan(text: string, span: Span, strip = /[\s,;:]/): Span {
  let { start, end } = span;
  while (start < end && strip.test(text[start] ?? '')) start++;
  while (end > start && strip.test(text[end - 1] ?? '')) end--;
  return { start, end };
}
