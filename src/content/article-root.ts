/**
 * The DOM side of recognition: reads a page's text into the pure judge (detection/judge.ts) and
 * turns the span of text it accepts into the article's region, the element Gloss anchors in.
 * The region is the smallest element holding the article's paragraphs found, widened to take in
 * the article's own headline and standfirst when that adds little else, so navigation, teasers,
 * comments and the other entries of a live page are never highlighted.
 */
import { runToEnd } from '../anchoring';
import { type Evidence, type Judgement, judgePage } from '../detection/judge';
import { PageHits } from '../detection/page-hits';
import type { ArticleFingerprint } from '../detection/paragraphs';

export interface PageReading {
  hits: PageHits;
  /** The text nodes fed to `hits`, in the same order as its pieces. */
  nodes: Text[];
}

const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'textarea']);

const textNodes = (root: Element) =>
  root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      SKIPPED.has(node.parentElement?.localName ?? '')
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });

/**
 * Read `root`'s text (scripts and styles left out) node by node into the article's hits. A
 * generator that yields when `shouldYield()` says so, so a page of 100 000 paragraphs is read in
 * slices; `readPage` runs it in one go.
 */
export function* readPageSteps(
  root: Element,
  article: ArticleFingerprint,
  shouldYield: () => boolean = () => false,
): Generator<void, PageReading, void> {
  const hits = new PageHits(article);
  const nodes: Text[] = [];
  const walker = textNodes(root);
  let n = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    nodes.push(node as Text);
    hits.push((node as Text).data);
    if (++n % 128 === 0 && shouldYield()) yield;
  }
  return { hits, nodes };
}

export function readPage(root: Element, article: ArticleFingerprint): PageReading {
  return runToEnd(readPageSteps(root, article));
}

/** The text nodes that hold word positions [start, end) of the reading. */
export function nodesOf(reading: PageReading, span: { start: number; end: number }) {
  const first = reading.nodes[reading.hits.pieceAt(span.start)];
  const last = reading.nodes[reading.hits.pieceAt(Math.max(span.start, span.end - 1))];
  return first && last ? { first, last } : null;
}

/**
 * The region may grow to a parent whose text is at most this much more than its own: the
 * headline, standfirst, byline and photo credit of the article around its body, not the feed of
 * a live page, a sidebar or the comments.
 */
const REGION_GROWTH = 1.15;
const REGION_SLACK_CHARS = 600;
/** An element that declares itself the article (or the page's main content) is as wide as it gets. */
const ARTICLE_ELEMENT = 'article, [role="article"], [itemprop="articleBody"], main, [role="main"]';

/** The smallest element holding the span, widened to its headline (see REGION_GROWTH). */
export function regionOf(reading: PageReading, span: { start: number; end: number }): Element {
  const ends = nodesOf(reading, span);
  const doc = reading.nodes[0]?.ownerDocument;
  const body = doc?.body ?? null;
  if (!ends || !doc || !body) return body ?? (doc?.documentElement as Element);
  let region: Element = ends.first.parentElement ?? body;
  while (region !== body && !region.contains(ends.last)) region = region.parentElement ?? body;
  const limit = (region.textContent?.length ?? 0) * REGION_GROWTH + REGION_SLACK_CHARS;
  for (let parent = region.parentElement; parent; parent = parent.parentElement) {
    if (region === body || region.matches(ARTICLE_ELEMENT)) break;
    if (parent === body || (parent.textContent?.length ?? 0) > limit) break;
    region = parent;
  }
  return region;
}

/**
 * Is the element rendered (not display:none, not hidden, not inside a closed <details>)? Text
 * the page's CSS hides, such as the second copy of a responsive template or the part behind a
 * "Read more" button, is no place for a highlight.
 */
export function isShown(element: Element): boolean {
  const el = element as Element & { checkVisibility?: (o?: object) => boolean };
  if (typeof el.checkVisibility === 'function')
    return el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false });
  const view = element.ownerDocument.defaultView;
  for (let e: Element | null = element; e; e = e.parentElement) {
    if (e.hasAttribute('hidden')) return false;
    if (e.localName === 'details' && !e.hasAttribute('open') && e !== element) {
      // Only the summary of a closed <details> is shown.
      if (!element.closest('summary')) return false;
    }
    const style = view?.getComputedStyle(e);
    if (style && (style.display === 'none' || style.visibility === 'hidden')) return false;
  }
  return true;
}

export interface Recognition {
  judgement: Judgement;
  region: Element;
  /** Some of the article's text on this page is hidden (collapsed, a CSS-hidden second copy). */
  hidesText: boolean;
}

/**
 * Of the copies the judge accepted (best first), the first one the reader can see: a responsive
 * page may carry a second, hidden copy of the body. If none is shown, the best one.
 */
export function chooseCopy(
  reading: PageReading,
  judgements: readonly Judgement[],
): Recognition | null {
  let best: Recognition | null = null;
  for (const judgement of judgements) {
    if (!judgement.span) continue;
    const found = { judgement, region: regionOf(reading, judgement.span), hidesText: false };
    if (isShown(found.region)) return found;
    best ??= found;
  }
  return best;
}

/** Judge a page read by `readPageSteps`, and find the region of the copy the reader sees. */
export function recogniseReading(reading: PageReading, evidence: Evidence): Recognition | null {
  const shown = new Map<Element, boolean>();
  const shownAt = (position: number) => {
    const parent = reading.nodes[reading.hits.pieceAt(position)]?.parentElement;
    if (!parent) return true;
    const known = shown.get(parent);
    if (known !== undefined) return known;
    const visible = isShown(parent);
    shown.set(parent, visible);
    return visible;
  };
  const found = chooseCopy(reading, judgePage(reading.hits, evidence, shownAt));
  if (found) found.hidesText = [...shown.values()].includes(false);
  return found;
}

/** Read and judge in one go (tests, the benchmark); the engine reads in slices. */
export function recognise(
  root: Element,
  article: ArticleFingerprint,
  evidence: Evidence,
): Recognition | null {
  return recogniseReading(readPage(root, article), evidence);
}
