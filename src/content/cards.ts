/**
 * Hover and focus cards. One host element outside <body> with a closed shadow root, so page CSS
 * cannot reach in and the page's text and layout are not touched; created on first use, removed on
 * destroy. Content is set with textContent only: pack strings render as text, never as markup.
 */
import { CATEGORY_STYLES, type HighlightCategory } from '../highlights/categories';
import type { CardContent } from '../highlights/describe';

const CARD_CSS = `
:host { all: initial; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; z-index: 2147483647; }
.card {
  position: fixed; box-sizing: border-box; max-width: min(360px, calc(100vw - 16px));
  padding: 10px 12px; border-radius: 8px; pointer-events: none;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1b22; background: #ffffff; border: 1px solid #d6d3dd;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
}
.card + .card { margin-top: 6px; }
.eyebrow { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600;
  letter-spacing: 0.04em; text-transform: uppercase; color: #5d5868; }
.swatch { width: 10px; height: 10px; border-radius: 2px; flex: none; }
.title { margin: 2px 0 6px; font-size: 14px; font-weight: 650; }
dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 0; }
dt { color: #5d5868; }
dd { margin: 0; }
@media (prefers-color-scheme: dark) {
  .card { color: #f1eff5; background: #24212b; border-color: #45404f; }
  .eyebrow, dt { color: #b9b3c4; }
}
`;

export interface CardLayer {
  /** Shows cards for these contents next to `anchor` (a highlighted range). */
  show(anchor: Range, contents: readonly CardContent[]): void;
  hide(): void;
  destroy(): void;
}

export function createCardLayer(doc: Document): CardLayer {
  let host: HTMLElement | null = null;
  let stack: HTMLElement | null = null;

  const ensure = () => {
    if (stack) return stack;
    host = doc.createElement('gloss-card');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    const layer = doc.createElement('div');
    layer.className = 'layer';
    stack = doc.createElement('div');
    stack.setAttribute('role', 'tooltip');
    stack.setAttribute('aria-live', 'polite');
    layer.append(stack);
    shadow.append(style, layer);
    // Outside <body>: no page text, layout or body-level CSS sees it.
    doc.documentElement.append(host);
    return stack;
  };

  const render = (content: CardContent) => {
    const card = doc.createElement('div');
    card.className = 'card';
    const eyebrow = doc.createElement('div');
    eyebrow.className = 'eyebrow';
    const swatch = doc.createElement('span');
    swatch.className = 'swatch';
    swatch.style.background =
      CATEGORY_STYLES[content.category as HighlightCategory]?.swatch ?? 'currentColor';
    eyebrow.append(swatch, doc.createTextNode(content.eyebrow));
    const title = doc.createElement('div');
    title.className = 'title';
    title.textContent = content.title;
    const rows = doc.createElement('dl');
    for (const [label, value] of content.rows) {
      const dt = doc.createElement('dt');
      dt.textContent = label;
      const dd = doc.createElement('dd');
      dd.textContent = value;
      rows.append(dt, dd);
    }
    card.append(eyebrow, title, rows);
    return card;
  };

  return {
    show(anchor, contents) {
      const el = ensure();
      el.replaceChildren(...contents.map(render));
      const rect = anchor.getBoundingClientRect();
      const view = doc.documentElement;
      const below = rect.bottom + 8;
      el.style.position = 'fixed';
      el.style.left = `${Math.max(8, Math.min(rect.left, view.clientWidth - 368))}px`;
      el.style.top = `${below}px`;
      el.hidden = false;
      // Flip above the text when there is no room below.
      const height = el.getBoundingClientRect().height;
      if (below + height > view.clientHeight && rect.top - height - 8 > 0) {
        el.style.top = `${rect.top - height - 8}px`;
      }
    },
    hide() {
      if (stack) stack.hidden = true;
    },
    destroy() {
      host?.remove();
      host = null;
      stack = null;
    },
  };
}
