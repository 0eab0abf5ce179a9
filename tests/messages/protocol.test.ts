import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../src/messages/protocol';

describe('parseMessage accepts only well-formed Gloss messages', () => {
  test('accepts each message type in its documented shape', () => {
    expect(parseMessage({ type: 'gloss/candidate', articleId: 'a-1' })).toEqual({
      type: 'gloss/candidate',
      articleId: 'a-1',
    });
    expect(parseMessage({ type: 'gloss/get-tab-state', tabId: 7 })).toEqual({
      type: 'gloss/get-tab-state',
      tabId: 7,
    });
    expect(
      parseMessage({ type: 'gloss/reveal', annotationId: 'm-trump-1', occurrence: 0 }),
    ).toEqual({ type: 'gloss/reveal', annotationId: 'm-trump-1', occurrence: 0 });
    const state = {
      status: 'article',
      articleId: 'x',
      recognisedBy: 'url',
      anchored: { 'entity-person': ['m1', 'm2'] },
      orphans: [{ id: 'c1', reason: 'paywall' }],
    };
    expect(parseMessage({ type: 'gloss/page-state', state })).toEqual({
      type: 'gloss/page-state',
      state,
    });
  });

  test('drops unknown fields instead of passing them on', () => {
    const parsed = parseMessage({ type: 'gloss/candidate', articleId: 'a', extra: '<script>' });
    expect(parsed).toEqual({ type: 'gloss/candidate', articleId: 'a' });
  });

  test.each([
    ['not an object', 'gloss/candidate'],
    ['null', null],
    ['an array', [{ type: 'gloss/candidate', articleId: 'a' }]],
    ['an unknown type', { type: 'gloss/delete-everything' }],
    ['a missing field', { type: 'gloss/candidate' }],
    ['an id with markup', { type: 'gloss/candidate', articleId: '<img src=x onerror=alert(1)>' }],
    ['a negative tab id', { type: 'gloss/get-tab-state', tabId: -1 }],
    ['a fractional tab id', { type: 'gloss/get-tab-state', tabId: 1.5 }],
    ['a string tab id', { type: 'gloss/check-page', tabId: '3' }],
    ['an unknown page status', { type: 'gloss/page-state', state: { status: 'hacked' } }],
    [
      'an unknown orphan reason',
      {
        type: 'gloss/page-state',
        state: {
          status: 'article',
          articleId: 'a',
          recognisedBy: 'url',
          anchored: {},
          orphans: [{ id: 'x', reason: 'because' }],
        },
      },
    ],
    [
      'anchored ids that are not strings',
      {
        type: 'gloss/page-state',
        state: {
          status: 'partial',
          articleId: 'a',
          recognisedBy: 'url',
          anchored: { x: [1] },
          orphans: [],
        },
      },
    ],
  ])('rejects %s', (_label, raw) => {
    expect(parseMessage(raw)).toBeNull();
  });
});
