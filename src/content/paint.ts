/**
 * Painting: one CSS Custom Highlight per category, registered as `gloss-<category>`. The page's
 * DOM is not touched: highlights live in the document's highlight registry and the stylesheet in
 * `adoptedStyleSheets`. Every effect is undone exactly by `destroy()`.
 *
 * Where the Highlight API is missing, a fallback wraps each range in a <gloss-mark> element
 * (the one place Gloss changes a page's DOM), and unwraps it on destroy.
 */
import {
  CATEGORY_STYLES,
  FLASH_HIGHLIGHT,
  HIGHLIGHT_CATEGORIES,
  type HighlightCategory,
  highlightName,
  highlightPriority,
  highlightStylesheet,
} from '../highlights/categories';

export interface Painter {
  /** Replaces what is painted with these ranges, per category. */
  paint(groups: ReadonlyMap<HighlightCategory, readonly Range[]>): void;
  /** Shows exactly the categories listed (instant: no re-anchoring). */
  show(visible: ReadonlySet<HighlightCategory>): void;
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

/** Adds the stylesheet without adding a node to the page where the browser allows it. */
function addStylesheet(doc: Document, css: string): () => void {
  try {
    const sheet = new (doc.defaultView as Window & typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(css);
    doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
    return () => {
      doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  } catch {
    // Firefox's content-script sandbox may refuse a sheet from our compartment: use an element
    // outside <body>, which no page text or layout sees.
    const style = doc.createElement('style');
    style.dataset.gloss = 'highlights';
    style.textContent = css;
    (doc.head ?? doc.documentElement).append(style);
    return () => style.remove();
  }
}

function highlightApiPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  const removeSheet = addStylesheet(doc, highlightStylesheet());
  /** Delete a registry entry only if it is still ours (a newer instance may own the name now). */
  const release = (name: string, ours: Highlight | undefined) => {
    if (ours && win.CSS.highlights.get(name) === ours) win.CSS.highlights.delete(name);
  };
  let flashing: Highlight | undefined;
  const highlights = new Map<HighlightCategory, Highlight>();
  let visible: ReadonlySet<HighlightCategory> = new Set(HIGHLIGHT_CATEGORIES);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const register = () => {
    for (const category of HIGHLIGHT_CATEGORIES) {
      const name = highlightName(category);
      const highlight = highlights.get(category);
      if (highlight && highlight.size > 0 && visible.has(category))
        win.CSS.highlights.set(name, highlight);
      else release(name, highlight);
    }
  };

  return {
    kind: 'highlight-api',
    paint(groups) {
      for (const category of HIGHLIGHT_CATEGORIES) {
        if (!groups.has(category)) release(highlightName(category), highlights.get(category));
      }
      highlights.clear();
      for (const [category, ranges] of groups) {
        const highlight = new win.Highlight(...ranges);
        // Claims underline and entities shade: let entity backgrounds sit under claim lines.
        highlight.priority = highlightPriority(category);
        highlights.set(category, highlight);
      }
      register();
    },
    show(next) {
      visible = next;
      register();
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
      for (const category of HIGHLIGHT_CATEGORIES)
        release(highlightName(category), highlights.get(category));
      highlights.clear();
      removeSheet();
    },
  };
}

const MARK = 'gloss-mark';
const UNRENDERED = 'script, style, noscript, template, [hidden]';

/** Fallback: wrap each range's text nodes in <gloss-mark data-category>. */
function wrappingPainter(doc: Document): Painter {
  const removeSheet = addStylesheet(
    doc,
    HIGHLIGHT_CATEGORIES.map(
      (c) => `${MARK}[data-category="${c}"] { ${CATEGORY_STYLES[c].css} }
${MARK}[data-category="${c}"][data-hidden] { all: unset; }`,
    ).join('\n'),
  );
  let marks: HTMLElement[] = [];
  let visible: ReadonlySet<HighlightCategory> = new Set(HIGHLIGHT_CATEGORIES);

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
      if (!visible.has(category)) mark.dataset.hidden = '';
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
    show(next) {
      visible = next;
      for (const mark of marks) {
        mark.toggleAttribute(
          'data-hidden',
          !visible.has(mark.dataset.category as HighlightCategory),
        );
      }
    },
    destroy() {
      unwrapAll();
      removeSheet();
    },
  };
}

export function createPainter(doc: Document): Painter {
  const win = doc.defaultView as Window & typeof globalThis;
  return supportsHighlightApi(win) ? highlightApiPainter(doc) : wrappingPainter(doc);
}
