/**
 * Locating spans of the article text by quote, on word boundaries:
 *  - 'exact words'                          → the only occurrence in the whole text;
 *  - { quote, para: 'p5' }                  → the only occurrence in paragraph p5;
 *  - { quote, para, nth: 1 }                → the second occurrence there (0-based);
 *  - { quote, within: 'longer phrase' }     → inside the (unique) longer phrase, optionally in `para`.
 * A quote that occurs more than once where it is looked for is an error ("not unique"), as is one
 * that does not occur ("not found"): the author narrows it, the compiler never guesses.
 */
import type { Article } from '../model';
import { canonicalText, paragraphStarts } from '../text';
import type { Anchor } from './source-schema';

const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

/** Every word-bounded occurrence of `exact` in text[from, to). */
export function occurrences(text: string, exact: string, from = 0, to = text.length): number[] {
  const found: number[] = [];
  let at = text.indexOf(exact, from);
  while (at !== -1 && at + exact.length <= to) {
    const before = text[at - 1];
    const after = text[at + exact.length];
    const boundedStart = !isWordChar(exact[0]) || !isWordChar(before);
    const boundedEnd = !isWordChar(exact[exact.length - 1]) || !isWordChar(after);
    if (boundedStart && boundedEnd) found.push(at);
    at = text.indexOf(exact, at + 1);
  }
  return found;
}

export type Located =
  | { ok: true; start: number; end: number }
  | { ok: false; message: string; expected: string };

/** The canonical text of an article, and where its quotes are. */
export class ArticleText {
  readonly text: string;
  private readonly paragraphRange = new Map<string, [number, number]>();

  constructor(article: Pick<Article, 'text'>) {
    this.text = canonicalText(article);
    const starts = paragraphStarts(article);
    article.text.paragraphs.forEach((p, i) => {
      const start = starts[i] ?? 0;
      this.paragraphRange.set(p.id, [start, start + p.text.length]);
    });
  }

  /** The id of the paragraph holding `offset`. */
  paragraphAt(offset: number): string {
    for (const [id, [start, end]] of this.paragraphRange)
      if (start <= offset && offset <= end) return id;
    return 'p0';
  }

  locate(anchor: Anchor): Located {
    const a = typeof anchor === 'string' ? { quote: anchor } : anchor;
    let [from, to] = [0, this.text.length];
    let where = 'the text';
    if (a.para !== undefined) {
      const range = this.paragraphRange.get(a.para);
      if (!range) {
        return {
          ok: false,
          message: `names paragraph "${a.para}", which does not exist`,
          expected: `p0 to p${this.paragraphRange.size - 1}`,
        };
      }
      [from, to] = range;
      where = a.para;
    }
    if (a.within !== undefined) {
      const hits = occurrences(this.text, a.within, from, to);
      if (hits.length !== 1) return notOne(a.within, hits.length, where);
      from = hits[0] ?? 0;
      to = from + a.within.length;
      where = `"${a.within}"`;
    }
    const hits = occurrences(this.text, a.quote, from, to);
    if (a.nth === undefined) {
      if (hits.length !== 1) return notOne(a.quote, hits.length, where);
    } else if (hits[a.nth] === undefined) {
      return {
        ok: false,
        message: `"${a.quote}" has no occurrence #${a.nth} in ${where} (it occurs ${hits.length} time(s); nth counts from 0)`,
        expected: `nth below ${hits.length}`,
      };
    }
    const start = hits[a.nth ?? 0] ?? 0;
    return { ok: true, start, end: start + a.quote.length };
  }
}

function notOne(quote: string, count: number, where: string): Located {
  return count === 0
    ? {
        ok: false,
        message: `"${quote}" is not found in ${where}`,
        expected: 'the exact words of the text, on word boundaries',
      }
    : {
        ok: false,
        message: `"${quote}" is not unique: it occurs ${count} times in ${where}`,
        expected: 'a quote narrowed with para, within or nth',
      };
}
