/** Reads what a page says about itself (canonical link, Open Graph, JSON-LD, h1): cheap DOM reads. */
import type { PageMetadata } from '../detection/detect';

const attr = (doc: Document, selector: string, name: string) =>
  doc.querySelector(selector)?.getAttribute(name)?.trim() || undefined;

/** The first NewsArticle-like JSON-LD object's headline and url; malformed JSON-LD is ignored. */
function readJsonLd(doc: Document): { headline?: string; url?: string } {
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
          if (typeof node?.headline === 'string') {
            const url = typeof node.url === 'string' ? node.url : undefined;
            return { headline: node.headline, ...(url ? { url } : {}) };
          }
        }
      }
    } catch {
      // A page's broken JSON-LD is its own business.
    }
  }
  return {};
}

export function readPageMetadata(doc: Document, url: string): PageMetadata {
  const jsonLd = readJsonLd(doc);
  return {
    url,
    canonical: attr(doc, 'link[rel="canonical"]', 'href'),
    ogUrl: attr(doc, 'meta[property="og:url"]', 'content'),
    ogTitle: attr(doc, 'meta[property="og:title"]', 'content'),
    jsonLdHeadline: jsonLd.headline,
    jsonLdUrl: jsonLd.url,
    h1: doc.querySelector('h1')?.textContent?.trim().slice(0, 500) || undefined,
  };
}
