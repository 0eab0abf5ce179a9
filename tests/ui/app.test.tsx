import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { ENTITY_KINDS } from '../../src/annotations/model';
import { RECOGNISED_BY, type RecognisedBy } from '../../src/detection/detect';
import { planHighlights } from '../../src/highlights/plan';
import type { PageState } from '../../src/messages/protocol';
import { fake, resetFake } from './fake-browser';
import {
  $,
  $$,
  ARTICLE_ID,
  click,
  mountApp,
  openSection,
  pack,
  pageState,
  settle,
  text,
  unmount,
} from './helpers';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));

const { App } = await import('../../src/ui/App');

beforeEach(() => {
  resetFake();
  fake.tabStates.set(7, pageState());
});
afterEach(() => {
  unmount();
  expect([...fake.missingKeys]).toEqual([]);
});

const SETTINGS_KEY = 'gloss.settings.v1';

describe('first frame', () => {
  test('draws a loading state before anything is awaited', () => {
    window.history.replaceState({}, '', '/?tab=7');
    const root = document.createElement('div');
    render(<App host="popup" />, root);
    expect(text($('h1', root))).toBe('Gloss');
    expect(text(root)).toContain('Loading…');
    render(null, root);
  });
});

describe('overview', () => {
  test('headline, publisher, wire credit, date to its precision, how it was found, counts', async () => {
    fake.tabStates.set(7, pageState({ c40: 'not-found', 'm-trump-1': 'edited' }));
    const root = await mountApp();
    expect(text($('h1', root))).toBe(pack.article.headline);
    const facts = $$('.facts > div', root)
      .map((d) => `${text($('dt', d))} ${text($('dd', d))}`)
      .join('\n');
    expect(facts).toContain('Publisher The Straits Times');
    expect(facts).toContain('Wire credit Bloomberg');
    expect(facts).toContain('Published November 2025');
    expect(facts).toContain('Found on this page by its address');
    const total = pack.claims.length + pack.entities.reduce((n, e) => n + e.mentions.length, 0);
    expect(text($('[data-testid=highlighted-count]', root))).toBe(`${total - 2} of ${total}`);
    expect(text($('[data-testid=missing-count]', root))).toContain('2');
    for (const topic of pack.topics) expect(text($('.chips', root))).toContain(topic.label);
  });

  test('each way of recognising a page is named in words, the headline included', async () => {
    const words: Record<RecognisedBy, string> = {
      url: 'its address',
      metadata: 'the page’s metadata',
      headline: 'its headline',
      text: 'its text',
    };
    for (const recognisedBy of RECOGNISED_BY) {
      fake.tabStates.set(7, { ...pageState(), recognisedBy } as PageState);
      const root = await mountApp();
      const how = $$('.facts > div', root).find(
        (d) => text($('dt', d)) === 'Found on this page by',
      );
      expect(text($('dd', how as Element))).toBe(words[recognisedBy]);
      render(null, root);
    }
  });

  test('a count of what is missing leads to the list', async () => {
    fake.tabStates.set(7, pageState({ c40: 'not-found' }));
    const root = await mountApp();
    await click($('[data-testid=missing-count] button', root));
    expect($('[role=tabpanel]', root)?.getAttribute('data-section')).toBe('missing');
  });
});

