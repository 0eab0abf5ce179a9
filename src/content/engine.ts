/**
 * The content engine, injected by the background into a page the gate picked (or that the reader
 * asked Gloss to check). It runs the flow detect → anchor → paint → report, then keeps the
 * highlights right while the page changes, follows the reader's toggles, and shows cards.
 * Everything it adds to the page is removed by `destroy()`.
 */
import {
  type AnchorResult,
  anchorAsync,
  type QuoteSelector,
  reanchorSteps,
  Slices,
  type TextChange,
  TextIndex,
  type TextIndexOptions,
} from '../anchoring';
import type { Pack } from '../annotations/model';
import { canonicalText } from '../annotations/text';
import { PACK_GLOBAL } from '../detection/catalogue-build';
import type { RecognisedBy } from '../detection/detect';
import { type Judgement, placeableParagraphs } from '../detection/judge';
import { packText } from '../detection/pack-text';
import { type ArticleFingerprint, fingerprintArticle } from '../detection/paragraphs';
import type { HighlightCategory } from '../highlights/categories';
import { conflictingResults } from '../highlights/conflicts';
import {
  type EntityName,
  entityNames,
  findExtraMentions,
  type TextBlock,
} from '../highlights/extra-mentions';
import { type Presentation, presentationOf } from '../highlights/modes';
import { type OrphanReason, orphanReason } from '../highlights/orphans';
import { type PlannedHighlight, planHighlights, selectorOf } from '../highlights/plan';
import {
  ENGINE_CANDIDATE_KEY,
  ENGINE_PORT,
  type EngineCandidate,
  EngineCandidateSchema,
  type PageState,
  parse,
  UiToContentSchema,
} from '../messages/protocol';
import { sendContentToBackground } from '../messages/send';
import { browser } from '../platform/browser';
import { t } from '../platform/i18n';
import {
  DEFAULT_SETTINGS,
  onSettingsChanged,
  readSettings,
  type Settings,
} from '../platform/settings';
import { type CardContent, describeHighlight } from '../presentation/describe';
import { isShown, readPageSteps, recogniseReading } from './article-root';
import { type CardLayer, createCardLayer } from './cards';
import { NotesLayer, type NotesPage } from './notes/layer';
import { createPainter, type Painter, sweepStaleTraces } from './paint';
import { ReaderFocus, type ReaderPlace } from './reader-focus';
import { mark } from './timing';

const ENGINE_KEY = Symbol.for('gloss.engine');

/** False once the extension that injected this script is gone (reloaded, updated, removed). */
function extensionAlive(): boolean {
  try {
    return Boolean(browser.runtime?.id);
  } catch {
    return false;
  }
}
type EngineWindow = typeof globalThis & {
  [ENGINE_KEY]?: {
    recheck(): void;
    alive(): boolean;
    destroy(): void;
    /** The reader's shortcut or context menu: highlight or note the selection. */
    noteSelection?(kind: 'highlight' | 'note' | 'toolbar'): boolean;
  };
};

/** Re-anchor this long after the page stops changing: late content and re-renders come in bursts. */
const MUTATION_DEBOUNCE_MS = 100;
const FLASH_MS = 1600;
/** The region's children and grandchildren watched for being shown or hidden ("Read more", a second copy). */
const MAX_WATCHED_ELEMENTS = 200;

interface Found {
  pack: Pack;
  /** The article's region (article-root.ts): anchoring and highlights stay inside it. */
  root: Element;
  /** Part of the article's text on the page is hidden: anchoring must skip hidden elements. */
  hidesText: boolean;
  judgement: Judgement;
  recognisedBy: RecognisedBy;
}

/** A pack's paragraph fingerprints: computed once, reused by every later detection pass. */
const fingerprints = new WeakMap<Pack, ArticleFingerprint>();
function fingerprintOf(pack: Pack): ArticleFingerprint {
  let fingerprint = fingerprints.get(pack);
  if (!fingerprint) {
    fingerprint = fingerprintArticle(pack.article.text.paragraphs);
    fingerprints.set(pack, fingerprint);
  }
  return fingerprint;
}

/** The names each pack writes for its entities, computed once per pack. */
const packNames = new WeakMap<Pack, EntityName[]>();
function namesOf(pack: Pack): EntityName[] {
  let names = packNames.get(pack);
  if (!names) {
    names = entityNames(pack);
    packNames.set(pack, names);
  }
  return names;
}

