/**
 * TextIndex: the rendered, normalised text of a DOM subtree plus an exact map from every text
 * offset back to (Text node, offset in node). Built in one DOM pass; typed arrays, no per-char
 * objects. See README.md ("Text index") for what counts as rendered text.
 */
import { type Folded, fold, foldSteps } from './fold';
import { codesToString, Normaliser } from './normalise';
import { refoldSteps } from './refold';
import { neverYield, runToEnd, type ShouldYield } from './slices';

export interface TextIndexOptions {
  /**
   * Skip elements with aria-hidden="true". Default false: aria-hidden content is usually still
   * visible on screen (decorative duplicates, icon labels), so a highlight there is not wrong.
   */
  skipAriaHidden?: boolean;
  /**
   * Also consult getComputedStyle() on every element (display:none, visibility:hidden, and
   * non-inline display as a block boundary). Default false: it forces style resolution and costs
   * several times the bare DOM walk. Without it we honour the `hidden` attribute, inline
   * `style="display:none"`/`visibility:hidden` and tag names only.
   */
  checkComputedStyle?: boolean;
  /** Extra filter: return true to skip an element and its subtree (e.g. the extension's own UI). */
  skip?: (el: Element) => boolean;
}

/** What `TextIndex.update()` changed, in text offsets. Text outside [start, oldEnd) is unchanged. */
export interface TextChange {
  /** First offset that differs (same in the old and the new text). */
  start: number;
  /** End of the replaced span in the OLD text (exclusive). */
  oldEnd: number;
  /** End of the replacement span in the NEW text (exclusive). */
  newEnd: number;
  /** newEnd - oldEnd: shift for every offset >= oldEnd. */
  delta: number;
}

/** Elements whose content is never rendered text. */
const SKIP_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'select',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'meta',
  'link',
  'audio',
  'video',
  'input',
  'button',
]);

/** Elements whose boundaries are line/paragraph breaks (default UA stylesheet display != inline). */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'br',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hgroup',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'img',
]);

interface Collected {
  nodes: Text[];
  data: string[];
  breaks: Uint8Array;
  total: number;
}

function isSkipped(el: Element, opts: TextIndexOptions): boolean {
  if (SKIP_TAGS.has(el.localName)) return true;
  if (el.hasAttributes()) {
    if (el.hasAttribute('hidden')) return true;
    if (opts.skipAriaHidden && el.getAttribute('aria-hidden') === 'true') return true;
    const style = el.getAttribute('style');
    if (style !== null && (style.includes('none') || style.includes('hidden'))) {
      const s = (el as HTMLElement).style;
      if (s && (s.display === 'none' || s.visibility === 'hidden')) return true;
    }
  }
  if (opts.checkComputedStyle) {
    const view = el.ownerDocument?.defaultView;
    if (view) {
      const cs = view.getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden') return true;
    }
  }
  if (opts.skip?.(el)) return true;
  return false;
}

function isBlock(el: Element, opts: TextIndexOptions): boolean {
  if (BLOCK_TAGS.has(el.localName)) return true;
  if (opts.checkComputedStyle) {
    const view = el.ownerDocument?.defaultView;
    if (view) {
      const d = view.getComputedStyle(el).display;
      return d !== '' && d !== 'inline' && d !== 'contents';
    }
  }
  return false;
}

/** One DOM pass: the rendered text nodes, their data, and whether a block break precedes each. */
function* collect(
  root: Node,
  opts: TextIndexOptions,
  shouldYield: ShouldYield,
): Generator<void, Collected, void> {
  const nodes: Text[] = [];
  const data: string[] = [];
  const breaks: number[] = [];
  let total = 0;
  let pendingBreak = false;
  if (root.nodeType === 3) {
    const t = root as Text;
    return { nodes: [t], data: [t.data], breaks: new Uint8Array(1), total: t.data.length };
  }
  let n: Node | null = root.firstChild;
  let steps = 0;
  let restarts = 0;
  while (n !== null) {
    let descend = false;
    const type = n.nodeType;
    if (type === 3) {
      const d = (n as Text).data;
      if (d.length > 0) {
        nodes.push(n as Text);
        data.push(d);
        breaks.push(pendingBreak ? 1 : 0);
        pendingBreak = false;
        total += d.length;
      }
    } else if (type === 1) {
      const el = n as Element;
      if (!isSkipped(el, opts)) {
        if (isBlock(el, opts)) pendingBreak = true;
        if (el.firstChild !== null) descend = true;
      }
    }
    if (descend) {
      n = n.firstChild;
      continue;
    }
    while (n !== null) {
      if (n === root) {
        n = null;
        break;
      }
      const next: Node | null = n.nextSibling;
      if (next !== null) {
        n = next;
        break;
      }
      n = n.parentNode;
      if (n !== null && n !== root && n.nodeType === 1 && isBlock(n as Element, opts)) {
        pendingBreak = true;
      }
    }
    if ((++steps & 1023) === 0 && shouldYield()) {
      yield;
      if (n !== null && !root.contains(n)) {
        // The page removed the node we were at while we were suspended: its nextSibling and
        // parentNode no longer lead through the root. Walk again from the start (after a few
        // such restarts, in one go, so a page that churns cannot keep us walking forever).
        nodes.length = 0;
        data.length = 0;
        breaks.length = 0;
        total = 0;
        pendingBreak = false;
        n = root.firstChild;
        if (++restarts >= 3) shouldYield = neverYield;
      }
    }
  }
  return { nodes, data, breaks: Uint8Array.from(breaks), total };
}