describe('entities', () => {
  test('grouped by kind, with the pack’s counts and mentions found of total', async () => {
    fake.tabStates.set(7, pageState({ 'm-trump-1': 'edited' }));
    const root = await mountApp();
    await openSection('entities');
    for (const kind of ENTITY_KINDS) {
      const entities = pack.entities.filter((e) => e.kind === kind);
      const rows = $$(`section[data-kind=${kind}] li.entity`, root);
      expect(rows.map((r) => r.getAttribute('data-entity')).sort()).toEqual(
        entities.map((e) => e.id).sort(),
      );
    }
    const trump = pack.entities.find((e) => e.id === 'trump');
    const row = $('li[data-entity=trump]', root);
    expect(text($('[data-testid=mentions]', row as Element))).toBe(
      `${(trump?.mentions.length ?? 0) - 1} of ${trump?.mentions.length} on page`,
    );
    expect(text(row)).toContain('US President');
  });

  test('choosing one steps through its mentions on the page and shows its claims', async () => {
    const orphan = 'm-xi-2';
    fake.tabStates.set(7, pageState({ [orphan]: 'edited' }));
    const root = await mountApp();
    await openSection('entities');
    const xi = pack.entities.find((e) => e.id === 'xi');
    const found = [...(xi?.mentions ?? [])]
      .sort((a, b) => a.target.position.start - b.target.position.start)
      .map((m) => m.id)
      .filter((id) => id !== orphan);
    const button = $('li[data-entity=xi] button.entity-name', root);
    await click(button);
    await click(button);
    await click($('li[data-entity=xi] .details-bar button', root)); // "Next mention"
    expect(fake.sent).toEqual(
      found.slice(0, 3).map((annotationId) => ({
        tabId: 7,
        message: { type: 'gloss/reveal', annotationId },
      })),
    );
    expect(button?.getAttribute('aria-expanded')).toBe('true');
    expect(text($('.status', root))).toBe(
      `Xi Jinping: mention 3 of ${found.length} shown on the page.`,
    );
    const by = pack.claims.filter((c) => c.speaker.type === 'entity' && c.speaker.entity === 'xi');
    const about = pack.claims.filter(
      (c) =>
        c.involves.includes('xi') && !(c.speaker.type === 'entity' && c.speaker.entity === 'xi'),
    );
    const details = $('li[data-entity=xi] .details', root) as Element;
    const lists = $$('section', details);
    expect($$('li.claim', lists[0] as Element)).toHaveLength(by.length);
    expect($$('li.claim', lists[1] as Element)).toHaveLength(about.length);
  });

  test('says so when the page cannot show a mention', async () => {
    fake.revealAnswer = false;
    const root = await mountApp();
    await openSection('entities');
    await click($('li[data-entity=trump] button.entity-name', root));
    expect(text($('.status', root))).toContain('could not show this');
  });
});

describe('claims', () => {
  test('grouped by speaker, each group the pack’s claims of that speaker', async () => {
    const root = await mountApp();
    await openSection('claims');
    const groups = $$('section[data-speaker]', root);
    const total = groups.reduce((n, g) => n + $$('li.claim', g).length, 0);
    expect(total).toBe(pack.claims.length);
    const headings = groups.map((g) => text($('h3', g)).replace(/ \d+$/, ''));
    expect(headings).toContain('Donald Trump');
    expect(headings).toContain('The reporter');
    expect(headings).toContain('People familiar with the matter');
    const reporter = groups.find((g) => g.getAttribute('data-speaker') === 'reporter') as Element;
    expect($$('li.claim', reporter)).toHaveLength(
      pack.claims.filter((c) => c.speaker.type === 'reporter').length,
    );
  });

  test('each with its attribution, when and where it was said, and a way to its place', async () => {
    const root = await mountApp();
    await openSection('claims');
    const c11 = pack.claims.find((c) => c.id === 'c11');
    const item = $$('li.claim', root).find((li) =>
      text(li).includes(c11?.target.quote.exact ?? '???'),
    ) as Element;
    expect(text(item)).toContain('Official statement');
    expect(text(item)).toContain('Chinese Foreign Ministry statement');
    expect(text(item)).toContain('24 Nov 2025');
    await click($('button.reveal', item));
    expect(fake.sent.at(-1)).toEqual({
      tabId: 7,
      message: { type: 'gloss/reveal', annotationId: 'c11' },
    });
    const labels = new Set($$('.claim-meta', root).map((m) => text(m)));
    const all = [...labels].join(' ');
    for (const label of [
      'Direct quote',
      'Reported speech',
      'Anonymous sources',
      'Reporter’s background',
      'Reporter’s analysis',
    ])
      expect(all).toContain(label);
  });

  test('filter by speaker and by kind', async () => {
    const root = await mountApp();
    await openSection('claims');
    const [speaker, kind] = $$('select', root) as [HTMLSelectElement, HTMLSelectElement];
    speaker.value = 'entity:trump';
    speaker.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    const trump = pack.claims.filter(
      (c) => c.speaker.type === 'entity' && c.speaker.entity === 'trump',
    );
    expect($$('li.claim', root)).toHaveLength(trump.length);
    (kind as HTMLSelectElement).value = 'assessment';
    kind?.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect($$('li.claim', root)).toHaveLength(trump.filter((c) => c.kind === 'assessment').length);
    expect(text($('[data-testid=claims-shown]', root))).toBe(
      `Showing ${trump.filter((c) => c.kind === 'assessment').length} of ${pack.claims.length} claims.`,
    );
  });
});

