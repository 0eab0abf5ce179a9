import { ShingleStream } from '../detection/fingerprint';

/**
 * Where the article is on the page: the smallest likely container (articleBody, <article>,
 * <main>) whose text the detector accepts, else the body. Anchoring inside it, not the whole
 * page, keeps navigation, teasers and comments from ever being highlighted.
 */
const CANDIDATES = [
  '[itemprop="articleBody"]',
  'article',
  '[role="article"]',
  'main',
  '[role="main"]',
] as const;

export function candidateRoots(doc: Document): Element[] {
  const seen = new Set<Element>();
  const out: Element[] = [];
  for (const selector of CANDIDATES) {
    for (const el of doc.querySelectorAll(selector)) {
      if (!seen.has(el)) {
        seen.add(el);
        out.push(el);
      }
    }
  }
  if (doc.body && !seen.has(doc.body)) out.push(doc.body);
  return out;
}

const textNodes = (root: Element) =>
  root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) => {
      const tag = node.parentElement?.localName;
      return tag === 'script' || tag === 'style' || tag === 'noscript' || tag === 'template'
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT;
    },
  });

/** Rendered-ish text of an element for detection: textContent minus scripts and styles. */
export function detectionText(root: Element): string {
  const parts: string[] = [];
  const walker = textNodes(root);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) parts.push((n as Text).data);
  return parts.join(' ');
}

/**
 * The shingles of an element's text, read in slices that give the main thread back every
 * `sliceMs`: a page of 100 000 paragraphs must not freeze while Gloss reads it.
 */
export async function detectionShingles(
  root: Element,
  yieldToMain: () => Promise<void>,
  sliceMs = 8,
): Promise<Set<number>> {
  const stream = new ShingleStream();
  const walker = textNodes(root);
  let sliceStart = performance.now();
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    stream.push((node as Text).data);
    if (++n % 128 === 0 && performance.now() - sliceStart > sliceMs) {
      await yieldToMain();
      sliceStart = performance.now();
    }
  }
  return stream.hashes;
}
