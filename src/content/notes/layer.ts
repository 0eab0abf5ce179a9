/**
 * The reader's notes on the page the engine is on: loads this page's notes from storage, anchors
 * them in their own anchoring call (a note may share a place with a pack annotation; the two never
 * compete), paints them with their own highlight names (`gloss-note-highlight`,
 * `gloss-note-comment`), keeps them right while the page changes, and offers the toolbar and the
 * editor for making a new one. The engine owns it: `attach()` after each detection pass,
 * `destroy()` on teardown, which removes everything it added.
 *
 * A note whose words are no longer on the page is never dropped and never placed elsewhere: it
 * stays in storage and is listed with the engine's reason (`statuses()`).
 */
import {
  type AnchorResult,
  anchorAsync,
  type QuoteSelector,
  TextIndex,
  type TextIndexOptions,
  type UnanchoredReason,
} from '../../anchoring';
import { type HighlightCategory, NOTE_CATEGORIES } from '../../highlights/categories';
import type { NotesOnPage } from '../../messages/protocol';
import { parse, SiteAccessReplySchema } from '../../messages/protocol';
import { sendContentToBackground } from '../../messages/send';
import {
  createNote,
  type Note,
  notePosition,
  noteQuote,
  noteTags,
  noteText,
  pageKey,
  splitTags,
} from '../../notes/model';
import { onNotesChanged, readNotes, saveNote } from '../../notes/store';
import { t } from '../../platform/i18n';
import type { CardContent } from '../../presentation/describe';
import { createPainter, type Painter } from '../paint';
import { createNoteUi, type NoteUi } from './note-ui';
import { quoteOfRange } from './quote';

export interface NotesPage {
  /** The page's canonical URL (the article's, where Gloss recognised one). */
  url: string;
  title: string;
  articleId?: string;
}

export type NoteStatus =
  | { id: string; state: 'anchored' | 'edited' }
  | { id: string; state: 'orphan'; reason: UnanchoredReason };

const RELOAD_DEBOUNCE_MS = 150;
const SELECTION_DEBOUNCE_MS = 250;