describe('timeline', () => {
  test('the dated events in date order, to their precision', async () => {
    const root = await mountApp();
    await openSection('timeline');
    const items = $$('.timeline li', root);
    expect(items).toHaveLength(pack.timeline.length);
    const values = items.map((li) => $('time', li)?.getAttribute('datetime') ?? '');
    expect(values).toEqual([...values].sort());
    const dates = items.map((li) => text($('time', li)));
    expect(dates).toContain('24 Nov 2025');
    expect(dates).toContain('April 2026');
    expect(dates).toContain('2026');
    expect(dates[0]).toBe('October 2025');
  });

  test('an event leads to the sentence that reports it, when that claim is highlighted here', async () => {
    const call = pack.timeline.find((e) => e.id === 't-call');
    const claim = call?.claims?.[0] as string;
    expect(claim).toBeDefined();
    const root = await mountApp();
    await openSection('timeline');
    const item = $('li[data-event=t-call]', root) as Element;
    const button = $('button.reveal', item) as Element;
    // The button names its event for screen readers.
    expect(text($(`#${button.getAttribute('aria-describedby')}`, root))).toBe(call?.label);
    await click(button);
    expect(fake.sent.at(-1)).toEqual({
      tabId: 7,
      message: { type: 'gloss/reveal', annotationId: claim },
    });
  });

  test('an event whose claims are not highlighted on this page has no way to the page', async () => {
    const call = pack.timeline.find((e) => e.id === 't-call');
    const missing = Object.fromEntries((call?.claims ?? []).map((id) => [id, 'edited'] as const));
    fake.tabStates.set(7, pageState(missing));
    const root = await mountApp();
    await openSection('timeline');
    expect($('li[data-event=t-call]', root)).not.toBeNull();
    expect($('li[data-event=t-call] button.reveal', root)).toBeNull();
  });
});

describe('not on this page', () => {
  test('orphans listed with human reasons and their words', async () => {
    const orphans = {
      'm-trump-3': 'paywall',
      c40: 'paywall',
      'm-china-2': 'edited',
      'm-xi-2': 'ambiguous',
      c01: 'not-found',
    } as const;
    fake.tabStates.set(7, pageState(orphans, 'partial'));
    const root = await mountApp();
    expect(text($('[data-testid=partial-banner]', root))).toContain('paywall');
    await openSection('missing');
    expect(text($('section[data-reason=paywall] h3', root))).toBe(
      'Cut by the paywall on this page 2',
    );
    expect(text($('section[data-reason=edited] h3', root))).toBe(
      'Worded differently on this page 1',
    );
    expect(text($('section[data-reason=ambiguous] h3', root))).toBe(
      "On this page more than once: Gloss could not tell which is the article's 1",
    );
    expect($('section[data-reason=ambiguous] li[data-orphan=m-xi-2]', root)).not.toBeNull();
    expect(text($('section[data-reason=not-found] h3', root))).toBe('Not found on this page 1');
    const m = pack.entities.flatMap((e) => e.mentions).find((x) => x.id === 'm-china-2');
    const item = $('li[data-orphan=m-china-2]', root) as Element;
    expect(text($('.orphan-kind', item))).toBe('Mention of China');
    expect(text($('.orphan-text', item))).toBe(m?.target.quote.exact);
    const c01 = pack.claims.find((c) => c.id === 'c01');
    expect(text($('li[data-orphan=c01]', root))).toContain(c01?.target.quote.exact);
  });

  test('a cut copy: the claims it hides by speaker, its entities with counts, the text missing', async () => {
    const cut = Object.fromEntries(
      planHighlights(pack)
        .filter((p) => p.paragraph > 3)
        .map((p) => [p.id, 'paywall'] as const),
    );
    fake.tabStates.set(7, pageState(cut, 'partial'));
    const root = await mountApp();
    await openSection('missing');
    const group = $('section[data-reason=paywall]', root) as Element;
    expect(text($('h3', group))).toBe(`Cut by the paywall on this page ${Object.keys(cut).length}`);
    // One line per speaker, not per mention.
    const speakers = $$('.cut-speakers > li', group);
    expect(speakers.length).toBeGreaterThan(1);
    const names = speakers.map((li) => text($('.cut-speaker', li) as Element));
    expect(names).toContain(
      `The reporter ${$$('li', $('.cut-claims', speakers[0] as Element) as Element).length}`,
    );
    expect(names.some((n) => /^Donald Trump \d+$/.test(n))).toBe(true);
    const china = $$('.cut-entities li', group).find((li) => text(li).startsWith('China'));
    expect(text(china as Element)).toMatch(/^China\s*×\d+\s*\d+ times$/);
    expect(text($('[data-testid=cut-size]', group))).toMatch(
      /^\d+ paragraphs, about \d+ words, are not on this page\.$/,
    );
    expect($$('li[data-orphan^=m-]', group)).toEqual([]);
  });

  test('says when nothing is missing', async () => {
    const root = await mountApp();
    await openSection('missing');
    expect(text($('[role=tabpanel]', root))).toContain('Everything Gloss knows');
  });
});