/** The candidate the background handed this engine, with its pack (background/main.ts). */
interface Handed {
  candidate: EngineCandidate;
  pack: Pack;
}

/**
 * Take what the background put in this world just before injecting the engine: the candidate
 * (ENGINE_CANDIDATE_KEY: which article, how it was found, for which URL, whether the reader
 * asked) and its pack (PACK_GLOBAL, from packs/<id>.js, validated by the build and not checked
 * again). Taken once per injection: a later automatic look is not a request. `null` for the
 * candidate: the reader asked and no known article is here (the engine serves their notes).
 */
function takeHanded(): Handed | null | undefined {
  const w = globalThis as Record<string, unknown>;
  if (w[ENGINE_CANDIDATE_KEY] === null) {
    delete w[ENGINE_CANDIDATE_KEY];
    return null;
  }
  const candidate = parse(EngineCandidateSchema, w[ENGINE_CANDIDATE_KEY]);
  const pack = w[PACK_GLOBAL] as Pack | undefined;
  delete w[ENGINE_CANDIDATE_KEY];
  delete w[PACK_GLOBAL];
  if (!candidate || pack?.article?.id !== candidate.articleId) return undefined;
  return { candidate, pack };
}

/**
 * Where the candidate article is on this page; 'loading' if the page's address names it but
 * lacks its text. The page's text decides (detection/judge.ts); an address or metadata match only
 * lets a headline-and-standfirst teaser count at the article's own address, and vouches for the
 * URL it was made on only (a single-page app may move on). `requested`: the reader asked Gloss
 * to check this page, which is evidence too.
 */
async function detect(handed: Handed | null): Promise<Found | 'loading' | null> {
  if (!handed) return null;
  const { candidate, pack } = handed;
  const named =
    (candidate.recognisedBy === 'url' || candidate.recognisedBy === 'metadata') &&
    candidate.url === location.href;
  if (!document.body) return null;
  // Read in slices (a page of 100 000 paragraphs must not freeze); a newer pass checks again.
  const slices = new Slices();
  const steps = readPageSteps(document.body, fingerprintOf(pack), slices.shouldYield);
  const reading = (await slices.run(steps))?.value;
  if (reading) {
    const copy = recogniseReading(reading, { named, requested: candidate.requested });
    if (copy) {
      const { judgement, region, hidesText } = copy;
      return { pack, judgement, root: region, hidesText, recognisedBy: candidate.recognisedBy };
    }
  }
  return named ? 'loading' : null;
}

