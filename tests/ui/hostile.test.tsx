/** Strings from packs (and page states) are text, never markup. */
import { afterEach, expect, test, vi } from 'vitest';
import type { Pack } from '../../src/annotations/model';
import { fake, resetFake } from './fake-browser';

const EVIL = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
vi.mock('../../src/annotations/packs', async () => {
  const actual = await vi.importActual<typeof import('../../src/annotations/packs')>(
    '../../src/annotations/packs',
  );
  const evil = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=2</script>';
  const hostile = structuredClone(actual.packById('2025-11-24-trump-xi-call') as Pack);
  hostile.article.headline = `Xi ${evil}`;
  hostile.article.publisher = evil;
  for (const topic of hostile.topics) topic.label = evil;
  for (const e of hostile.entities) {
    e.name = `${e.name} ${evil}`;
    e.description = evil;
  }
  for (const c of hostile.claims) c.said = { medium: evil };
  for (const event of hostile.timeline) event.label = evil;
  return {
    packById: (id: string) => (id === hostile.article.id ? hostile : undefined),
    loadPacks: () => ({ packs: [hostile], rejected: [] }),
  };
});

const { $, $$, mountApp, openSection, pageState, text, unmount } = await import('./helpers');

afterEach(unmount);

test('hostile pack strings render as text in every section', async () => {
  resetFake();
  fake.tabStates.set(7, pageState({ 'm-trump-1': 'paywall' }, 'partial'));
  const root = await mountApp();
  expect(text($('h1', root))).toBe(`Xi ${EVIL}`);
  for (const section of ['overview', 'entities', 'claims', 'timeline', 'missing', 'highlights']) {
    await openSection(section);
    expect($$('script, img[src=x]', root)).toEqual([]);
    if (section !== 'highlights') expect(text(root)).toContain(EVIL);
  }
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
});
