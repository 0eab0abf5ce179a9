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
  const highlights = new Map<HighlightCategory, Highlight>();
  let visible: ReadonlySet<HighlightCategory> = new Set(HIGHLIGHT_CATEGORIES);
  let flashTimer: ReturnType<typeof setTimeout> | undefined;

  const register = () => {
    for (const category of HIGHLIGHT_CATEGORIES) {
      const name = highlightName(category);
      const highlight = highlights.get(category);
      if (highlight && highlight.size > 0 && visible.has(category))
        win.CSS.highlights.set(name, highlight);
      else win.CSS.highlights.delete(name);
    }
  };

  return {
    kind: 'highlight-api',
    paint(groups) {
      highlights.clear();
      for (const [category, ranges] of groups) {
        const highlight = new win.Highlight(...ranges);
        // Claims underline and entities shade: let entity backgrounds sit under claim lines.
        highlight.priority = category.startsWith('claim-') ? 1 : 0;
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
      highlight.priority = 2;
      win.CSS.highlights.set(FLASH_HIGHLIGHT, highlight);
      flashTimer = setTimeout(() => win.CSS.highlights.delete(FLASH_HIGHLIGHT), ms);
    },
    destroy() {
      clearTimeout(flashTimer);
      win.CSS.highlights.delete(FLASH_HIGHLIGHT);
      for (const category of HIGHLIGHT_CATEGORIES)
        win.CSS.highlights.delete(highlightName(category));
      highlights.clear();
      removeSheet();
    },
  };
}

const MARK = 'gloss-mark';

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
