import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { QuoteSelector } from '../../src/anchoring';

const fixture = (name: string): string =>
  readFileSync(join(dirname(fileURLToPath(import.meta.url)), 'fixtures', name), 'utf8');

/** The Straits Times copy of the Bloomberg wire (the pack's canonical source text). */
export const ARTICLE_ST = fixture('article-st.txt');
/** A syndicated US-style copy: no honorifics, US spelling, straight quotes, other paragraphing. */
export const ARTICLE_US = fixture('article-us.txt');

export function paragraphsOf(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** Replace document.body with `html` and return the body. */
export function mount(html: string): HTMLElement {
  document.body.innerHTML = html;
  return document.body;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A news page: nav + headline + one <p> per paragraph + footer. */
export function mountArticle(
  paras: readonly string[],
  opts: { nav?: boolean; headline?: string } = {},
): HTMLElement {
  const nav =
    opts.nav === false
      ? ''
      : '<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/asia">Asia</a></nav>';
  const h1 = opts.headline ? `<h1>${escapeHtml(opts.headline)}</h1>` : '';
  const body = paras.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n');
  return mount(`${nav}<article>${h1}${body}</article><footer>Copyright 2025</footer>`);
}

/** A selector for source[start, end) with `ctx` chars of prefix/suffix and the position hint. */
export function selectorAt(source: string, start: number, end: number, ctx = 32): QuoteSelector {
  return {
    exact: source.slice(start, end),
    prefix: source.slice(Math.max(0, start - ctx), start),
    suffix: source.slice(end, end + ctx),
    position: start,
  };
}

/** Selector for the nth occurrence (0-based) of `quote` in `source`. */
export function selectorFor(source: string, quote: string, nth = 0, ctx = 32): QuoteSelector {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = source.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`quote not in source: ${quote} (#${nth})`);
  }
  return selectorAt(source, at, at + quote.length, ctx);
}

/** Whitespace-collapsed text, as the index renders it. */
export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
