/**
 * How the gate reads a page (gate.ts runs it): the probe metadata, where to start reading, and an
 * incremental, sliced read of text nodes into pieces of text for the next probe, one piece per
 * subtree read (its text nodes joined by a line break, as separate words). The gate only gathers
 * text: the background makes it into shingles (detection/probe-text.ts), so the page's main
 * thread neither tokenises nor hashes. No browser extension APIs: the benchmark runs it in a
 * plain page.
 */
import type { ProbeMetadata } from '../messages/protocol';
import { readPageMetadata } from './metadata';

/** Text read on a page that does not declare itself an article: its opening, not the page. */
const OPENING_CHARS = 12_000;
/**
 * Text a page that does not declare itself an article shows before its opening counts as there:
 * fewer characters are an app shell still filling in, which the gate keeps reading as it grows.
 */
export const SHELL_CHARS = 1_000;
/** Text read at most on any page (a page of many megabytes is not read to its end to probe it). */
const PAGE_CHARS = 4_000_000;
/** Elements whose text is never the article's. */
const SKIP = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'iframe',
  'textarea',
  'select',
  'button',
  'nav',
  'footer',
]);

const now = () => performance.now();
const newDocKey = () =>
  typeof crypto.randomUUID === 'function'
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** One read of one page (URL): what was read, and where reading stands. */
export class PageRead {
  readonly doc = newDocKey();
  seq = 0;
  /** Text read and not sent yet: pieces, each the text nodes of one walk, in document order. */
  pending: string[] = [];
  chars = 0;
  readonly limit: number;
  /** Roots still to read (elements or text nodes), and the walk in progress. */
  readonly queue: Node[] = [];
  private walk: { root: Node; node: Node | null } | null = null;
  /** The walk's text nodes read so far (joined into one piece when it ends or is collected). */
  private parts: string[] = [];
  readonly seen = new WeakSet<Text>();
  matched = false;
  /** A requested read has told the background it read everything (its answer is final). */
  doneSent = false;

  constructor(
    readonly meta: ProbeMetadata,
    readonly requested: boolean,
  ) {
    this.limit = requested || meta.kind !== 'other' ? PAGE_CHARS : OPENING_CHARS;
  }

  get full(): boolean {
    return this.chars >= this.limit;
  }

  get idle(): boolean {
    return this.walk === null && this.queue.length === 0;
  }

  /** Read until the slice is used up or nothing is left; true when nothing is left. */
  readSlice(deadline: number): boolean {
    let n = 0;
    while (!this.full) {
      if (!this.walk) {
        const root = this.queue.shift();
        if (!root) break;
        if (!root.isConnected) continue;
        this.walk = { root, node: root };
      }
      const node = this.walk.node;
      if (!node?.isConnected) {
        this.endWalk();
        continue;
      }
      if (node.nodeType === Node.TEXT_NODE) this.readText(node as Text);
      this.walk.node = this.next(node, this.walk.root);
      if (++n % 64 === 0 && now() > deadline) return false;
    }
    if (this.walk) this.endWalk();
    return true;
  }

  /** A text node, once (one that changed in place is taken out of `seen` to be read again). */
  private readText(text: Text) {
    if (this.seen.has(text)) return;
    this.seen.add(text);
    const data = text.data;
    if (data.length === 0) return;
    this.chars += data.length;
    this.parts.push(data);
  }

  /** Document order within root, not entering skipped elements. */
  private next(node: Node, root: Node): Node | null {
    const skip =
      node.nodeType === Node.ELEMENT_NODE &&
      (SKIP.has((node as Element).localName) || (node as Element).localName.startsWith('gloss-'));
    if (!skip && node.firstChild) return node.firstChild;
    for (let n: Node | null = node; n && n !== root; n = n.parentNode) {
      if (n.nextSibling) return n.nextSibling;
    }
    return null;
  }

  private endWalk() {
    this.flush();
    this.walk = null;
  }

  private flush() {
    if (this.parts.length === 0) return;
    this.pending.push(this.parts.join('\n'));
    this.parts = [];
  }

  /** Flush the walk in progress (its text so far) so a probe can carry it. */
  collect() {
    this.flush();
  }

  /** Take pending text for one probe: at most `maxChars` (a longer piece is cut at a space). */
  take(maxChars: number): string[] {
    const out: string[] = [];
    let chars = 0;
    while (this.pending.length > 0) {
      const piece = this.pending[0] as string;
      if (chars + piece.length <= maxChars) {
        out.push(piece);
        chars += piece.length;
        this.pending.shift();
        continue;
      }
      const room = maxChars - chars;
      const cut = piece.lastIndexOf(' ', room);
      const at = cut > 0 ? cut : room;
      if (at > 0) {
        out.push(piece.slice(0, at));
        this.pending[0] = piece.slice(at);
      }
      break;
    }
    return out;
  }
}

/** What the first probe says of the page's head. */
export function probeMetadata(doc: Document, url: string): ProbeMetadata {
  const m = readPageMetadata(doc, url);
  return {
    titles: [m.ogTitle, m.jsonLdHeadline, m.h1].filter((t): t is string => !!t).slice(0, 3),
    kind: m.kind,
    ...(m.canonical ? { canonical: m.canonical } : {}),
    ...(m.ogUrl ? { ogUrl: m.ogUrl } : {}),
    ...(m.jsonLdUrl ? { jsonLdUrl: m.jsonLdUrl } : {}),
  };
}

/**
 * Where a read starts: the whole body of a page that declares itself an article or live page
 * (or that the reader asked about); elsewhere the likely article container, read only to its
 * opening (PageRead's limit).
 */
export function openingScope(doc: Document, read: PageRead): Element | null {
  if (read.requested || read.meta.kind !== 'other') return doc.body;
  return doc.querySelector('article, [itemprop="articleBody"], main, [role="main"]') ?? doc.body;
}
