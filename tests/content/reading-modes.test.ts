/**
 * What each reading mode paints, at the DOM level: the engine's painter (the pack's categories)
 * and the notes' painter, given a mode's presentation (highlights/modes.ts) and calm reading's
 * focus (content/reader-focus.ts) as the engine gives them (engine.ts, applyVisibility and follow).
 * happy-dom has no CSS Custom Highlight API: a registry and Highlight that behave like the
 * browsers' (a Map of name to a Set of ranges) stand in; real browsers are in tests/e2e/modes.e2e.ts.
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

vi.mock('../../src/platform/browser', () => ({ browser: {} }));

const { createPainter } = await import('../../src/content/paint');
const { ReaderFocus } = await import('../../src/content/reader-focus');
const { NOTE_CATEGORIES } = await import('../../src/highlights/categories');
const { presentationOf } = await import('../../src/highlights/modes');
const { DEFAULT_SETTINGS } = await import('../../src/platform/settings');
type Settings = import('../../src/platform/settings').Settings;
type HighlightCategory = import('../../src/highlights/categories').HighlightCategory;
type Painter = import('../../src/content/paint').Painter;

class FakeHighlight extends Set<Range> {
  priority = 0;
  constructor(...ranges: Range[]) {
    super(ranges);
  }
}

// biome-ignore lint/suspicious/noExplicitAny: the window's Highlight API, faked
const win = window as any;
let registry: Map<string, FakeHighlight>;
/** The text each stylesheet of ours was given, by sheet (happy-dom drops ::highlight rules). */
let sheetText: WeakMap<CSSStyleSheet, string>;