describe('highlight toggles', () => {
  test('each category toggles its entry in hiddenCategories, remembered in settings', async () => {
    const root = await mountApp();
    await openSection('highlights');
    const toggles = $$('button[data-category]', root);
    expect(toggles.map((b) => b.getAttribute('data-category'))).toEqual([
      'entity-person',
      'entity-organisation',
      'entity-place',
      'entity-thing',
      'entity-event',
      'claim-fact',
      'claim-commitment',
      'claim-assessment',
      'claim-warning',
      'note-highlight',
      'note-comment',
    ]);
    const warning = $('button[data-category=claim-warning]', root);
    expect(warning?.getAttribute('aria-pressed')).toBe('true');
    expect(text(warning)).toContain('wavy underline');
    await click(warning);
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: true,
      hiddenCategories: ['claim-warning'],
      readingMode: 'everything',
    });
    expect(warning?.getAttribute('aria-pressed')).toBe('false');
    await click($('button[data-category=entity-place]', root));
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: true,
      hiddenCategories: ['claim-warning', 'entity-place'],
      readingMode: 'everything',
    });
    await click(warning);
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: true,
      hiddenCategories: ['entity-place'],
      readingMode: 'everything',
    });
  });

  test('all highlights off and on, with the shortcut shown', async () => {
    fake.shortcut = 'Ctrl+Shift+Y';
    const root = await mountApp();
    await openSection('highlights');
    expect(text($('.shortcut', root))).toContain('Ctrl+Shift+Y');
    await click($('[data-testid=master-toggle]', root));
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: false,
      hiddenCategories: [],
      readingMode: 'everything',
    });
    expect($('[data-testid=master-toggle-compact]', root)?.getAttribute('aria-pressed')).toBe(
      'false',
    );
    expect($('button[data-category=entity-person]', root)?.hasAttribute('disabled')).toBe(true);
    await click($('[data-testid=master-toggle-compact]', root));
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: true,
      hiddenCategories: [],
      readingMode: 'everything',
    });
  });

  test('follows changes made elsewhere (another popup, the keyboard command)', async () => {
    const root = await mountApp();
    await openSection('highlights');
    fake.storageChanged.emit(
      { [SETTINGS_KEY]: { newValue: { enabled: true, hiddenCategories: ['entity-thing'] } } },
      'local',
    );
    await settle();
    expect($('button[data-category=entity-thing]', root)?.getAttribute('aria-pressed')).toBe(
      'false',
    );
  });

  test('the reading mode: one of three radio buttons, remembered, the toggles kept', async () => {
    fake.local.set(SETTINGS_KEY, { enabled: true, hiddenCategories: ['entity-place'] });
    const root = await mountApp();
    await openSection('highlights');
    const radios = $$('input[name=reading-mode]', root) as HTMLInputElement[];
    expect(radios.map((r) => r.value)).toEqual(['everything', 'calm', 'notes']);
    expect(radios.map((r) => r.checked)).toEqual([true, false, false]);
    expect(text($('.modes legend', root))).toBe('Reading mode');
    expect(text($('label[data-mode=calm]', root))).toContain('pointer or caret');
    const calm = radios[1] as HTMLInputElement;
    expect(calm.getAttribute('aria-describedby')).toBe('mode-hint-calm');
    calm.checked = true;
    calm.dispatchEvent(new Event('change', { bubbles: true }));
    await settle();
    expect(fake.local.get(SETTINGS_KEY)).toEqual({
      enabled: true,
      hiddenCategories: ['entity-place'],
      readingMode: 'calm',
    });
    expect(($$('input[name=reading-mode]', root) as HTMLInputElement[])[1]?.checked).toBe(true);
    expect($('.banner', root)).toBeNull();
  });

  test('the reading mode follows a change made elsewhere, and says what my notes only hides', async () => {
    const root = await mountApp();
    await openSection('highlights');
    fake.storageChanged.emit(
      {
        [SETTINGS_KEY]: {
          newValue: { enabled: true, hiddenCategories: [], readingMode: 'notes' },
        },
      },
      'local',
    );
    await settle();
    const checked = $('input[name=reading-mode]:checked', root) as HTMLInputElement;
    expect(checked.value).toBe('notes');
    expect(text($('.banner', root))).toContain('My notes only');
  });

  test('the reading mode rests while every highlight is off', async () => {
    fake.local.set(SETTINGS_KEY, { enabled: false, hiddenCategories: [], readingMode: 'calm' });
    const root = await mountApp();
    await openSection('highlights');
    expect($('fieldset.modes', root)?.hasAttribute('disabled')).toBe(true);
    expect(($('input[value=calm]', root) as HTMLInputElement).checked).toBe(true);
  });

  test('swatches use the category colours', async () => {
    const root = await mountApp();
    await openSection('highlights');
    const { CATEGORY_STYLES } = await import('../../src/highlights/categories');
    const sample = $('button[data-category=entity-person] .sample', root) as HTMLElement;
    expect(sample.style.getPropertyValue('--swatch')).toBe(CATEGORY_STYLES['entity-person'].swatch);
  });
});

