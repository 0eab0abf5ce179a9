import { describe, expect, test, vi } from 'vitest';

vi.mock('../../src/platform/browser', () => import('../ui/fake-browser'));
const { badgeFor } = await import('../../src/background/badge');
const { t } = await import('../../src/platform/i18n');

describe('the badge says how many annotations are highlighted, its title in the catalogue’s words', () => {
  test('counts entities and claims, and says so in words', () => {
    const badge = badgeFor(
      {
        status: 'article',
        articleId: 'a',
        recognisedBy: 'url',
        anchored: {
          'entity-person': ['m1', 'm2', 'm3'],
          'entity-place': ['m4'],
          'claim-fact': ['c1', 'c2'],
        },
        orphans: [],
      },
      t,
    );
    expect(badge).toEqual({ text: '6', title: 'Gloss: 4 entities and 2 claims highlighted' });
  });

  test('uses the singular for one, and mentions what was not found', () => {
    const badge = badgeFor(
      {
        status: 'partial',
        articleId: 'a',
        recognisedBy: 'metadata',
        anchored: { 'entity-person': ['m1'], 'claim-warning': ['c1'] },
        orphans: [
          { id: 'c2', reason: 'paywall' },
          { id: 'c3', reason: 'paywall' },
        ],
      },
      t,
    );
    expect(badge.text).toBe('2');
    expect(badge.title).toBe('Gloss: 1 entity and 1 claim highlighted; 2 not found on this page');
  });

  test('says in the catalogue’s words why Gloss could not look at the page', () => {
    const badge = badgeFor({ status: 'error', reason: 'page-unreadable', detail: 'Error: x' }, t);
    expect(badge).toEqual({
      text: '!',
      title:
        'Gloss: The browser did not let Gloss read this page. Open Gloss from the toolbar on the page, or use its context menu, and try again.',
    });
  });

  test('says when Gloss is reading the article', () => {
    expect(badgeFor({ status: 'loading', articleId: 'a' }, t)).toEqual({
      text: '…',
      title: 'Gloss: reading this article',
    });
  });

  test('is empty where there is no known article', () => {
    expect(badgeFor({ status: 'none' }, t)).toEqual({ text: '', title: 'Gloss' });
  });
});
