/**
 * Painting: one CSS Custom Highlight per category, registered as `gloss-<category>`. The page's
 * DOM is not touched: highlights live in the document's highlight registry and the stylesheet in
 * `adoptedStyleSheets`. Every effect is undone exactly by `destroy()`.
 *
 * Where the Highlight API is missing, a fallback wraps each range in a <gloss-mark> element
 * (the one place Gloss changes a page's DOM), and unwraps it on destroy.
 */
import {
  categoryCss,
  FLASH_HIGHLIGHT,
  HIGHLIGHT_CATEGORIES,
  type HighlightCategory,
  type HighlightLook,
  highlightName,
  highlightPriority,
  highlightStylesheet,
} from '../highlights/categories';

export interface Painter {
  /** Replaces what is painted with these ranges, per category. */
  paint(groups: ReadonlyMap<HighlightCategory, readonly Range[]>): void;
  /**
   * Shows exactly the categories listed (instant: no re-anchoring). A category that is also a key
   * of `onlyAt` is painted only at those of its ranges (calm reading's claim under the pointer or
   * the caret; an empty list paints none of it).
   */
  show(
    visible: ReadonlySet<HighlightCategory>,
    onlyAt?: ReadonlyMap<HighlightCategory, readonly Range[]>,
  ): void;
  /**
   * Restyles what is painted (calm reading's lighter shading); instant, nothing re-registered. A
   * no-op when the look is the one already set (a new sheet restyles the whole page).
   */
  setLook(look: HighlightLook): void;
  /** Flashes one range for a moment (the reader asked to see it). */
  flash(range: Range, ms: number): void;
  destroy(): void;
  readonly kind: 'highlight-api' | 'wrap';
}

export function supportsHighlightApi(win: Window & typeof globalThis): boolean {
  return typeof win.Highlight === 'function' && typeof win.CSS?.highlights?.set === 'function';
}

/**
 * Removes what a previous Gloss instance left behind when it could not clean up itself (Firefox
 * discards a content script's code when the extension is reloaded, not what it painted).
 */
export function sweepStaleTraces(doc: Document): void {
  const win = doc.defaultView as Window & typeof globalThis;
  try {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((sheet) => {
      try {
        return !isGlossSheet(sheet);
      } catch {
        return true; // A sheet we may not read is not ours.
      }
    });
  } catch {
    // adoptedStyleSheets not writable here: nothing of ours can be in it either.
  }
  for (const el of doc.querySelectorAll('style[data-gloss], gloss-card, gloss-note-ui'))
    el.remove();
  if (supportsHighlightApi(win)) {
    // By name, without reading the registry: a dead instance's Highlight objects throw
    // "permission denied" when touched (Firefox), and the registry cannot be iterated from a
    // content script there anyway.
    for (const name of [...HIGHLIGHT_CATEGORIES.map(highlightName), FLASH_HIGHLIGHT]) {
      try {
        win.CSS.highlights.delete(name);
      } catch {
        // Nothing of ours under that name.
      }
    }
  }
}

/**
 * A stylesheet of Gloss's, known by its rules: only Gloss styles `::highlight(gloss-…)` and
 * `gloss-mark` elements. (Its text is the only mark it can carry: a sheet's comments are not in
 * its `cssRules`, and an adopted sheet has no owner node to tag.)
 */
