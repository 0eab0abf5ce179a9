/**
 * Hover and focus cards. One host element outside <body> with a closed shadow root, so page CSS
 * cannot reach in and the page's text and layout are not touched; created on first use, removed on
 * destroy. Content is set with textContent only: pack strings render as text, never as markup.
 *
 * A card that lists a claim's source carries links (its citations): then the card takes the
 * pointer, and stays while the pointer travels from the text to it (`hideSoon`) and rests on it.
 * Links open in a new tab with `noopener noreferrer`, so the page learns nothing of them.
 */
import { CATEGORY_STYLES, type HighlightCategory } from '../highlights/categories';
import type { CardContent, CardSource } from '../presentation/describe';

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
.card.interactive { pointer-events: auto; }
.source { margin-top: 8px; padding-top: 6px; border-top: 1px solid #d6d3dd; }
.source-head { font-size: 12px; }
.source-label { font-size: 11px; font-weight: 700; letter-spacing: 0.04em;
  text-transform: uppercase; color: #5d5868; margin-right: 4px; }
.where, .caption, .more { font-size: 12px; color: #5d5868; margin: 2px 0; }
blockquote { margin: 4px 0 2px; padding: 2px 0 2px 8px; border-left: 3px solid #5b3cc4;
  max-height: 9.5em; overflow: auto; }
mark { background: #ffe58a; color: #1d1b22; border-radius: 2px; outline: 1px solid #c9a400; }
ul { list-style: none; margin: 4px 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: 2px 10px; }
a { color: #5b3cc4; font-weight: 600; }
a:focus-visible { outline: 2px solid #5b3cc4; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { color: #f1eff5; background: #24212b; border-color: #45404f; }
  .eyebrow, dt, .source-label, .where, .caption, .more { color: #b9b3c4; }
  .source { border-top-color: #45404f; }
  blockquote { border-left-color: #b9a8ff; }
  mark { background: #5c4a00; color: #fff6cc; outline-color: #b89500; }
  a { color: #c9bbff; }
  a:focus-visible { outline-color: #c9bbff; }
}
`;

export interface CardLayer {
  /** Shows cards for these contents next to `anchor` (a highlighted range). */
  show(anchor: Range, contents: readonly CardContent[]): void;
  hide(): void;
  /** Hides a card with links after a moment, unless the pointer reaches it; others at once. */
  hideSoon(): void;
  /** Is this event target the card (its host: the shadow root is closed)? */
  holds(target: EventTarget | null): boolean;
  destroy(): void;
}

/** Time for the pointer to cross from the text to a card with links. */
const HIDE_DELAY_MS = 350;

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
  let interactive = false;
  let pointerOn = false;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const place = (left: number, top: number, visible: boolean) => {
    if (!host) return;
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    if (interactive) host.style.setProperty('pointer-events', 'auto', 'important');
    host.style.setProperty('left', `${left}px`, 'important');
    host.style.setProperty('top', `${top}px`, 'important');
    if (!visible) host.style.setProperty('display', 'none', 'important');
  };

  const hideNow = () => {
    clearTimeout(hideTimer);
    hideTimer = undefined;
    pointerOn = false;
    if (host) host.style.setProperty('display', 'none', 'important');
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
    host.addEventListener('pointerenter', () => {
      pointerOn = true;
      clearTimeout(hideTimer);
      hideTimer = undefined;
    });
    host.addEventListener('pointerleave', () => {
      pointerOn = false;
      layer.hideSoon();
    });
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
    if (content.source) {
      card.append(renderSource(content.source));
      if (content.source.links.length > 0) card.classList.add('interactive');
    }
    return card;
  };

  const renderSource = (source: CardSource) => {
    const el = doc.createElement('div');
    el.className = 'source';
    const head = doc.createElement('div');
    head.className = 'source-head';
    const label = doc.createElement('span');
    label.className = 'source-label';
    label.textContent = source.label;
    head.append(label, doc.createTextNode(source.summary));
    const where = doc.createElement('p');
    where.className = 'where';
    where.textContent = source.where;
    el.append(head, where);
    if (source.parts) {
      const quote = doc.createElement('blockquote');
      for (const part of source.parts) {
        const piece = doc.createElement(part.marked ? 'mark' : 'span');
        piece.textContent = part.text;
        quote.append(piece);
      }
      el.append(quote);
    }
    const caption = doc.createElement('p');
    caption.className = 'caption';
    caption.textContent = source.caption;
    el.append(caption);
    const links = source.links.filter((l) => l.url.startsWith('https://'));
    if (links.length > 0) {
      const list = doc.createElement('ul');
      for (const link of links) {
        const a = doc.createElement('a');
        a.href = link.url;
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
        a.textContent = link.text;
        a.setAttribute('aria-label', link.label);
        const item = doc.createElement('li');
        item.append(a);
        list.append(item);
      }
      el.append(list);
    }
    if (source.more) {
      const more = doc.createElement('p');
      more.className = 'more';
      more.textContent = source.more;
      el.append(more);
    }
    return el;
  };

  const layer: CardLayer = {
    show(anchor, contents) {
      const el = ensure();
      clearTimeout(hideTimer);
      hideTimer = undefined;
      interactive = contents.some((c) => (c.source?.links.length ?? 0) > 0);
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
    hide: hideNow,
    hideSoon() {
      if (!host || pointerOn) return;
      if (!interactive) return hideNow();
      if (hideTimer === undefined) hideTimer = setTimeout(hideNow, HIDE_DELAY_MS);
    },
    holds(target) {
      return host !== null && target === host;
    },
    destroy() {
      clearTimeout(hideTimer);
      host?.remove();
      host = null;
      stack = null;
    },
  };
  return layer;
}
