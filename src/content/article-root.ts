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

/**
 * The word shingles of an element's text (scripts and styles left out), node by node. A
 * generator that yields when `shouldYield()` says so, so a page of 100 000 paragraphs can be read
 * in slices; `detectionShingles` runs it in one go.
 */
export function* detectionShingleSteps(
  root: Element,
  shouldYield: () => boolean = () => false,
): Generator<void, Set<number>, void> {
  const stream = new ShingleStream();
  const walker = textNodes(root);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    stream.push((node as Text).data);
    if (++n % 128 === 0 && shouldYield()) yield;
  }
  return stream.hashes;
}

export function detectionShingles(root: Element): Set<number> {
  const steps = detectionShingleSteps(root);
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}