function isGlossSheet(sheet: CSSStyleSheet): boolean {
  const rules = [...sheet.cssRules].map((r) => r.cssText).join('\n');
  return /::highlight\(gloss-|gloss-mark\[/.test(rules);
}

interface AddedSheet {
  /** Replaces the sheet's rules. */
  update(css: string): void;
  remove(): void;
}

/** Adds the stylesheet without adding a node to the page where the browser allows it. */
function addStylesheet(doc: Document, css: string): AddedSheet {
  try {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return {
      update: (next) => sheet.replaceSync(next),
      remove: () => {
        doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
      },
    };
  } catch {
    // Firefox's content-script sandbox may refuse a sheet from our compartment: use an element
    // outside <body>, which no page text or layout sees.
    const style = doc.createElement('style');
    style.dataset.gloss = 'highlights';
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return {
      update: (next) => {
        style.textContent = next;
      },
      remove: () => style.remove(),
    };
  }
}

const sameRanges = (a: readonly Range[], b: readonly Range[]) =>
  a.length === b.length && a.every((r, i) => r === b[i]);

function highlightApiPainter(doc: Document, categories: readonly HighlightCategory[]): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const sheet = addStylesheet(doc, highlightStylesheet('full', categories));
  /** Delete a registry entry only if it is still ours (a newer instance may own the name now). */
  const release = (name: string, ours: Highlight | undefined) => {
    if (ours && win.CSS.highlights.get(name) === ours) win.CSS.highlights.delete(name);
  };
  let flashing: Highlight | undefined;
  /** Every painted range, per category. */
  const highlights = new Map<HighlightCategory, Highlight>();
  /** Where only some ranges of a category are painted: those ranges, as their own Highlight. */
  const partial = new Map<HighlightCategory, { ranges: Range[]; highlight: Highlight }>();
  /** What this painter has in the registry now, per category. */
  const registered = new Map<HighlightCategory, Highlight>();
  let visible: ReadonlySet<HighlightCategory> = new Set(HIGHLIGHT_CATEGORIES);
  let onlyAt: ReadonlyMap<HighlightCategory, readonly Range[]> = new Map();
  let currentLook: HighlightLook = 'full';
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  /** The Highlight to register for a category: all its ranges, or only those in `onlyAt`. */
  const highlightOf = (category: HighlightCategory): Highlight | undefined => {
    const all = highlights.get(category);
    const only = onlyAt.get(category);
    if (!all || !only) return all;
    // Only ranges this painter paints: a stale range (from before a repaint) is dropped.
    const ranges = only.filter((range) => all.has(range));
    const cached = partial.get(category);
    if (cached && sameRanges(cached.ranges, ranges)) return cached.highlight;
    const highlight = new win.Highlight(...ranges);
    highlight.priority = highlightPriority(category);
    partial.set(category, { ranges, highlight });
    return highlight;
  };

  /** Brings the registry to what should be painted, touching only the names that change. */
  const register = () => {
    for (const category of HIGHLIGHT_CATEGORIES) {
      const name = highlightName(category);
      const want = visible.has(category) ? highlightOf(category) : undefined;
      const now = registered.get(category);
      if (want && want.size > 0) {
        if (want === now) continue;
        win.CSS.highlights.set(name, want);
        registered.set(category, want);
      } else if (now) {
        release(name, now);
        registered.delete(category);
      }
    }
  };

  return {
    kind: 'highlight-api',
    paint(groups) {
      highlights.clear();
      partial.clear();
      for (const [category, ranges] of groups) {
        const highlight = new win.Highlight(...ranges);
        // Claims underline and entities shade: let entity backgrounds sit under claim lines.
        highlight.priority = highlightPriority(category);
        highlights.set(category, highlight);
      }
      register();
    },
    show(next, only = new Map()) {
      visible = next;
      onlyAt = only;
      register();
    },
    setLook(look) {
      if (look === currentLook) return;
      currentLook = look;
      sheet.update(highlightStylesheet(look, categories));
    },
    flash(range, ms) {
      clearTimeout(flashTimer);
      const highlight = new win.Highlight(range);
      highlight.priority = 3;
      flashing = highlight;
      win.CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
      flashTimer = setTimeout(() => release(FLASH_HIGHLIGHT, highlight), ms);
    },
    destroy() {
      clearTimeout(flashTimer);
      release(FLASH_HIGHLIGHT, flashing);
      for (const [category, highlight] of registered) release(highlightName(category), highlight);
      registered.clear();
      highlights.clear();
      partial.clear();
      sheet.remove();
    },
  };
}

const MARK = 'gloss-mark';
const UNRENDERED = 'script, style, noscript, template, [hidden]';

/** Fallback: wrap each range's text nodes in <gloss-mark data-category>. */
function wrappingPainter(doc: Document, categories: readonly HighlightCategory[]): Painter {
  const stylesheet = (look: HighlightLook) =>
    categories
      .map(
        (c) => `${MARK}[data-category="${c}"] { ${categoryCss(c, look)} }
${MARK}[data-category="${c}"][data-hidden] { all: unset; }`,
      )
      .join('\n');
  const sheet = addStylesheet(doc, stylesheet('full'));
  let marks: HTMLElement[] = [];
  /** The range each mark was made for (calm reading shows some ranges of a category only). */
  const rangeOfMark = new WeakMap<HTMLElement, Range>();
  let visible: ReadonlySet<HighlightCategory> = new Set(HIGHLIGHT_CATEGORIES);
  let onlyAt: ReadonlyMap<HighlightCategory, readonly Range[]> = new Map();
  let currentLook: HighlightLook = 'full';
  const isHidden = (mark: HTMLElement) => {
    const category = mark.dataset.category as HighlightCategory;
    const only = onlyAt.get(category);
    const range = rangeOfMark.get(mark);
    return !visible.has(category) || (only !== undefined && (!range || !only.includes(range)));
  };

  const unwrapAll = () => {
    for (const mark of marks) {
      const parent = mark.parentNode;
      if (!parent) continue;
      while (mark.firstChild) parent.insertBefore(mark.firstChild, mark);
      mark.remove();
    }
    marks = [];
  };

  const wrapRange = (range: Range, category: HighlightCategory) => {
    const texts: Text[] = [];
    const walker = doc.createTreeWalker(range.commonAncestorContainer, NodeFilter.SHOW_TEXT);
    if (range.commonAncestorContainer.nodeType === Node.TEXT_NODE)
      texts.push(range.commonAncestorContainer as Text);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      // Text no reader sees is not wrapped: a <style> or <script> reads only its own Text.
      if (n.parentElement?.closest(UNRENDERED)) continue;
      if (range.intersectsNode(n)) texts.push(n as Text);
    }
    for (let text of texts) {
      const start = text === range.startContainer ? range.startOffset : 0;
      const end = text === range.endContainer ? range.endOffset : text.length;
      if (end <= start) continue;
      if (start > 0) text = text.splitText(start);
      if (end - start < text.length) text.splitText(end - start);
      const mark = doc.createElement(MARK);
      mark.dataset.category = category;
      rangeOfMark.set(mark, range);
      if (isHidden(mark)) mark.dataset.hidden = '';
      text.parentNode?.insertBefore(mark, text);
      mark.append(text);
      marks.push(mark);
    }
  };

  return {
    kind: 'wrap',
    paint(groups) {
      unwrapAll();
      for (const [category, ranges] of groups) for (const r of ranges) wrapRange(r, category);
    },
    flash() {
      // The fallback has no transient paint; scrolling into view has to do.
    },
    show(next, only = new Map()) {
      visible = next;
      onlyAt = only;
      for (const mark of marks) mark.toggleAttribute('data-hidden', isHidden(mark));
    },
    setLook(look) {
      if (look === currentLook) return;
      currentLook = look;
      sheet.update(stylesheet(look));
    },
    destroy() {
      unwrapAll();
      sheet.remove();
    },
  };
}

/** A painter for highlights of `categories` (its stylesheet styles those and the flash only). */
export function createPainter(
  doc: Document,
  categories: readonly HighlightCategory[] = HIGHLIGHT_CATEGORIES,
): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  return supportsHighlightApi(win)
    ? highlightApiPainter(doc, categories)
    : wrappingPainter(doc, categories);
}