describe('states', () => {
  test('no known article: what Gloss knows, and a check of the page', async () => {
    fake.tabStates.set(7, { status: 'none' });
    const root = await mountApp();
    expect(text($('h1', root))).toBe('No known article on this page');
    expect(text($('.known', root))).toContain(pack.article.headline);
    for (const site of pack.article.sites) expect(text($('.known', root))).toContain(site.host);
    await click($('button.primary', root));
    expect(fake.runtimeSent).toContainEqual({ type: 'gloss/check-page', tabId: 7 });
  });

  test('reading the article', async () => {
    fake.tabStates.set(7, { status: 'loading', articleId: ARTICLE_ID });
    const root = await mountApp();
    expect(text($('h1', root))).toBe('Reading this article…');
    expect(text(root)).toContain(pack.article.headline);
  });

  test('an error: why, in the catalogue’s words, and the browser’s own detail shown as text', async () => {
    fake.tabStates.set(7, {
      status: 'error',
      reason: 'page-unreadable',
      detail: '<img src=x onerror=alert(1)>',
    });
    const root = await mountApp();
    expect(text($('h1', root))).toBe('Gloss ran into a problem on this page');
    expect(text(root)).toContain('The browser did not let Gloss read this page.');
    expect(text($('code', root))).toBe('<img src=x onerror=alert(1)>');
    expect($('img[src=x]', root)).toBeNull();
  });

  test('a page state it cannot trust is treated as no article', async () => {
    fake.tabStates.set(7, { status: 'article', articleId: 'x y z' } as never);
    const root = await mountApp();
    expect(text($('h1', root))).toBe('No known article on this page');
  });

  test('refreshes when the page state changes', async () => {
    fake.tabStates.set(7, { status: 'loading', articleId: ARTICLE_ID });
    const root = await mountApp();
    fake.tabStates.set(7, pageState());
    fake.storageChanged.emit({ 'gloss.tab.7': { newValue: {} } }, 'session');
    await settle();
    expect(text($('h1', root))).toBe(pack.article.headline);
  });
});

describe('hosts', () => {
  test('without ?tab the popup describes the active tab', async () => {
    fake.activeTab = { id: 9, windowId: 1 };
    fake.tabStates.set(9, pageState());
    const root = await mountApp('popup', '');
    expect(text($('h1', root))).toBe(pack.article.headline);
    expect(fake.runtimeSent).toContainEqual({ type: 'gloss/get-tab-state', tabId: 9 });
  });

  test('the side panel follows the active tab of its window', async () => {
    fake.activeTab = { id: 9, windowId: 1 };
    fake.tabStates.set(9, pageState());
    fake.tabStates.set(10, { status: 'none' });
    const root = await mountApp('sidepanel', '');
    expect(text($('h1', root))).toBe(pack.article.headline);
    fake.tabActivated.emit({ tabId: 10, windowId: 1 });
    await settle();
    expect(text($('h1', root))).toBe('No known article on this page');
    fake.tabActivated.emit({ tabId: 9, windowId: 2 }); // another window: not ours
    await settle();
    expect(text($('h1', root))).toBe('No known article on this page');
  });

  test('every planned highlight is either anchored or an orphan in the test state', () => {
    const s = pageState({ c01: 'edited' });
    if (s.status !== 'article') throw new Error('bad state');
    const ids = Object.values(s.anchored).flat().length + s.orphans.length;
    expect(ids).toBe(planHighlights(pack).length);
  });
});