beforeEach(() => {
  registry = new Map();
  win.Highlight = FakeHighlight;
  Object.defineProperty(win, 'CSS', {
    configurable: true,
    value: { ...(win.CSS ?? {}), highlights: registry },
  });
  sheetText = new WeakMap();
  const replaceSync = CSSStyleSheet.prototype.replaceSync;
  vi.spyOn(CSSStyleSheet.prototype, 'replaceSync').mockImplementation(function (
    this: CSSStyleSheet,
    css: string,
  ) {
    sheetText.set(this, css);
    replaceSync.call(this, css);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  delete win.Highlight;
  document.adoptedStyleSheets = [];
});

/**
 * A page of two paragraphs: two people and a place (entities), a statement of fact and a warning
 * (claims, one per paragraph), and the reader's highlight of two words.
 */
function page() {
  document.body.innerHTML =
    '<p id="a">Mr Trump said the call with Mr Xi was very good.</p><p id="b">Beijing warned of risks.</p>';
  const text = (id: string) => (document.getElementById(id) as HTMLElement).firstChild as Text;
  const range = (id: string, words: string) => {
    const node = text(id);
    const start = (node.textContent ?? '').indexOf(words);
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, start + words.length);
    return r;
  };
  const fact = range('a', 'Mr Trump said the call with Mr Xi was very good.');
  const warning = range('b', 'Beijing warned of risks.');
  const hits = new Map<
    string,
    { planned: { id: string; category: HighlightCategory }; range: Range }
  >(
    [
      ['m-trump', 'entity-person', range('a', 'Mr Trump')],
      ['m-xi', 'entity-person', range('a', 'Mr Xi')],
      ['m-beijing', 'entity-place', range('b', 'Beijing')],
      ['c-fact', 'claim-fact', fact],
      ['c-warning', 'claim-warning', warning],
    ].map(([id, category, r]) => [
      id as string,
      { planned: { id: id as string, category: category as HighlightCategory }, range: r as Range },
    ]),
  );
  const groups = new Map<HighlightCategory, Range[]>();
  for (const { planned, range: r } of hits.values())
    groups.set(planned.category, [...(groups.get(planned.category) ?? []), r]);
  const pack = createPainter(document);
  pack.paint(groups);
  const notes = createPainter(document, NOTE_CATEGORIES);
  notes.paint(new Map([['note-highlight', [range('a', 'very good')]]]));
  const focus = new ReaderFocus();
  let settings: Settings = { ...DEFAULT_SETTINGS, hiddenCategories: [] };
  let presentation = presentationOf(settings);
  /** As the engine's applyVisibility. */
  const apply = (change: Partial<Settings>) => {
    settings = { ...settings, ...change };
    presentation = presentationOf(settings);
    pack.setLook(presentation.look);
    pack.show(
      presentation.shown,
      focus.onlyAt(presentation, (id) => hits.get(id)),
    );
    notes.show(presentation.shown);
  };
  /** As the engine's follow: the reader is at these annotations (innermost first). */
  const at = (place: 'pointer' | 'caret', ...ids: string[]) => {
    const found = ids.map((id) => hits.get(id)).filter((h) => h !== undefined);
    if (focus.follow(place, found, presentation))
      pack.show(
        presentation.shown,
        focus.onlyAt(presentation, (id) => hits.get(id)),
      );
  };
  return { pack, notes, apply, at, hits, fact, warning };
}

/** The registry as text: each highlight's name and the words under its ranges. */
const painted = () =>
  Object.fromEntries(
    [...registry].map(([name, h]) => [name, [...h].map((r) => r.toString())] as const),
  );

/** The entity shading of our stylesheets, as the page gets it. */
const entityShading = () =>
  document.adoptedStyleSheets
    .map((s) => sheetText.get(s) ?? '')
    .join('\n')
    .split('\n')
    .filter((l) => l.startsWith('::highlight(gloss-entity-person)'));

const EVERYTHING = {
  'gloss-entity-person': ['Mr Trump', 'Mr Xi'],
  'gloss-entity-place': ['Beijing'],
  'gloss-claim-fact': ['Mr Trump said the call with Mr Xi was very good.'],
  'gloss-claim-warning': ['Beijing warned of risks.'],
  'gloss-note-highlight': ['very good'],
};
const CALM_AT_REST = {
  'gloss-entity-person': ['Mr Trump', 'Mr Xi'],
  'gloss-entity-place': ['Beijing'],
  'gloss-note-highlight': ['very good'],
};

describe('reading modes paint', () => {
  test('everything: every highlight, in full', () => {
    const { apply } = page();
    apply({ readingMode: 'everything' });
    expect(painted()).toEqual(EVERYTHING);
    expect(entityShading()).toEqual([expect.stringContaining('/ 0.32)')]);
  });

  test('calm, the reader nowhere: entities lightly shaded, notes, and no claim at all', () => {
    const { apply } = page();
    apply({ readingMode: 'calm' });
    expect(painted()).toEqual(CALM_AT_REST);
    expect(entityShading()).toEqual([expect.stringContaining('/ 0.14)')]);
  });

  test('calm: the claim under the pointer, and the one at the caret, and no other', () => {
    const { apply, at } = page();
    apply({ readingMode: 'calm' });
    // An entity inside a claim: the innermost is the entity, the claim around it is underlined.
    at('pointer', 'm-trump', 'c-fact');
    expect(painted()).toEqual({
      ...CALM_AT_REST,
      'gloss-claim-fact': ['Mr Trump said the call with Mr Xi was very good.'],
    });
    at('caret', 'm-beijing', 'c-warning');
    expect(painted()).toEqual({
      ...CALM_AT_REST,
      'gloss-claim-fact': ['Mr Trump said the call with Mr Xi was very good.'],
      'gloss-claim-warning': ['Beijing warned of risks.'],
    });
    at('pointer');
    expect(painted()).toEqual({
      ...CALM_AT_REST,
      'gloss-claim-warning': ['Beijing warned of risks.'],
    });
    at('caret');
    expect(painted()).toEqual(CALM_AT_REST);
  });

  test('calm: moving within one claim changes nothing in the registry', () => {
    const { apply, at } = page();
    apply({ readingMode: 'calm' });
    at('pointer', 'c-fact');
    const registered = registry.get('gloss-claim-fact');
    at('pointer', 'm-xi', 'c-fact');
    expect(registry.get('gloss-claim-fact')).toBe(registered);
  });

  test('my notes only: the reader’s notes and nothing of the pack, wherever the reader is', () => {
    const { apply, at } = page();
    apply({ readingMode: 'notes' });
    at('pointer', 'c-fact');
    expect(painted()).toEqual({ 'gloss-note-highlight': ['very good'] });
  });

  test('a category turned off stays off in every mode, under the pointer too', () => {
    const { apply, at } = page();
    apply({ readingMode: 'calm', hiddenCategories: ['claim-fact', 'entity-place'] });
    at('pointer', 'c-fact');
    at('caret', 'c-warning');
    expect(painted()).toEqual({
      'gloss-entity-person': ['Mr Trump', 'Mr Xi'],
      'gloss-claim-warning': ['Beijing warned of risks.'],
      'gloss-note-highlight': ['very good'],
    });
    apply({ readingMode: 'everything', hiddenCategories: [], enabled: false });
    expect(painted()).toEqual({});
  });

  test('back to everything restores exactly what was painted, the same Highlight objects', () => {
    const { apply, at } = page();
    apply({ readingMode: 'everything' });
    const before = new Map(registry);
    for (const readingMode of ['calm', 'notes', 'calm'] as const) {
      apply({ readingMode });
      at('pointer', 'c-warning');
    }
    apply({ readingMode: 'everything' });
    expect(painted()).toEqual(EVERYTHING);
    expect(new Map(registry)).toEqual(before);
    for (const [name, highlight] of before) expect(registry.get(name), name).toBe(highlight);
    expect(entityShading()).toEqual([expect.stringContaining('/ 0.32)')]);
  });

  test('the stylesheet is rewritten only when the look changes (a new sheet restyles the page)', () => {
    const { apply } = page();
    apply({ readingMode: 'calm' });
    const writes = () => vi.mocked(CSSStyleSheet.prototype.replaceSync).mock.calls.length;
    const before = writes();
    apply({ readingMode: 'calm', hiddenCategories: ['claim-fact'] });
    apply({ readingMode: 'calm' });
    expect(writes()).toBe(before);
    apply({ readingMode: 'everything' });
    expect(writes()).toBe(before + 1);
  });

  test('teardown in calm, with a claim under the pointer, leaves nothing behind', () => {
    const { apply, at, pack, notes } = page();
    apply({ readingMode: 'calm' });
    at('pointer', 'c-fact');
    pack.destroy();
    notes.destroy();
    expect(registry.size).toBe(0);
    expect(document.adoptedStyleSheets).toEqual([]);
  });

  test('the notes’ stylesheet never restyles the pack’s highlights', () => {
    page().apply({ readingMode: 'calm' });
    // One rule for gloss-entity-person across both sheets: the engine painter's, in calm's look.
    expect(entityShading()).toEqual([expect.stringContaining('/ 0.14)')]);
  });
});

describe('calm reading with the wrapping fallback (no Highlight API)', () => {
  test('hides the marks of every claim but the focused one, and shows them all again', () => {
    delete win.Highlight;
    document.body.innerHTML = '<p id="a">One claim.</p><p id="b">Another claim.</p>';
    const ranges = ['a', 'b'].map((id) => {
      const r = document.createRange();
      r.selectNodeContents(document.getElementById(id) as HTMLElement);
      return r;
    });
    const painter: Painter = createPainter(document);
    expect(painter.kind).toBe('wrap');
    painter.paint(new Map([['claim-fact', ranges]]));
    const hidden = () =>
      [...document.querySelectorAll('gloss-mark')].map((m) => m.hasAttribute('data-hidden'));
    const all = new Set<HighlightCategory>(['claim-fact']);
    painter.show(all, new Map([['claim-fact', []]]));
    expect(hidden()).toEqual([true, true]);
    painter.show(all, new Map([['claim-fact', [ranges[1] as Range]]]));
    expect(hidden()).toEqual([true, false]);
    painter.show(all);
    expect(hidden()).toEqual([false, false]);
    painter.destroy();
    expect(document.querySelectorAll('gloss-mark').length).toBe(0);
  });
});
