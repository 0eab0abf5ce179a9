/**
 * Hover and focus cards. One host element outside <body> with a closed shadow root, so page CSS
 * cannot reach in and the page's text and layout are not touched; created on first use, removed on
 * destroy. Content is set with textContent only: pack strings render as text, never as markup.
 */
import { CATEGORY_STYLES, type HighlightCategory } from '../highlights/categories';
import type { CardContent } from '../presentation/describe';

const CARD_CSS = `
:host { all: initial; }
.card {
  box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  padding: 10px 12px; border-radius: 8px; pointer-events: none;
  font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1b22; background: #ffffff; border: 1px solid #d6d3dd;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
}
.card + .card { margin-top: 6px; }
.eyebrow { display: flex; align-items: center; gap: 6px; font-size: 11px; font-weight: 600;
  letter-spacing: 0.04em; text-transform: uppercase; color: #5d5868; }
.swatch { width: 10px; height: 10px; border-radius: 2px; flex: none; }
.title { margin: 2px 0 6px; font-size: 14px; font-weight: 650; white-space: pre-line; }
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

/**
 * The host's own box is the card's box. Inline !important styles beat any page stylesheet
 * (`* { position: static !important }` included); pointer-events none keeps hover on the text.
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  'pointer-events': 'none',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  width: 'auto',
  height: 'auto',
  transform: 'none',
};

export function createCardLayer(doc: Document): CardLayer {
  let host: HTMLElement | null = null;
  let stack: HTMLElement | null = null;

  const place = (left: number, top: number, visible: boolean) => {
    if (!host) return;
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    host.style.setProperty('left', `${left}px`, 'important');
    host.style.setProperty('top', `${top}px`, 'important');
    if (!visible) host.style.setProperty('display', 'none', 'important');
  };

  const ensure = () => {
    if (stack) return stack;
    host = doc.createElement('gloss-card');
    const shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = CARD_CSS;
    stack = doc.createElement('div');
    stack.setAttribute('role', 'tooltip');
    stack.setAttribute('aria-live', 'polite');
    shadow.append(style, stack);
    place(0, 0, false);
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
      const rect = anchor.getClientRects()[0] ?? anchor.getBoundingClientRect();
      const view = doc.documentElement;
      const left = Math.max(8, Math.min(rect.left, view.clientWidth - 368));
      const below = rect.bottom + 8;
      place(left, below, true);
      // Flip above the text when there is no room below.
      const height = host?.getBoundingClientRect().height ?? 0;
      if (below + height > view.clientHeight && rect.top - height - 8 > 0) {
        place(left, rect.top - height - 8, true);
      }
    },
    hide() {
      if (host) host.style.setProperty('display', 'none', 'important');
    },
    destroy() {
      host?.remove();
      host = null;
      stack = null;
    },
  };
}