/** A fresh urn:uuid; randomUUID needs a secure context, getRandomValues does not. */
function newNoteId(): string {
  const c = globalThis.crypto;
  if (typeof c.randomUUID === 'function') return `urn:uuid:${c.randomUUID()}`;
  const b = c.getRandomValues(new Uint8Array(16));
  b[6] = ((b[6] as number) & 0x0f) | 0x40;
  b[8] = ((b[8] as number) & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

const categoryOf = (note: Note): HighlightCategory =>
  note.motivation === 'commenting' ? 'note-comment' : 'note-highlight';

const isOwnNode = (node: Node) =>
  (node instanceof Element ? node : node.parentElement)?.closest(
    'gloss-card, gloss-note-ui, gloss-mark, style[data-gloss]',
  ) != null;

export class NotesLayer {
  private root: Element | null = null;
  private page: NotesPage | null = null;
  /** How the engine reads the page's text (e.g. skipping what the page hides): the same for notes. */
  private indexOptions: TextIndexOptions = {};
  private notes: Note[] = [];
  private results: AnchorResult[] = [];
  private index: TextIndex | null = null;
  private painter: Painter | null = null;
  private readonly ui: NoteUi;
  private observer: MutationObserver | null = null;
  private generation = 0;
  private reloadTimer: ReturnType<typeof setTimeout> | undefined;
  private selectionTimer: ReturnType<typeof setTimeout> | undefined;
  private cleanups: Array<() => void> = [];
  private visible: ReadonlySet<HighlightCategory> = new Set();
  /** A shortcut or menu request that came before the engine found the page's text. */
  private pending: { kind: 'highlight' | 'note' | 'toolbar'; range: Range } | null = null;

  constructor(private readonly doc: Document) {
    this.ui = createNoteUi(doc);
    this.cleanups.push(onNotesChanged(() => this.scheduleReload()));
    const onSelection = () => {
      clearTimeout(this.selectionTimer);
      this.selectionTimer = setTimeout(() => this.offerToolbar(), SELECTION_DEBOUNCE_MS);
    };
    doc.addEventListener('selectionchange', onSelection);
    this.cleanups.push(() => doc.removeEventListener('selectionchange', onSelection));
  }

  /**
   * The engine found (or re-found) the page's text: anchor this page's notes in `root`, reading
   * its text as the engine does (`indexOptions`), so a note never lands in text the page hides.
   */
  attach(root: Element, page: NotesPage, indexOptions: TextIndexOptions = {}) {
    if (root !== this.root || page.url !== this.page?.url) this.watchPage(false);
    this.root = root;
    this.page = page;
    this.indexOptions = indexOptions;
    this.scheduleReload(0);
    const pending = this.pending;
    this.pending = null;
    if (pending && root.contains(pending.range.commonAncestorContainer)) {
      const rects = pending.range.getClientRects();
      const rect = rects[rects.length - 1] ?? pending.range.getBoundingClientRect();
      this.act(pending.kind, { range: pending.range, rect });
    }
  }

  /** Which categories are shown (the reader's toggles); instant, no re-anchoring. */
  show(visible: ReadonlySet<HighlightCategory>) {
    this.visible = visible;
    this.painter?.show(visible);
  }

  hasNotes(): boolean {
    return this.results.some((r) => r.range);
  }

  /** Each note of this page: anchored, anchored where its words were edited, or not found (why). */
  statuses(): NoteStatus[] {
    return this.notes.map((note, i) => {
      const result = this.results[i];
      if (!result?.range)
        return { id: note.id, state: 'orphan', reason: result?.reason ?? 'not-found' };
      const found = this.index?.text.slice(result.start ?? 0, result.end ?? 0);
      return { id: note.id, state: found === noteQuote(note).exact ? 'anchored' : 'edited' };
    });
  }

  /**
   * What the side panel lists for this page: the page its notes belong to, and each note's state
   * in page order (placed notes by where they are, then the ones not found, oldest first).
   */
  report(): NotesOnPage {
    const statuses = this.statuses();
    const order = this.notes.map((note, i) => ({ i, start: this.results[i]?.start, note }));
    order.sort(
      (a, b) =>
        (a.start ?? Number.MAX_SAFE_INTEGER) - (b.start ?? Number.MAX_SAFE_INTEGER) ||
        a.note.created.localeCompare(b.note.created),
    );
    const page = this.page
      ? {
          url: this.page.url,
          title: this.page.title.slice(0, 1_000),
          ...(this.page.articleId ? { articleId: this.page.articleId } : {}),
        }
      : null;
    return { page, notes: order.map(({ i }) => statuses[i] as NoteStatus) };
  }

  /** Cards for the notes under a point, innermost first. */
  cardsAt(
    node: Node,
    offset: number,
    inRects: (range: Range) => boolean,
  ): { range: Range; content: CardContent }[] {
    const out: { range: Range; content: CardContent }[] = [];
    const statuses = this.statuses();
    this.notes.forEach((note, i) => {
      const range = this.results[i]?.range;
      if (!range || !this.visible.has(categoryOf(note))) return;
      try {
        if (!range.isPointInRange(node, offset) || !inRects(range)) return;
      } catch {
        return;
      }
      out.push({ range, content: this.card(note, statuses[i]?.state === 'edited') });
    });
    return out.sort((a, b) => a.range.toString().length - b.range.toString().length);
  }

  private card(note: Note, edited: boolean): CardContent {
    const text = noteText(note);
    const rows: Array<[string, string]> = [];
    const tags = noteTags(note);
    if (tags.length) rows.push([t('noteTagsRow'), tags.join(', ')]);
    rows.push([t('noteSavedRow'), new Date(note.modified).toLocaleString()]);
    if (edited) rows.push([t('noteStateRow'), t('noteEditedOnPage')]);
    return {
      category: categoryOf(note),
      eyebrow: t(text ? 'categoryMyNotes' : 'categoryMyHighlights'),
      title: text
        ? text.length > 400
          ? `${text.slice(0, 400)}…`
          : text
        : noteQuote(note).exact.slice(0, 200),
      rows,
    };
  }

  /** Scrolls to a note and returns its range (for the engine's flash), or null if not placed. */
  rangeOf(id: string): Range | null {
    const i = this.notes.findIndex((n) => n.id === id);
    return this.results[i]?.range ?? null;
  }

  private scheduleReload(ms = RELOAD_DEBOUNCE_MS) {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload().catch(() => {}), ms);
  }

  /** Reads this page's notes and anchors them, in slices; a newer pass supersedes this one. */
  private async reload() {
    const { root, page } = this;
    if (!root || !page) return;
    const generation = ++this.generation;
    const stored = await readNotes();
    if (generation !== this.generation) return;
    const here = pageKey(page.url);
    const notes = stored.notes.filter(
      (n) =>
        pageKey(n.target.source) === here || (page.articleId && n.articleId === page.articleId),
    );
    const selectors: QuoteSelector[] = notes.map((n) => {
      const quote = noteQuote(n);
      const position = notePosition(n);
      return {
        exact: quote.exact,
        prefix: quote.prefix,
        suffix: quote.suffix,
        ...(position ? { position: position.start } : {}),
      };
    });
    if (notes.length === 0) {
      // Most pages have no notes: no second index of the page, no second observer of it.
      Object.assign(this, { notes: [], results: [], index: null });
      this.watchPage(false);
      this.paint();
      return;
    }
    // Sliced by the anchoring engine's own driver, like the pack's annotations.
    const { index, results } = await anchorAsync(root, selectors, { index: this.indexOptions });
    if (generation !== this.generation) return;
    this.notes = notes;
    this.results = results;
    this.index = index;
    this.watchPage(true);
    this.paint();
  }

  /** While this page has notes, a change of its text re-anchors them. */
  private watchPage(on: boolean) {
    if (!on || !this.root) {
      this.observer?.disconnect();
      this.observer = null;
      return;
    }
    if (this.observer) return;
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => isOwnNode(r.target))) return;
      this.scheduleReload();
    });
    this.observer.observe(this.root, { childList: true, subtree: true, characterData: true });
  }

  private paint() {
    const groups = new Map<HighlightCategory, Range[]>();
    this.notes.forEach((note, i) => {
      const range = this.results[i]?.range;
      if (!range) return;
      const category = categoryOf(note);
      groups.set(category, [...(groups.get(category) ?? []), range]);
    });
    if (groups.size === 0 && !this.painter) return;
    // Its stylesheet styles the notes only: the engine's painter styles the pack's highlights in the
    // reading mode's look, and a second full sheet would restyle them.
    this.painter ??= createPainter(this.doc, NOTE_CATEGORIES);
    this.painter.paint(groups);
    this.painter.show(this.visible);
  }

  /** The selection, if it is inside the text Gloss reads here and not blank. */
  private selection(): { range: Range; rect: DOMRect } | null {
    const selection = this.doc.getSelection();
    if (!this.root || !selection || selection.isCollapsed || selection.rangeCount === 0)
      return null;
    const range = selection.getRangeAt(0);
    if (!this.root.contains(range.commonAncestorContainer)) return null;
    if (!range.toString().trim()) return null;
    const rects = range.getClientRects();
    const rect = rects[rects.length - 1] ?? range.getBoundingClientRect();
    return { range: range.cloneRange(), rect };
  }

  private offerToolbar() {
    if (this.ui.isOpen()) return;
    const selected = this.selection();
    if (!selected) return this.ui.hideToolbar();
    this.ui.showToolbar(selected.rect, {
      highlight: () => void this.make('highlight', selected),
      note: () => void this.make('note', selected),
    });
  }

  /** From the keyboard shortcut or the context menu: act on the current selection. */
  noteSelection(kind: 'highlight' | 'note' | 'toolbar'): boolean {
    const live = this.doc.getSelection();
    if (!this.root && live && !live.isCollapsed && live.rangeCount > 0) {
      // The engine is still reading the page (it was injected for this request): act once it has.
      this.pending = { kind, range: live.getRangeAt(0).cloneRange() };
      return true;
    }
    const selected = this.selection();
    if (!selected) {
      const rect = new DOMRect(16, 16, 0, 0);
      this.ui.notify(rect, t(this.root ? 'noteSelectFirst' : 'noteNotHere'));
      return false;
    }
    this.act(kind, selected);
    return true;
  }

  private act(kind: 'highlight' | 'note' | 'toolbar', selected: { range: Range; rect: DOMRect }) {
    if (kind === 'toolbar') {
      this.ui.showToolbar(
        selected.rect,
        {
          highlight: () => void this.make('highlight', selected),
          note: () => void this.make('note', selected),
        },
        true,
      );
      return;
    }
    void this.make(kind, selected);
  }

  private async make(kind: 'highlight' | 'note', selected: { range: Range; rect: DOMRect }) {
    const { root, page } = this;
    if (!root || !page) return;
    if (!this.index || this.index.root !== root)
      this.index = TextIndex.build(root, this.indexOptions);
    else this.index.update();
    const quoted = quoteOfRange(this.index, selected.range);
    if (!quoted) {
      this.ui.notify(selected.rect, t('noteNotInText'));
      return;
    }
    const draftOf = (text: string, tags: string) =>
      createNote(
        {
          url: page.url,
          title: page.title,
          ...(page.articleId ? { articleId: page.articleId } : {}),
          quote: quoted.quote,
          position: quoted.position,
          text,
          tags: splitTags(tags),
        },
        newNoteId(),
        new Date(),
      );
    const store = async (note: Note): Promise<string | null> => {
      try {
        await saveNote(note);
        this.doc.getSelection()?.removeAllRanges();
        this.scheduleReload(0);
        if (!page.articleId) void this.offerSite(note, selected.rect);
        return null;
      } catch (error) {
        return (error as Error).message;
      }
    };
    if (kind === 'highlight') {
      const error = await store(draftOf('', ''));
      this.ui.notify(selected.rect, error ?? t('noteHighlightSaved'));
      return;
    }
    this.ui.openEditor(selected.rect, {
      quote: quoted.quote.exact,
      text: '',
      tags: '',
      save: (text, tags) => store(draftOf(text, tags)),
      cancel: () => {},
    });
  }

  /**
   * The reader's first note on a site Gloss does not come back to by itself: offer to keep the
   * site (the background opens the page that asks; never up front, never again on this site's
   * later notes: the "My notes" tab keeps the offer).
   */
  private async offerSite(saved: Note, near: DOMRect) {
    const origin = new URL(saved.target.source).origin;
    const { notes } = await readNotes();
    if (notes.some((n) => n.id !== saved.id && new URL(n.target.source).origin === origin)) return;
    const answer = parse(
      SiteAccessReplySchema,
      await sendContentToBackground({ type: 'gloss/site-access', ask: false }).catch(() => null),
    );
    if (!answer || answer.kept) return;
    // After the editor's own closing, which returns the focus.
    setTimeout(() => {
      this.ui.offer(
        near,
        {
          text: t('siteOfferText', [new URL(saved.target.source).hostname]),
          action: t('siteOfferKeep'),
          later: t('siteOfferLater'),
          label: t('siteOfferLabel'),
        },
        () =>
          void sendContentToBackground({ type: 'gloss/site-access', ask: true }).catch(() => {}),
      );
    }, 0);
  }

  destroy() {
    this.generation++;
    clearTimeout(this.reloadTimer);
    clearTimeout(this.selectionTimer);
    this.observer?.disconnect();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.painter?.destroy();
    this.painter = null;
    this.ui.destroy();
    this.notes = [];
    this.results = [];
  }
}
