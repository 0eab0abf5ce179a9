import type { Article, Target } from './model';

/** Paragraph separator in the canonical text. */
export const PARAGRAPH_SEPARATOR = '\n\n';

/** Length (UTF-16 code units) of TextQuoteSelector prefix/suffix context. */
export const CONTEXT_LENGTH = 32;

/** The canonical text: all paragraphs joined by a blank line. Offsets are UTF-16 indices into it. */
export function canonicalText(article: Pick<Article, 'text'>): string {
  return article.text.paragraphs.map((p) => p.text).join(PARAGRAPH_SEPARATOR);
}

/** Start offset of each paragraph in the canonical text. */
export function paragraphStarts(article: Pick<Article, 'text'>): number[] {
  const starts: number[] = [];
  let at = 0;
  for (const p of article.text.paragraphs) {
    starts.push(at);
    at += p.text.length + PARAGRAPH_SEPARATOR.length;
  }
  return starts;
}

/** A target for `text.slice(start, end)`, with prefix/suffix context computed from the text. */
export function targetAt(text: string, start: number, end: number): Target {
  if (
    !(
      Number.isInteger(start) &&
      Number.isInteger(end) &&
      0 <= start &&
      start < end &&
      end <= text.length
    )
  ) {
    throw new RangeError(`No span [${start}, ${end}) in a text of length ${text.length}`);
  }
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
