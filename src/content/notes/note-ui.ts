/**
 * The in-page UI for making a note: a small toolbar beside the selection (Highlight, Note) and a
 * note editor (text, tags, Save, Cancel). One host element outside <body> with a closed shadow
 * root, like the cards: page CSS cannot reach in, the page's text and layout are not touched, and
 * `destroy()` removes it. Every string is set as text, never as markup.
 *
 * Keyboard: the toolbar's buttons are real buttons (Tab reaches them from the shortcut's focus);
 * in the editor Ctrl/Cmd+Enter saves and Escape cancels; focus goes back to where it was.
 */
import { t } from '../../platform/i18n';

const UI_CSS = `
:host { all: initial; }
.box {
  box-sizing: border-box; font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  color: #1d1b22; background: #ffffff; border: 1px solid #c9c5d2; border-radius: 8px;
  box-shadow: 0 6px 24px rgb(0 0 0 / 0.2);
}
.toolbar { display: flex; gap: 2px; padding: 3px; }
button {
  font: inherit; color: inherit; background: transparent; border: 1px solid transparent;
  border-radius: 6px; padding: 4px 10px; cursor: pointer;
}
button:hover { background: #f1eef6; }
button:focus-visible, textarea:focus-visible, input:focus-visible {
  outline: 2px solid #5b3fd6; outline-offset: 1px;
}
button.primary { background: #5b3fd6; color: #fff; }
button.primary:hover { background: #4a31b8; }
.editor { width: min(340px, calc(100vw - 16px)); padding: 10px; display: grid; gap: 6px; }
.quote { margin: 0; padding-left: 8px; border-left: 3px solid rgb(255 196 0); color: #4b4656;
  max-height: 4.2em; overflow: hidden; font-style: italic; }
label { font-size: 12px; font-weight: 600; color: #4b4656; }
textarea, input {
  box-sizing: border-box; width: 100%; font: inherit; color: inherit; background: #fff;
  border: 1px solid #c9c5d2; border-radius: 6px; padding: 6px;
}
textarea { min-height: 80px; resize: vertical; }
.row { display: flex; gap: 6px; justify-content: flex-end; align-items: center; }
.message { font-size: 12px; color: #4b4656; }
.message.error { color: #b00020; }
[hidden] { display: none !important; }
@media (prefers-color-scheme: dark) {
  .box { color: #f1eff5; background: #24212b; border-color: #45404f; }
  button:hover { background: #35303f; }
  textarea, input { background: #1b1921; border-color: #45404f; }
  .quote, label, .message { color: #c3bdcf; }
  .message.error { color: #ff8a9a; }
  button:focus-visible, textarea:focus-visible, input:focus-visible { outline-color: #a996ff; }
}
`;

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  'z-index': '2147483647',
  display: 'block',
  margin: '0',
  padding: '0',
  border: '0',
  transform: 'none',
};

export interface EditorOptions {
  quote: string;
  text: string;
  tags: string;
  /** Saves; resolves to an error message to show (the editor stays open), or null when saved. */
  save(text: string, tags: string): Promise<string | null>;
  /** Called on every change, so a draft can be kept. */
  changed?(text: string, tags: string): void;
  cancel(): void;
}

export interface NoteUi {
  showToolbar(near: DOMRect, actions: { highlight(): void; note(): void }, focus?: boolean): void;
  hideToolbar(): void;
  openEditor(near: DOMRect, options: EditorOptions): void;
  /** A short message under the toolbar's place (e.g. a note saved, or why nothing happened). */
  notify(near: DOMRect, message: string): void;
  /** A question with one action (and "not now"), which stays until the reader answers. */
  offer(
    near: DOMRect,
    question: { text: string; action: string; later: string; label: string },
    act: () => void,
  ): void;
  isOpen(): boolean;
  destroy(): void;
}