/** Caret position under the pointer, in either browser's API. */
function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const doc = document as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  };
  if (doc.caretPositionFromPoint) {
    const pos = doc.caretPositionFromPoint(x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  const range = document.caretRangeFromPoint?.(x, y);
  return range ? { node: range.startContainer, offset: range.startOffset } : null;
}

const rectsContain = (range: Range, x: number, y: number) =>
  [...range.getClientRects()].some(
    (r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom,
  );

class Engine {
  /** Null when the reader asked and no known article is on the page: notes only. */
  private handed: Handed | null;
  private settings: Settings = { ...DEFAULT_SETTINGS, hiddenCategories: [] };
  /** The settings as what to paint: the toggles, then the reading mode (highlights/modes.ts). */
  private presentation: Presentation = presentationOf(this.settings);
  /** Calm reading: the annotations under the pointer and at the caret (reader-focus.ts). */
  private readonly focus = new ReaderFocus();
  private painter: Painter | null = null;
  private cards: CardLayer | null = null;
  private found: Found | null = null;
  private planned: PlannedHighlight[] = [];
  /** Annotations of paragraphs this copy does not reach (a cut, a dropped standfirst): not looked for. */
  private unplaced: PlannedHighlight[] = [];
  /** Watches the region's layout: "Read more" expanding it, a responsive switch hiding it. */
  private layout: ResizeObserver | null = null;
  private selectors: QuoteSelector[] = [];
  /** Length of the pack's canonical text, which selector positions refer to. */
  private sourceLength = 0;
  private index: TextIndex | null = null;
  private results: AnchorResult[] = [];
  /** Anchored highlights by mention or claim id. */
  private anchored = new Map<string, { planned: PlannedHighlight; range: Range }>();
  /** Names of the pack's entities in text the pack lacks (see extraMentions). */
  private extras: Array<{ planned: PlannedHighlight; range: Range }> = [];
  private revealCursor = new Map<string, number>();
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private generation = 0;
  /** The refresh pass in progress, and whether the page changed again while it ran. */
  private refreshing: Promise<void> | null = null;
  private refreshAgain = false;
  /**
   * A change the index has taken in but `results` (offsets into the index's text) have not: set
   * between a refresh pass's update and its re-anchoring, and left over if that pass is dropped.
   */
  private unapplied: TextChange | null = null;
  private cleanups: Array<() => void> = [];
  private destroyed = false;
  /** The reader's own notes: anchored in their own call, painted under their own names. */
  readonly notes = new NotesLayer(document);

  constructor(handed: Handed | null) {
    this.handed = handed;
  }

  /** Injected again, with a new candidate (a request, an SPA's new page): look again. */
  recheck(handed: Handed | null | undefined) {
    if (handed !== undefined) this.handed = handed;
    return this.run();
  }

  /**
   * A port to the background whose disconnection tells us the extension was reloaded, updated
   * or removed while the page stayed open: then remove every trace. (A background that merely
   * went to sleep also drops the port; then the extension is still there and we reconnect.)
   */
  private watchExtension() {
    if (this.destroyed) return;
    try {
      const port = browser.runtime.connect({ name: ENGINE_PORT });
      port.onDisconnect.addListener(() => {
        setTimeout(() => (extensionAlive() ? this.watchExtension() : this.destroy()), 50);
      });
    } catch {
      this.destroy();
    }
  }

  async start() {
    this.watchExtension();
    this.settings = await readSettings();
    this.cleanups.push(
      onSettingsChanged((s) => {
        this.settings = s;
        this.applyVisibility();
      }),
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
    this.listen(document, 'pointermove', (e) => this.onPointer(e as PointerEvent), {
      passive: true,
    });
    this.listen(document, 'selectionchange', () => this.onSelection());
    // The pointer left the page: calm reading's claim under it is no longer where the reader is.
    this.listen(
      document,
      'pointerout',
      (e) => (e as PointerEvent).relatedTarget === null && this.follow('pointer', []),
      { passive: true },
    );
    this.listen(document, 'keydown', (e) => {
      if ((e as KeyboardEvent).key === 'Escape') this.cards?.hide();
    });
    await this.run();
  }

  private listen(
    target: EventTarget,
    type: string,
    fn: EventListener,
    opts?: AddEventListenerOptions,
  ) {
    target.addEventListener(type, fn, opts);
    this.cleanups.push(() => target.removeEventListener(type, fn, opts));
  }

  /** Full pass: detect, anchor (in slices under 50 ms), paint, report. */
  async run() {
    const generation = ++this.generation;
    mark('detect-start');
    const found = await detect(this.handed);
    if (generation !== this.generation) return; // A newer pass started meanwhile.
    if (found !== null && found !== 'loading') mark('detect-end');
    if (found === null || found === 'loading') {
      this.found = null;
      this.index = null;
      this.unapplied = null;
      this.setAnchored([]);
      const articleId = this.handed?.candidate.articleId ?? '';
      this.report(found === 'loading' ? { status: 'loading', articleId } : { status: 'none' });
      // Not a known article: the reader asked Gloss here, so their notes use the whole page
      // (shown as the reader's toggles say: with no pack highlight, nothing else applied them).
      if (found === null && document.body) {
        this.applyVisibility();
        this.notes.attach(document.body, pageOfDocument());
      }
      return;
    }
    const paragraphIds = found.pack.article.text.paragraphs.map((p) => p.id);
    const placeable = placeableParagraphs(paragraphIds, found.judgement);
    const all = planHighlights(found.pack);
    const planned = all.filter((p) => placeable.has(paragraphIds[p.paragraph] ?? ''));
    const unplaced = all.filter((p) => !placeable.has(paragraphIds[p.paragraph] ?? ''));
    const selectors = planned.map(selectorOf);
    const sourceLength = canonicalText(found.pack.article).length;
    // Text the page hides (a second copy of the body, a collapsed part) is no place for a highlight.
    const readable: TextIndexOptions = found.hidesText ? { skip: (el) => !isShown(el) } : {};
    const { index, results } = await anchorAsync(found.root, selectors, {
      sourceLength,
      index: readable,
    });
    if (generation !== this.generation) return; // A newer pass started meanwhile.
    mark('anchor-end');
    this.watchLayout(found.root);
    Object.assign(this, {
      found,
      planned,
      unplaced,
      selectors,
      sourceLength,
      index,
      results,
      unapplied: null,
    });
    this.commit();
    if (this.anchored.size > 0) mark('painted');
    const { article } = found.pack;
    this.notes.attach(
      found.root,
      { url: article.canonicalUrl, title: article.headline, articleId: article.id },
      readable,
    );
  }

  /**
   * After a change inside the article: re-read only what changed and re-anchor what it touched,
   * in slices (a page of 100 000 paragraphs takes hundreds of ms to re-read). If the page changes
   * again meanwhile, one more pass follows when this one ends (rather than restarting it, which a
   * page that changes more often than a pass takes would never let finish).
   */
  private refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return Promise.resolve();
    }
    const passes = (async () => {
      try {
        let again = true;
        while (again) {
          this.refreshAgain = false;
          again = (await this.refreshOnce()) && this.refreshAgain;
        }
      } finally {
        this.refreshing = null;
      }
    })();
    this.refreshing = passes;
    return passes;
  }

  /** One refresh pass; false if it was superseded (a full pass started, or the engine went). */
  private async refreshOnce(): Promise<boolean> {
    const { found, index } = this;
    if (!found || !index || !found.root.isConnected) {
      await this.run();
      return false;
    }
    const generation = this.generation;
    const slices = new Slices({}, () => generation === this.generation && this.index === index);
    const updated = await slices.run(index.updateSteps(slices.shouldYield));
    if (!updated) return false;
    // From here the index has the new text: record the change until `results` take it in.
    this.unapplied = TextIndex.composeChanges(this.unapplied, updated.value);
    // The update splices an already folded text; if there was none, fold in slices here rather
    // than inside reanchor() in one go.
    if (!(await slices.run(index.foldedSteps(slices.shouldYield)))) return false;
    const again = await slices.run(
      reanchorSteps(index, this.results, this.selectors, this.unapplied, {
        sourceLength: this.sourceLength,
        shouldYield: slices.shouldYield,
      }),
    );
    if (!again) return false;
    this.results = again.value;
    this.unapplied = null;
    this.commit();
    return true;
  }

  /**
   * A responsive switch or a "Read more" button changes what is shown without changing the text
   * (often without a DOM mutation at all): watch the region's size, and look again when it changes.
   */
  private watchLayout(region: Element) {
    if (typeof ResizeObserver === 'undefined') return;
    this.layout?.disconnect();
    // Only a change between shown and not shown matters, not a reflow to another width.
    const rendered = new WeakMap<Element, boolean>();
    this.layout = new ResizeObserver((entries) => {
      let flipped = false;
      for (const { target, contentRect } of entries) {
        const now = contentRect.width > 0 && contentRect.height > 0;
        const before = rendered.get(target);
        rendered.set(target, now);
        if (before !== undefined && before !== now) flipped = true;
      }
      if (!flipped) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => void this.run().catch(reportError), MUTATION_DEBOUNCE_MS);
    });
    this.layout.observe(region);
    const watched = [...region.children].flatMap((child) => [child, ...child.children]);
    for (const element of watched.slice(0, MAX_WATCHED_ELEMENTS)) this.layout.observe(element);
  }

  private onMutations(records: MutationRecord[]) {
    const relevant = records.some((r) => !isOwnRecord(r));
    if (!relevant) return;
    const inArticle = this.found ? records.some((r) => this.found?.root.contains(r.target)) : true;
    const rootGone = this.found ? !this.found.root.isConnected : false;
    if (!inArticle && !rootGone) return; // The page changed elsewhere: ads, comments, menus.
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A cut copy that changes may be filling in (late or streamed text): judge it again, so
      // the paragraphs it did not reach before are looked for once they arrive. A complete copy
      // (even one without the standfirst) only needs the incremental refresh.
      const again = rootGone || !this.found || this.found.judgement.verdict === 'partial';
      (again ? this.run() : this.refresh())?.catch?.(reportError);
    }, MUTATION_DEBOUNCE_MS);
  }

  /** Paint the current results and tell the background what was found. */
  private commit() {
    const found = this.found;
    if (!found) return;
    const present = new Set(found.judgement.present);
    const orphans: Array<{ id: string; reason: OrphanReason }> = [];
    const hits: Array<{ planned: PlannedHighlight; range: Range }> = [];
    const paragraphs = found.pack.article.text.paragraphs;
    const conflicts = conflictingResults(this.planned, this.results, (i) =>
      present.has(paragraphs[i]?.id ?? ''),
    );
    const partial = found.judgement.verdict === 'partial';
    const hidden = new Set(found.judgement.hidden);
    // Past the copy's last paragraph a cut hides the rest; before its first (a dropped standfirst)
    // the words are simply not on the page.
    const firstPresent = paragraphs.findIndex((p) => present.has(p.id));
    for (const p of this.unplaced)
      orphans.push({
        id: p.id,
        reason: partial && p.paragraph > firstPresent ? 'paywall' : 'not-found',
      });
    this.planned.forEach((p, i) => {
      // The weaker of two overlapping highlights counts as not anchored.
      const result = conflicts.has(i) ? undefined : this.results[i];
      if (result?.range) {
        hits.push({ planned: p, range: result.range });
        return;
      }
      const paragraphId = paragraphs[p.paragraph]?.id ?? '';
      const reason = hidden.has(paragraphId)
        ? 'hidden'
        : orphanReason(result, present.has(paragraphId), partial);
      orphans.push({ id: p.id, reason });
    });
    this.setAnchored(hits, this.extraMentions(found));
    const anchored: Record<string, string[]> = {};
    for (const { planned } of hits) {
      const ids = anchored[planned.category] ?? [];
      ids.push(planned.id);
      anchored[planned.category] = ids;
    }
    this.report({
      status: partial ? 'partial' : 'article',
      articleId: found.pack.article.id,
      recognisedBy: found.recognisedBy,
      anchored,
      orphans,
    });
  }

  /**
   * The pack's entities named in text of the region the pack lacks (the page's own headline, a
   * paragraph the site added), as the pack writes their names; painted as those entities, shown
   * in the entity's card, and not counted as the pack's (the badge and breakdown count the
   * pack's annotations). See highlights/extra-mentions.ts.
   */
  private extraMentions(found: Found): Array<{ planned: PlannedHighlight; range: Range }> {
    const index = this.index;
    if (!index) return [];
    const names = namesOf(found.pack);
    if (names.length === 0) return [];
    const text = index.text;
    const ofPack = packText(found.pack, fingerprintOf(found.pack));
    const isPackText = (block: TextBlock) => ofPack.has(text.slice(block.start, block.end));
    const taken = this.results.flatMap((r) =>
      r.range && r.start !== null && r.end !== null ? [{ start: r.start, end: r.end }] : [],
    );
    return findExtraMentions(text, index.breakOffsets(), isPackText, names, taken).map((m) => ({
      planned: {
        // Not one of the pack's ids: the entity's own, which its card is found by.
        id: m.entityId,
        ownerId: m.entityId,
        category: m.category,
        target: {
          quote: { type: 'TextQuoteSelector', exact: m.name, prefix: '', suffix: '' },
          position: { type: 'TextPositionSelector', start: m.start, end: m.end },
        },
        paragraph: -1, // In no paragraph of the pack.
        allowOverlap: [],
      },
      range: index.rangeFor(m.start, m.end),
    }));
  }

  private setAnchored(
    hits: Array<{ planned: PlannedHighlight; range: Range }>,
    extras: Array<{ planned: PlannedHighlight; range: Range }> = [],
  ) {
    this.anchored = new Map(hits.map((h) => [h.planned.id, h]));
    this.extras = extras;
    const groups = new Map<HighlightCategory, Range[]>();
    for (const { planned, range } of [...hits, ...extras]) {
      const list = groups.get(planned.category) ?? [];
      list.push(range);
      groups.set(planned.category, list);
    }
    if (hits.length === 0 && !this.painter) return;
    this.painter ??= createPainter(document);
    this.painter.paint(groups);
    this.applyVisibility();
  }

  private report(state: PageState) {
    report(state);
  }

  // ---- Reading modes (highlights/modes.ts, reader-focus.ts): a layer over the toggles ---------

  private applyVisibility() {
    const before = this.presentation;
    this.presentation = presentationOf(this.settings);
    const { shown, look } = this.presentation;
    // Restyle before registering, in the same task: the page never shows one mode's look with
    // the other's highlights.
    this.painter?.setLook(look);
    this.painter?.show(shown, this.onlyAt());
    this.notes.show(shown);
    // A card of a highlight this mode no longer paints would describe nothing the reader sees.
    if ([...before.shown].some((category) => !shown.has(category))) this.cards?.hide();
  }

  private onlyAt() {
    return this.focus.onlyAt(this.presentation, (id) => this.anchored.get(id));
  }

  /** The reader is at these highlights (pointer or caret): repaint only if calm reading's focus moved. */
  private follow(
    place: ReaderPlace,
    hits: ReadonlyArray<{ planned: PlannedHighlight; range: Range }>,
  ) {
    if (!this.focus.follow(place, hits, this.presentation)) return;
    if (this.presentation.onlyWhereReaderIs.size > 0)
      this.painter?.show(this.presentation.shown, this.onlyAt());
  }

  // ---------------------------------------------------------------------------------------------

  private visibleHitsAt(node: Node, offset: number, x?: number, y?: number) {
    const out: Array<{ planned: PlannedHighlight; range: Range }> = [];
    for (const hit of [...this.anchored.values(), ...this.extras]) {
      if (!this.presentation.shown.has(hit.planned.category)) continue;
      try {
        if (!hit.range.isPointInRange(node, offset)) continue;
      } catch {
        continue; // The node is in another document or detached.
      }
      if (x !== undefined && y !== undefined && !rectsContain(hit.range, x, y)) continue;
      out.push(hit);
    }
    // Innermost first: an entity inside a claim shows the entity, then the claim.
    return out.sort((a, b) => a.range.toString().length - b.range.toString().length);
  }

  /** Cards for the highlights at a point: the reader's notes first, then the pack's. */
  private showCards(
    hits: Array<{ planned: PlannedHighlight; range: Range }>,
    notes: Array<{ range: Range; content: CardContent }> = [],
  ) {
    const pack = this.found?.pack;
    const contents = [
      ...notes.slice(0, 1).map((n) => n.content),
      ...(pack
        ? hits
            .slice(0, notes.length ? 1 : 2)
            .flatMap(
              (h) =>
                describeHighlight(pack, h.planned.id, t, (owner) => this.countAnchored(owner)) ??
                [],
            )
        : []),
    ];
    const anchor = notes[0]?.range ?? hits[0]?.range;
    if (!anchor || contents.length === 0) return this.cards?.hideSoon();
    this.cards ??= createCardLayer(document);
    this.cards.show(anchor, contents);
  }

  private notesAt(node: Node, offset: number, x?: number, y?: number) {
    return this.notes.cardsAt(node, offset, (range) =>
      x === undefined || y === undefined ? true : rectsContain(range, x, y),
    );
  }

  private countAnchored(ownerId: string): number {
    let n = 0;
    for (const hit of this.anchored.values()) if (hit.planned.ownerId === ownerId) n++;
    return n;
  }

  private pointerFrame = 0;
  private onPointer(e: PointerEvent) {
    if ((this.anchored.size === 0 && !this.notes.hasNotes()) || this.pointerFrame) return;
    // On the card itself (a card with links takes the pointer): keep it.
    if (this.cards?.holds(e.target)) return;
    const { clientX: x, clientY: y } = e;
    this.pointerFrame = requestAnimationFrame(() => {
      this.pointerFrame = 0;
      const caret = caretAt(x, y);
      if (!caret) {
        this.follow('pointer', []);
        return this.showCards([]);
      }
      const hits = this.visibleHitsAt(caret.node, caret.offset, x, y);
      this.follow('pointer', hits);
      this.showCards(hits, this.notesAt(caret.node, caret.offset, x, y));
    });
  }

  /** Keyboard readers: a caret or selection inside a highlight shows its card. */
  private onSelection() {
    const selection = document.getSelection();
    if (!selection?.focusNode || (this.anchored.size === 0 && !this.notes.hasNotes())) {
      this.follow('caret', []);
      return;
    }
    const hits = this.visibleHitsAt(selection.focusNode, selection.focusOffset);
    this.follow('caret', hits);
    const notes = this.notesAt(selection.focusNode, selection.focusOffset);
    if (hits.length || notes.length) this.showCards(hits, notes);
  }

  /** Scroll to a mention or claim (or the next mention of an entity) and flash it. */
  reveal(id: string): boolean {
    const noteRange = this.notes.rangeOf(id);
    if (noteRange) {
      noteRange.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      this.painter ??= createPainter(document);
      this.painter.flash(noteRange, FLASH_MS);
      this.showCards([], this.notesAt(noteRange.startContainer, noteRange.startOffset));
      return true;
    }
    let hit = this.anchored.get(id);
    if (!hit) {
      const mentions = [...this.anchored.values()].filter((h) => h.planned.ownerId === id);
      if (mentions.length === 0) return false;
      const cursor = this.revealCursor.get(id) ?? 0;
      hit = mentions[cursor % mentions.length];
      this.revealCursor.set(id, cursor + 1);
    }
    if (!hit) return false;
    const reduced = matchMedia('(prefers-reduced-motion: reduce)').matches;
    hit.range.startContainer.parentElement?.scrollIntoView({
      block: 'center',
      behavior: reduced ? 'auto' : 'smooth',
    });
    this.painter?.flash(hit.range, FLASH_MS);
    this.showCards([hit]);
    return true;
  }

  isAlive(): boolean {
    return !this.destroyed && extensionAlive();
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.generation++;
    clearTimeout(this.timer);
    cancelAnimationFrame(this.pointerFrame);
    this.observer?.disconnect();
    this.layout?.disconnect();
    for (const cleanup of this.cleanups.splice(0)) cleanup();
    this.painter?.destroy();
    this.painter = null;
    this.cards?.destroy();
    this.cards = null;
    this.notes.destroy();
    this.anchored.clear();
    const w = globalThis as EngineWindow;
    if (w[ENGINE_KEY]?.alive === undefined || !w[ENGINE_KEY]?.alive()) delete w[ENGINE_KEY];
  }
}

