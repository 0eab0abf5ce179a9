/**
 * The content engine, injected by the background into a page the gate picked (or that the reader
 * asked Gloss to check). It runs the flow: detect → anchor → paint → report, then keeps the
 * highlights right while the page changes and follows the reader's toggles.
 */
import { catalog } from 'virtual:gloss-catalog';
import { anchor } from '../anchoring';
import type { Pack } from '../annotations/model';
import { loadPacks } from '../annotations/packs';
import { canonicalText } from '../annotations/text';
import { fingerprintArticle, gate, judgeText, type TextJudgement } from '../detection/detect';
import { HIGHLIGHT_CATEGORIES, type HighlightCategory } from '../highlights/categories';
import { type PlannedHighlight, planHighlights } from '../highlights/plan';
import { browser } from '../platform/browser';
import {
  type ContentToBackground,
  type OrphanReason,
  type PageState,
  parseMessage,
} from '../platform/messages';
import {
  isCategoryShown,
  onSettingsChanged,
  readSettings,
  type Settings,
} from '../platform/settings';
import { candidateRoots, detectionText } from './article-root';
import { readPageMetadata } from './metadata';
import { createPainter, type Painter } from './paint';

const ENGINE_KEY = Symbol.for('gloss.engine');
type EngineWindow = typeof globalThis & { [ENGINE_KEY]?: { recheck(): void } };

/** Re-anchor at most this long after the page stops changing. */
const MUTATION_DEBOUNCE_MS = 150;

interface Found {
  pack: Pack;
  root: Element;
  judgement: TextJudgement;
  recognisedBy: string;
}

/** Which known article is on this page, and where. Null if none. */
function detect(packs: readonly Pack[]): Found | null | 'loading' {
  const match = gate(readPageMetadata(document, location.href), catalog);
  const trusted = match?.by === 'url' || match?.by === 'metadata';
  const candidates = match ? packs.filter((p) => p.article.id === match.articleId) : packs;
  for (const pack of candidates) {
    const fingerprint = fingerprintArticle(pack.article.text.paragraphs);
    for (const root of candidateRoots(document)) {
      const judgement = judgeText(fingerprint, detectionText(root), trusted);
      if (judgement.verdict !== 'none') {
        return { pack, root, judgement, recognisedBy: match ? match.by : 'text' };
      }
    }
  }
  // The page names the article but its text is not there (yet): it may arrive late.
  return trusted ? 'loading' : null;
}

function send(message: ContentToBackground) {
  browser.runtime.sendMessage(message).catch(() => {
    // The extension was updated or reloaded: this engine is orphaned; shut it down quietly.
    engine?.destroy();
  });
}

class Engine {
  private painter: Painter | null = null;
  private settings: Settings = { enabled: true, hiddenCategories: [] };
  private anchored = new Map<string, { planned: PlannedHighlight; range: Range }>();
  private observer: MutationObserver | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private stopSettings: (() => void) | null = null;
  private packs: Pack[];
  private found: Found | null = null;

  constructor() {
    const { packs, rejected } = loadPacks();
    for (const r of rejected) console.warn(`Gloss: skipped annotation pack ${r.file}:`, r.errors);
    this.packs = packs;
  }

  async start() {
    this.settings = await readSettings();
    this.stopSettings = onSettingsChanged((s) => {
      this.settings = s;
      this.applyVisibility();
    });
    this.run();
    this.observer = new MutationObserver((records) => {
      if (records.every((r) => isOwnNode(r.target))) return;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.run(), MUTATION_DEBOUNCE_MS);
    });
    this.observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
    });
  }

  /** Detect, anchor, paint and report; cheap enough to repeat after the page changes. */
  run() {
    const found = detect(this.packs);
    if (found === null || found === 'loading') {
      this.found = null;
      this.clearPaint();
      const state: PageState =
        found === 'loading'
          ? { status: 'loading', articleId: this.packs[0]?.article.id ?? 'unknown' }
          : { status: 'none' };
      send({ type: 'gloss/page-state', state });
      return;
    }
    this.found = found;
    const { pack, root, judgement } = found;
    const planned = planHighlights(pack);
    const sourceLength = canonicalText(pack.article).length;
    const results = anchor(
      root,
      planned.map((p) => ({
        exact: p.target.quote.exact,
        prefix: p.target.quote.prefix,
        suffix: p.target.quote.suffix,
        position: p.target.position.start,
      })),
      { sourceLength },
    );
    this.anchored.clear();
    const groups = new Map<HighlightCategory, Range[]>();
    const anchoredIds: Record<string, string[]> = {};
    const orphans: Array<{ id: string; reason: OrphanReason }> = [];
    const present = new Set(judgement.present);
    planned.forEach((p, i) => {
      const range = results[i]?.range;
      if (range) {
        this.anchored.set(p.id, { planned: p, range });
        const list = groups.get(p.category) ?? [];
        list.push(range);
        groups.set(p.category, list);
        anchoredIds[p.category] = [...(anchoredIds[p.category] ?? []), p.id];
      } else {
        const paragraphId = pack.article.text.paragraphs[p.paragraph]?.id ?? '';
        const reason: OrphanReason = present.has(paragraphId)
          ? 'edited'
          : judgement.verdict === 'partial'
            ? 'paywall'
            : 'not-found';
        orphans.push({ id: p.id, reason });
      }
    });
    this.painter ??= createPainter(document);
    this.painter.paint(groups);
    this.applyVisibility();
    send({
      type: 'gloss/page-state',
      state: {
        status: judgement.verdict === 'partial' ? 'partial' : 'article',
        articleId: pack.article.id,
        recognisedBy: found.recognisedBy,
        anchored: anchoredIds,
        orphans,
      },
    });
  }

  private applyVisibility() {
    const visible = new Set(HIGHLIGHT_CATEGORIES.filter((c) => isCategoryShown(this.settings, c)));
    this.painter?.show(visible);
  }

  private clearPaint() {
    this.anchored.clear();
    this.painter?.paint(new Map());
  }

  reveal(annotationId: string) {
    const hit = this.anchored.get(annotationId);
    if (!hit) return false;
    const element = hit.range.startContainer.parentElement;
    element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    return true;
  }

  destroy() {
    clearTimeout(this.timer);
    this.observer?.disconnect();
    this.stopSettings?.();
    this.painter?.destroy();
    this.painter = null;
    this.anchored.clear();
    delete (globalThis as EngineWindow)[ENGINE_KEY];
  }
}

const isOwnNode = (node: Node) =>
  node instanceof Element && (node.localName === 'gloss-card' || node.localName === 'gloss-mark');

let engine: Engine | null = null;

function main() {
  const w = globalThis as EngineWindow;
  if (w[ENGINE_KEY]) {
    // Injected again (SPA navigation, or the reader asked to check): just look again.
    w[ENGINE_KEY].recheck();
    return;
  }
  engine = new Engine();
  const current = engine;
  w[ENGINE_KEY] = { recheck: () => current.run() };
  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parseMessage(raw);
    if (message?.type === 'gloss/reveal')
      return Promise.resolve(current.reveal(message.annotationId));
    return undefined;
  });
  current.start().catch((error: unknown) => {
    send({ type: 'gloss/page-state', state: { status: 'error', message: String(error) } });
  });
}

main();
