/**
 * Reads what a page says about itself (canonical link, Open Graph, JSON-LD, h1): a few element
 * reads and one parse of each JSON-LD script, never a walk of the page.
 */
import type { PageKind } from '../detection/probe';

export interface PageMetadata {
  url: string;
  canonical?: string | undefined;
  ogUrl?: string | undefined;
  ogTitle?: string | undefined;
  jsonLdHeadline?: string | undefined;
  jsonLdUrl?: string | undefined;
  h1?: string | undefined;
  /** An article or a live page, by og:type or a JSON-LD @type; else 'other'. */
  kind: PageKind;
}

const attr = (doc: Document, selector: string, name: string) =>
  doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

/** JSON-LD types of a live page, and of an article (schema.org's Article family). */
const LIVE_TYPES = new Set(['LiveBlogPosting']);
const ARTICLE_TYPE = /^(?:\w*Article|\w*BlogPosting|Report)$/;

interface JsonLd {
  headline?: string;
  url?: string;
  kind: PageKind;
}

function kindOfType(type: unknown): PageKind {
  const types = Array.isArray(type) ? type : [type];
  let kind: PageKind = 'other';
  for (const t of types) {
    if (typeof t !== 'string') continue;
    const name = t.replace(/^https?:\/\/schema\.org\//, '');
    if (LIVE_TYPES.has(name)) return 'live';
    if (ARTICLE_TYPE.test(name)) kind = 'article';
  }
  return kind;
}

/**
 * The page's JSON-LD: the first NewsArticle-like object's headline and url, and whether any
 * object is an article or a live page. Malformed JSON-LD is ignored.
 */
function readJsonLd(doc: Document): JsonLd {
  const out: JsonLd = { kind: 'other' };
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > 200_000) continue;
    try {
      const data: unknown = JSON.parse(text);
      const items = Array.isArray(data) ? data : [data];
      for (const item of items) {
        if (typeof item !== 'object' || item === null) continue;
        const rec = item as Record<string, unknown>;
        const graph = Array.isArray(rec['@graph']) ? rec['@graph'] : [rec];
        for (const node of graph as Array<Record<string, unknown>>) {
          if (typeof node !== 'object' || node === null) continue;
          const kind = kindOfType(node['@type']);
          if (kind === 'live' || (kind === 'article' && out.kind === 'other')) out.kind = kind;
          if (out.headline === undefined && typeof node.headline === 'string') {
            out.headline = node.headline;
            if (typeof node.url === 'string') out.url = node.url;
          }
        }
      }
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  return out;
}

export function readPageMetadata(doc: Document, url: string): PageMetadata {
  const jsonLd = readJsonLd(doc);
  const ogType = attr(doc, 'meta[property="og:type"]', 'content')?.toLowerCase();
  const kind: PageKind =
    jsonLd.kind === 'live' ? 'live' : ogType === 'article' ? 'article' : jsonLd.kind;
  return {
    url,
    canonical: attr(doc, 'link[rel="canonical"]', 'href'),
    ogUrl: attr(doc, 'meta[property="og:url"]', 'content'),
    ogTitle: attr(doc, 'meta[property="og:title"]', 'content'),
    jsonLdHeadline: jsonLd.headline,
    jsonLdUrl: jsonLd.url,
    h1: doc.querySelector('h1')?.textContent?.trim().slice(0, 500) || undefined,
    kind,
  };
}