const OWN_NODES = 'gloss-card, gloss-note-ui, gloss-mark, style[data-gloss]';

/** The page as notes name it when it is not a known article: its canonical URL and title. */
function pageOfDocument(): NotesPage {
  const canonical = document.querySelector<HTMLLinkElement>('link[rel="canonical"]')?.href;
  const here = new URL(location.href);
  here.hash = '';
  let url = here.href;
  try {
    // A canonical link on another site is not trusted to name this page.
    if (canonical && new URL(canonical).origin === here.origin) url = new URL(canonical).href;
  } catch {
    // Keep the page's own address.
  }
  return { url, title: document.title };
}
const isOwnNode = (node: Node) =>
  (node instanceof Element ? node : node.parentElement)?.closest(OWN_NODES) != null;
/** A change Gloss made itself (its card host, its fallback marks or style): not the page's. */
const isOwnRecord = (r: MutationRecord) =>
  isOwnNode(r.target) ||
  (r.type === 'childList' && [...r.addedNodes, ...r.removedNodes].every(isOwnNode));

let engine: Engine | null = null;

function reportError(error: unknown) {
  report({ status: 'error', reason: 'engine-failed', detail: String(error).slice(0, 500) });
}

function report(state: PageState) {
  sendContentToBackground({ type: 'gloss/page-state', state }).catch(() => {
    // The extension was updated or reloaded: this engine is orphaned. Remove every trace of it.
    engine?.destroy();
    engine = null;
  });
}

