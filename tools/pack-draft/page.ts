/**
 * A saved article page, read: the article's paragraphs (by @mozilla/readability, on a DOM built by
 * linkedom), and what its metadata says of the headline, the publication date, the canonical URL
 * and the site. Nothing here is guessed: what the page does not say is an error naming what is
 * missing.
 *
 * linkedom rather than a browser-like DOM (happy-dom, jsdom): it parses markup and nothing else,
 * so a saved page from anywhere can run no script and load no resource while it is read.
 */
import { isProbablyReaderable, Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParagraphRole } from '../../src/annotations/model';

export interface PageParagraph {
  role: ParagraphRole;
  text: string;
}

export interface ArticlePage {
  headline: string;
  /** The standfirst (if the page shows one), then the article's paragraphs and subheadings. */
  paragraphs: PageParagraph[];
  published: {
    /** The publication date as the page writes it, in the publisher's own time zone. */
    date: string;
    /** The timestamp as found in the page's metadata. */
    timestamp: string;
    /** Minutes east of UTC of that timestamp (0 when it names none). */
    utcOffsetMinutes: number;
  };
  canonicalUrl: string;
  host: string;
  siteName: string;
}

/** The page has no article, or lacks what a pack needs; the message says which. */
export class PageError extends Error {
  override name = 'PageError';
}

export interface ReadOptions {
  /** Where the page came from, for messages. */
  source: string;
  /** The article's URL, when the page names none (no canonical link, no og:url). */
  url?: string;
}

/** Characters a reader does not see, which a pack's validation refuses. */
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/g;

/** A block's visible text: invisible characters dropped, white space collapsed. */
export function visibleText(raw: string): string {
  return raw.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
}

const documentOf = (html: string) => parseHTML(html).document as unknown as Document;

export function readArticlePage(html: string, options: ReadOptions): ArticlePage {
  const page = documentOf(html);
  if (!isProbablyReaderable(page)) {
    throw new PageError(
      `${options.source}: no article found (Readability sees no run of paragraphs long enough to be one)`,
    );
  }
  // Readability changes the document it reads: it gets its own copy.
  const article = new Readability(documentOf(html)).parse();
  if (!article?.content) throw new PageError(`${options.source}: no article found by Readability`);

  const paragraphs = blocksOf(documentOf(`<body>${article.content}</body>`));
  if (paragraphs.filter((p) => p.role === 'body').length === 0)
    throw new PageError(`${options.source}: the article Readability found has no paragraph`);
  const standfirst = standfirstOf(page, article.excerpt ?? '', paragraphs);
  if (standfirst) paragraphs.unshift({ role: 'standfirst', text: standfirst });

  const headline = visibleText(article.title ?? '');
  if (!headline) throw new PageError(`${options.source}: the page has no title`);
  const timestamp = article.publishedTime ?? '';
  const published = publicationDate(timestamp);
  if (!published) {
    throw new PageError(
      `${options.source}: no publication date in the page's metadata (article:published_time, JSON-LD datePublished): dates cannot be resolved`,
    );
  }
  const url = options.url ?? canonicalUrlOf(page);
  let parsed: URL | undefined;
  try {
    parsed = url ? new URL(url) : undefined;
  } catch {
    parsed = undefined;
  }
  if (!url || parsed?.protocol !== 'https:') {
    throw new PageError(
      `${options.source}: ${url ? `the article's URL ${url} is not https` : 'the page names no canonical URL (link rel=canonical, og:url)'}; pass --url <https address>`,
    );
  }
  return {
    headline,
    paragraphs,
    published: { ...published, timestamp },
    canonicalUrl: url,
    host: parsed.hostname,
    siteName: visibleText(article.siteName ?? '') || parsed.hostname,
  };
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre';

/** The innermost text blocks of the extracted article, in order; headings become subheadings. */
function blocksOf(content: Document): PageParagraph[] {
  const out: PageParagraph[] = [];
  for (const element of Array.from(content.querySelectorAll(BLOCKS))) {
    if (element.querySelector(BLOCKS) || element.closest('figure')) continue;
    const text = visibleText(element.textContent ?? '');
    if (!text) continue;
    out.push({
      role: /^H[1-6]$/.test(element.tagName.toUpperCase()) ? 'subheading' : 'body',
      text,
    });
  }
  return out;
}

/**
 * The standfirst: the page's summary (Readability's excerpt, from its metadata) when the page also
 * shows it as a block of its own outside the extracted article.
 */
function standfirstOf(page: Document, excerpt: string, paragraphs: PageParagraph[]): string {
  const summary = visibleText(excerpt);
  if (!summary || paragraphs.some((p) => p.text === summary)) return '';
  const shown = Array.from(page.querySelectorAll('p, div, h2')).some(
    (element) => visibleText(element.textContent ?? '') === summary,
  );
  return shown ? summary : '';
}

/** The date a timestamp names in its own time zone: '2025-11-25T05:10:00+08:00' → 2025-11-25. */
function publicationDate(
  timestamp: string,
): { date: string; utcOffsetMinutes: number } | undefined {
  const written = timestamp.match(/^(\d{4}-\d{2}-\d{2})(?:T[\d:.]+(Z|([+-])(\d{2}):?(\d{2}))?)?/);
  if (written?.[1]) {
    const sign = written[3] === '-' ? -1 : 1;
    const offset = written[4] ? sign * (Number(written[4]) * 60 + Number(written[5])) : 0;
    return { date: written[1], utcOffsetMinutes: offset };
  }
  const instant = new Date(timestamp);
  if (!timestamp || Number.isNaN(instant.getTime())) return undefined;
  return { date: instant.toISOString().slice(0, 10), utcOffsetMinutes: 0 };
}

function canonicalUrlOf(page: Document): string | undefined {
  const link = page.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = page.querySelector('meta[property="og:url"]')?.getAttribute('content');
  return (link || og || undefined)?.trim();
}