/** Text units copied between two yield checks when update() copies the unchanged text's maps. */
const COPY_CHUNK = 1 << 18;
/** Block-break flags read between two yield checks when the break list is rebuilt. */
const BREAK_CHUNK = 1 << 14;

/** breakOffsets() of a normalised text and its nodes' break flags, with yield checks. */
function* breakOffsetsSteps(
  n: Normaliser,
  flags: Uint8Array,
  shouldYield: ShouldYield,
): Generator<void, Int32Array, void> {
  const len = n.length;
  const out: number[] = [];
  for (let k = 0; k < flags.length; k++) {
    if ((k & (BREAK_CHUNK - 1)) === BREAK_CHUNK - 1 && shouldYield()) yield;
    if (flags[k] === 0) continue;
    // nodeOf is non-decreasing: the first output unit of node k or later.
    const i = lowerBound(n.nodeOf, len, k);
    if (i >= len) break;
    let at = -1;
    if (n.codes[i] === 0x20) at = i;
    else if (i > 0 && n.codes[i - 1] === 0x20) at = i - 1;
    if (at >= 0 && (out.length === 0 || (out[out.length - 1] as number) < at)) out.push(at);
  }
  return Int32Array.from(out);
}

/** Index of the first of the sorted arr[0, len) that is >= value (len if none). */
export function lowerBound(arr: ArrayLike<number>, len: number, value: number): number {
  let lo = 0;
  let hi = len;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((arr[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class TextIndex {
  readonly root: Node;
  readonly options: TextIndexOptions;
  /** The normalised rendered text. All offsets in this module index into it (UTF-16 units). */
  text = '';
  /** Rendered text nodes, in document order. */
  nodes: Text[] = [];
  private data: string[] = [];
  private breaks: Uint8Array = new Uint8Array(0);
  private norm: Normaliser = new Normaliser(0);
  private foldedCache: Folded | null = null;
  private breakCache: Int32Array | null = null;
  private nodeNumber: Map<Text, number> | null = null;
  /** Incremented by every update() that changed the text. */
  version = 0;

  private constructor(root: Node, options: TextIndexOptions) {
    this.root = root;
    this.options = options;
  }

  /** Build the index synchronously. */
  static build(root: Node, options: TextIndexOptions = {}): TextIndex {
    return runToEnd(TextIndex.buildSteps(root, options));
  }

  /**
   * Build the index as a generator that yields whenever `shouldYield()` returns true (checked
   * every 1024 DOM nodes / every 64 text nodes), so a caller can spread the work over several
   * tasks. If the DOM changes between slices, call `update()` on the result.
   */
  static *buildSteps(
    root: Node,
    options: TextIndexOptions = {},
    shouldYield: ShouldYield = neverYield,
  ): Generator<void, TextIndex, void> {
    const index = new TextIndex(root, options);
    const c = yield* collect(root, options, shouldYield);
    const norm = new Normaliser(c.total + c.nodes.length + 16);
    for (let k = 0; k < c.nodes.length; k++) {
      if (c.breaks[k]) norm.brk();
      norm.feed(c.data[k] as string, k);
      if ((k & 63) === 63 && shouldYield()) yield;
    }
    index.nodes = c.nodes;
    index.data = c.data;
    index.breaks = c.breaks;
    index.norm = norm;
    // The text in 64K-unit chunks with yield checks (one 2 MB conversion is a long step).
    const parts: string[] = [];
    for (let i = 0; i < norm.length; i += 1 << 16) {
      parts.push(codesToString(norm.codes, i, Math.min(norm.length, i + (1 << 16))));
      if (shouldYield()) yield;
    }
    index.text = parts.join('');
    return index;
  }

  /** Length of `.text`. */
  get length(): number {
    return this.text.length;
  }

  /** The folded text (lower-cased, quotes/dashes/variants folded) with maps; built lazily. */
  get folded(): Folded {
    if (this.foldedCache === null) this.foldedCache = fold(this.text);
    return this.foldedCache;
  }

  /** `folded`, built (if not cached) by a generator that yields when `shouldYield()` says so. */
  *foldedSteps(shouldYield: ShouldYield = neverYield): Generator<void, Folded, void> {
    if (this.foldedCache === null) {
      const text = this.text;
      const f = yield* foldSteps(text, shouldYield);
      // The DOM may have been re-read meanwhile: cache only if the text is still the same.
      if (this.text === text) this.foldedCache = f;
      return f;
    }
    return this.foldedCache;
  }

  /**
   * Offsets in `.text` of the spaces that stand for a block boundary or a `<br>` (sorted; built
   * lazily, then rebuilt by every update()). Whitespace next to a boundary collapses into the same
   * space, so these are the spaces a match should not cross unless its quote does.
   */
  breakOffsets(): Int32Array {
    if (this.breakCache === null) {
      this.breakCache = runToEnd(breakOffsetsSteps(this.norm, this.breaks, neverYield));
    }
    return this.breakCache;
  }

  /** DOM position of the start of the character at `offset`. */
  startPoint(offset: number): { node: Text; offset: number } {
    const n = this.norm;
    const i = Math.max(0, Math.min(offset, n.length - 1));
    return { node: this.nodes[n.nodeOf[i] as number] as Text, offset: n.srcOff[i] as number };
  }

  /** DOM position just after the source of the character at `offset - 1`. */
  endPoint(offset: number): { node: Text; offset: number } {
    const n = this.norm;
    const i = Math.max(0, Math.min(offset, n.length) - 1);
    return {
      node: this.nodes[n.nodeOf[i] as number] as Text,
      offset: (n.srcOff[i] as number) + (n.srcLen[i] as number),
    };
  }

  /**
   * A fresh DOM Range over text offsets [start, end). Valid as long as the DOM has not changed
   * since the last build/update(); after a change, call update() first.
   */
  rangeFor(start: number, end: number): Range {
    const doc = (this.root.ownerDocument ?? this.root) as Document;
    const range = doc.createRange();
    if (this.norm.length === 0) {
      range.selectNodeContents(this.root);
      range.collapse(true);
      return range;
    }
    const s = Math.max(0, Math.min(start, this.norm.length));
    const e = Math.max(s, Math.min(end, this.norm.length));
    const a = this.startPoint(s);
    range.setStart(a.node, Math.min(a.offset, a.node.length));
    if (e === s) {
      range.collapse(true);
      return range;
    }
    const b = this.endPoint(e);
    range.setEnd(b.node, Math.min(b.offset, b.node.length));
    return range;
  }

  /**
   * Text offset of a DOM point (a Text node and an offset in it), or null if the node is not
   * indexed. Points inside removed characters or collapsed whitespace map to the next character.
   */
  offsetAt(node: Node, offset: number): number | null {
    if (this.nodeNumber === null) {
      this.nodeNumber = new Map();
      for (let k = 0; k < this.nodes.length; k++) this.nodeNumber.set(this.nodes[k] as Text, k);
    }
    const k = this.nodeNumber.get(node as Text);
    if (k === undefined) return null;
    const n = this.norm;
    let i = lowerBound(n.nodeOf, n.length, k);
    // Skip characters before the point, and a virtual (block-break) space that sits in front of
    // the character at the point.
    while (
      i < n.length &&
      n.nodeOf[i] === k &&
      ((n.srcOff[i] as number) < offset || (n.srcLen[i] === 0 && n.srcOff[i] === offset))
    )
      i++;
    return i;
  }

  /**
   * Re-read the DOM under `root` and splice the text: nodes before the first changed text node
   * and after the last changed one are reused (their normalised text and maps are copied, not
   * recomputed). Returns the changed span, or null if the rendered text did not change.
   * The DOM walk itself is repeated in full (it is the cheap part: no normalisation). A folded
   * text or break list already built is brought up to date too (the folded text incrementally:
   * only the changed paragraph is folded again), so the next anchoring does not rebuild them.
   */
  update(): TextChange | null {
    return runToEnd(this.updateSteps());
  }

  /**
   * update() as a generator that yields whenever `shouldYield()` returns true (checked every
   * 1024 DOM nodes, every 64 text nodes fed, every 256K units copied and every 64K characters of
   * the folded text's and break list's upkeep), so a huge page's update can be spread over
   * several tasks. Same result as update(). The index is left untouched until the last step,
   * which switches to the new state at once: until then it stays usable as it was, and a
   * caller may abandon the generator. If the DOM changes between slices, the result reflects
   * the DOM as the walk saw it: call update() (or updateSteps()) again afterwards. If the index
   * itself was updated by someone else meanwhile, the work is started again.
   */
  *updateSteps(shouldYield: ShouldYield = neverYield): Generator<void, TextChange | null, void> {
    for (;;) {
      const old = this.norm;
      const c = yield* collect(this.root, this.options, shouldYield);
      if (this.norm !== old) continue;
      const spliced = yield* this.splice(c, shouldYield);
      if (this.norm !== old) continue;
      if (spliced === null) return null; // same nodes, same data: nothing to do
      const { norm, text, change } = spliced;
      // Caches of the current text (possibly built while we were suspended) are brought along.
      const oldFolded = this.foldedCache;
      const hadBreaks = this.breakCache !== null;
      let folded: Folded | null = null;
      if (oldFolded !== null) {
        folded =
          change === null
            ? oldFolded
            : yield* refoldSteps(oldFolded, this.text, text, change, shouldYield);
      }
      const breaks = hadBreaks ? yield* breakOffsetsSteps(norm, c.breaks, shouldYield) : null;
      if (this.norm !== old) continue;
      // Switch to the new state in one step.
      this.norm = norm;
      this.nodes = c.nodes;
      this.data = c.data;
      this.breaks = c.breaks;
      this.text = text;
      this.foldedCache = folded;
      this.breakCache = breaks;
      this.nodeNumber = null;
      if (change !== null) this.version++;
      return change;
    }
  }

  /**
   * The new normalised text and maps for the collected nodes `c`, spliced from the current ones
   * (see update()); null if nothing changed at all. Does not modify the index.
   */
  private *splice(
    c: Collected,
    shouldYield: ShouldYield,
  ): Generator<void, { norm: Normaliser; text: string; change: TextChange | null } | null, void> {
    const oldNodes = this.nodes;
    const oldData = this.data;
    const oldBreaks = this.breaks;
    const on = oldNodes.length;
    const nn = c.nodes.length;
    let p = 0;
    while (
      p < on &&
      p < nn &&
      oldNodes[p] === c.nodes[p] &&
      oldData[p] === c.data[p] &&
      oldBreaks[p] === c.breaks[p]
    )
      p++;
    if (p === on && p === nn) return null;
    let qo = on - 1;
    let qn = nn - 1;
    while (
      qo >= p &&
      qn >= p &&
      oldNodes[qo] === c.nodes[qn] &&
      oldData[qo] === c.data[qn] &&
      oldBreaks[qo] === c.breaks[qn]
    ) {
      qo--;
      qn--;
    }
    const old = this.norm;
    const oldText = this.text;
    // Restart point: just after the last visible character before node p. The normaliser state
    // there is known (nothing pending); the rest of that node and the (empty-emitting) nodes up to
    // p are fed again, so pending whitespace and block breaks are reproduced exactly.
    let cut = lowerBound(old.nodeOf, old.length, p);
    while (cut > 0 && old.codes[cut - 1] === 0x20) cut--;
    // Room for the old text plus the changed nodes; the normaliser grows if that is not enough.
    let added = 16;
    for (let k = p; k <= qn; k++) added += (c.data[k] as string).length + 1;
    const norm = new Normaliser(old.length + added);
    if (shouldYield()) yield;
    for (let i = 0; i < cut; i += COPY_CHUNK) {
      const e = Math.min(cut, i + COPY_CHUNK);
      norm.codes.set(old.codes.subarray(i, e), i);
      norm.nodeOf.set(old.nodeOf.subarray(i, e), i);
      norm.srcOff.set(old.srcOff.subarray(i, e), i);
      norm.srcLen.set(old.srcLen.subarray(i, e), i);
      if (e < cut && shouldYield()) yield;
    }
    norm.length = cut;
    let resume = 0;
    if (cut > 0) {
      const j = old.nodeOf[cut - 1] as number;
      norm.feed(
        c.data[j] as string,
        j,
        (old.srcOff[cut - 1] as number) + (old.srcLen[cut - 1] as number),
      );
      resume = j + 1;
    }
    for (let k = resume; k <= qn; k++) {
      if (c.breaks[k]) norm.brk();
      norm.feed(c.data[k] as string, k);
      if ((k & 63) === 63 && shouldYield()) yield;
    }
    // Suffix: re-feed unchanged nodes until one emits a visible character; from then on the
    // normaliser state equals the old one and the old text/maps can be copied (shifted).
    const dk = qn - qo;
    let ko = qo + 1;
    let settled = false;
    while (ko < on) {
      const kn = ko + dk;
      const before = norm.length;
      if (c.breaks[kn]) norm.brk();
      norm.feed(c.data[kn] as string, kn);
      ko++;
      if (norm.length > before) {
        settled = true;
        break;
      }
    }
    let oldTailStart = old.length;
    if (settled && ko < on) {
      let tail = lowerBound(old.nodeOf, old.length, ko);
      if (tail > 0 && old.codes[tail - 1] === 0x20 && old.nodeOf[tail - 1] === ko - 1) {
        tail--;
        norm.pendingNode = -2;
      }
      oldTailStart = tail;
      const tailLen = old.length - tail;
      norm.reserve(norm.length + tailLen + 1);
      const at = norm.length;
      for (let i = 0; i < tailLen; i += COPY_CHUNK) {
        const e = Math.min(tailLen, i + COPY_CHUNK);
        norm.codes.set(old.codes.subarray(tail + i, tail + e), at + i);
        norm.srcOff.set(old.srcOff.subarray(tail + i, tail + e), at + i);
        norm.srcLen.set(old.srcLen.subarray(tail + i, tail + e), at + i);
        const nodeOf = norm.nodeOf;
        const from = old.nodeOf;
        for (let k = i; k < e; k++) nodeOf[at + k] = (from[tail + k] as number) + dk;
        if (e < tailLen && shouldYield()) yield;
      }
      norm.length = at + tailLen;
      // The end state is the old end state (same trailing nodes), renumbered.
      norm.pendingNode = old.pendingNode >= 0 ? old.pendingNode + dk : old.pendingNode;
      norm.pendingOff = old.pendingOff;
    }
    const newRegionEnd = norm.length - (old.length - oldTailStart);
    const middle = codesToString(norm.codes, cut, newRegionEnd);
    const newText = oldText.slice(0, cut) + middle + oldText.slice(oldTailStart);
    // Narrow the span to the characters that really differ.
    let start = cut;
    let oldEnd = oldTailStart;
    let newEnd = newRegionEnd;
    while (
      start < oldEnd &&
      start < newEnd &&
      oldText.charCodeAt(start) === newText.charCodeAt(start)
    )
      start++;
    while (
      oldEnd > start &&
      newEnd > start &&
      oldText.charCodeAt(oldEnd - 1) === newText.charCodeAt(newEnd - 1)
    ) {
      oldEnd--;
      newEnd--;
    }
    // Same text, different nodes (e.g. a text node was split): maps changed, text did not.
    const same = start === oldEnd && start === newEnd && newText.length === oldText.length;
    return {
      norm,
      text: same ? oldText : newText,
      change: same ? null : { start, oldEnd, newEnd, delta: newEnd - oldEnd },
    };
  }

  /**
   * Compose two successive changes (`a` from text 0 to text 1, then `b` from text 1 to text 2)
   * into one from text 0 to text 2: the span that covers both. Either may be null (no change).
   * For a caller that holds offsets into text 0 and missed an update (see reanchor()).
   */
  static composeChanges(a: TextChange | null, b: TextChange | null): TextChange | null {
    if (a === null) return b;
    if (b === null) return a;
    // In text 1, a's new span is [a.start, a.newEnd) and b's old span is [b.start, b.oldEnd).
    const start = Math.min(a.start, b.start);
    // End of the union in text 1, then mapped back to text 0 and forward to text 2.
    const end1 = Math.max(a.newEnd, b.oldEnd);
    const oldEnd = end1 === a.newEnd ? a.oldEnd : b.oldEnd - a.delta;
    const newEnd = end1 === b.oldEnd ? b.newEnd : a.newEnd + b.delta;
    return { start, oldEnd, newEnd, delta: newEnd - oldEnd };
  }
}