export function createNoteUi(doc: Document): NoteUi {
  let host: HTMLElement | null = null;
  let shadow: ShadowRoot | null = null;
  let returnFocus: Element | null = null;
  let notifyTimer: ReturnType<typeof setTimeout> | undefined;
  let editorOpen = false;
  /** A question is showing: a selection going away does not take it with it. */
  let offering = false;

  const ensure = () => {
    if (host && shadow) return shadow;
    host = doc.createElement('gloss-note-ui');
    shadow = host.attachShadow({ mode: 'closed' });
    const style = doc.createElement('style');
    style.textContent = UI_CSS;
    shadow.append(style);
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    // Keep the page's selection: a press on our UI must not collapse it.
    shadow.addEventListener('mousedown', (e) => {
      const target = e.target as Element;
      if (!target.closest('textarea, input')) e.preventDefault();
    });
    doc.documentElement.append(host);
    return shadow;
  };

  /** Beside the selection: the toolbar above it (hover cards open below), the editor below. */
  const place = (near: DOMRect, above = false) => {
    if (!host) return;
    const view = doc.documentElement;
    host.style.setProperty('display', 'block', 'important');
    const box = host.getBoundingClientRect();
    const left = Math.max(8, Math.min(near.left, view.clientWidth - box.width - 8));
    const over = near.top - box.height - 8;
    let top = above && over > 0 ? over : near.bottom + 8;
    if (!above && top + box.height > view.clientHeight && over > 0) top = over;
    host.style.setProperty('left', `${left}px`, 'important');
    host.style.setProperty('top', `${Math.max(8, top)}px`, 'important');
  };

  const el = <K extends keyof HTMLElementTagNameMap>(
    tag: K,
    props: Partial<Record<string, string>> = {},
    text?: string,
  ) => {
    const node = doc.createElement(tag);
    for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
    if (text !== undefined) node.textContent = text;
    return node;
  };

  const render = (content: HTMLElement) => {
    const root = ensure();
    for (const child of [...root.children]) if (child.tagName !== 'STYLE') child.remove();
    root.append(content);
  };

  const close = () => {
    editorOpen = false;
    offering = false;
    clearTimeout(notifyTimer);
    if (host) host.style.setProperty('display', 'none', 'important');
    const focus = returnFocus as HTMLElement | null;
    returnFocus = null;
    if (focus?.isConnected && typeof focus.focus === 'function')
      focus.focus({ preventScroll: true });
  };

  return {
    showToolbar(near, actions, focus = false) {
      if (editorOpen) return;
      offering = false;
      // A message still showing gives way, and its timer must not close the toolbar.
      clearTimeout(notifyTimer);
      const bar = el('div', {
        class: 'box toolbar',
        role: 'toolbar',
        'aria-label': t('noteToolbarLabel'),
      });
      const highlight = el(
        'button',
        { type: 'button', 'data-action': 'highlight' },
        t('noteHighlight'),
      );
      const note = el('button', { type: 'button', 'data-action': 'note' }, t('noteAdd'));
      highlight.addEventListener('click', () => actions.highlight());
      note.addEventListener('click', () => actions.note());
      bar.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') close();
        if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
          (shadow?.activeElement === highlight ? note : highlight).focus();
          e.preventDefault();
        }
      });
      bar.append(highlight, note);
      render(bar);
      place(near, true);
      if (focus) {
        returnFocus = doc.activeElement;
        highlight.focus();
      }
    },
    hideToolbar() {
      if (!editorOpen && !offering) close();
    },
    openEditor(near, options) {
      clearTimeout(notifyTimer);
      returnFocus ??= doc.activeElement;
      editorOpen = true;
      const form = el('form', {
        class: 'box editor',
        role: 'dialog',
        'aria-label': t('noteEditorLabel'),
      });
      const quote = el('blockquote', { class: 'quote' }, options.quote);
      const textLabel = el('label', { for: 'gloss-note-text' }, t('noteTextLabel'));
      const text = el('textarea', { id: 'gloss-note-text', 'data-field': 'text' });
      text.value = options.text;
      const tagsLabel = el('label', { for: 'gloss-note-tags' }, t('noteTagsLabel'));
      const tags = el('input', {
        id: 'gloss-note-tags',
        'data-field': 'tags',
        autocomplete: 'off',
      });
      tags.value = options.tags;
      const message = el('div', { class: 'message', role: 'status', 'aria-live': 'polite' });
      const cancel = el('button', { type: 'button', 'data-action': 'cancel' }, t('noteCancel'));
      const save = el(
        'button',
        { type: 'submit', class: 'primary', 'data-action': 'save' },
        t('noteSave'),
      );
      const row = el('div', { class: 'row' });
      row.append(cancel, save);
      form.append(quote, textLabel, text, tagsLabel, tags, message, row);
      const changed = () => options.changed?.(text.value, tags.value);
      text.addEventListener('input', changed);
      tags.addEventListener('input', changed);
      const submit = async () => {
        save.disabled = true;
        message.className = 'message';
        message.textContent = t('noteSaving');
        const error = await options.save(text.value, tags.value);
        save.disabled = false;
        if (error) {
          // The editor stays open with everything the reader typed.
          message.className = 'message error';
          message.setAttribute('role', 'alert');
          message.textContent = error;
          return;
        }
        close();
      };
      form.addEventListener('submit', (e) => {
        e.preventDefault();
        void submit();
      });
      cancel.addEventListener('click', () => {
        options.cancel();
        close();
      });
      form.addEventListener('keydown', (e) => {
        e.stopPropagation(); // The page's own shortcuts must not fire while the reader types.
        if (e.key === 'Escape') {
          options.cancel();
          close();
        } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          void submit();
        }
      });
      render(form);
      place(near);
      text.focus();
    },
    notify(near, text) {
      if (editorOpen) return;
      render(el('div', { class: 'box editor message', role: 'status' }, text));
      place(near);
      clearTimeout(notifyTimer);
      notifyTimer = setTimeout(close, 4000);
    },
    offer(near, question, act) {
      if (editorOpen) return;
      clearTimeout(notifyTimer);
      const box = el('div', {
        class: 'box editor',
        role: 'dialog',
        'aria-label': question.label,
        'data-offer': 'site',
      });
      const text = el('p', { class: 'message' }, question.text);
      const later = el('button', { type: 'button', 'data-action': 'later' }, question.later);
      const yes = el(
        'button',
        { type: 'submit', class: 'primary', 'data-action': 'keep' },
        question.action,
      );
      const row = el('div', { class: 'row' });
      row.append(later, yes);
      box.append(text, row);
      yes.addEventListener('click', () => {
        act();
        close();
      });
      later.addEventListener('click', () => close());
      box.addEventListener('keydown', (e) => {
        e.stopPropagation();
        if (e.key === 'Escape') close();
      });
      render(box);
      place(near);
      offering = true;
      returnFocus ??= doc.activeElement;
      yes.focus({ preventScroll: true });
    },
    isOpen: () => editorOpen,
    destroy() {
      clearTimeout(notifyTimer);
      host?.remove();
      host = null;
      shadow = null;
      editorOpen = false;
    },
  };
}