function main() {
  mark('engine-start');
  const w = globalThis as EngineWindow;
  const existing = w[ENGINE_KEY];
  if (existing?.alive()) {
    // Injected again (an SPA navigation, or the reader asked to check): look again.
    existing.recheck();
    return;
  }
  // A predecessor from before an extension reload: in this world (Chrome) it is told to go; in
  // a discarded one (Firefox) only its paint is left, which we sweep.
  existing?.destroy();
  sweepStaleTraces(document);
  const handed = takeHanded();
  if (handed === undefined)
    throw new Error('Gloss: the engine was injected without its candidate article');
  const current = new Engine(handed);
  engine = current;
  w[ENGINE_KEY] = {
    recheck: () => {
      current.recheck(takeHanded()).catch(reportError);
    },
    noteSelection: (kind) => current.notes.noteSelection(kind),
    alive: () => current.isAlive(),
    destroy: () => current.destroy(),
  };
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parse(UiToContentSchema, raw);
    if (!message) return undefined;
    switch (message.type) {
      case 'gloss/reveal':
        return Promise.resolve(current.reveal(message.annotationId));
      // The side panel's "My notes": the notes layer answers.
      case 'gloss/reveal-note':
        return Promise.resolve(current.reveal(message.noteId));
      case 'gloss/get-notes':
        return Promise.resolve(current.notes.report());
    }
  });
  current.start().catch(reportError);
}

try {
  main();
} catch (error) {
  reportError(error);
}
