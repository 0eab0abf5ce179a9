import { describe, expect, test } from 'vitest';
import { parseMessage } from '../../src/messages/protocol';

describe('parseMessage accepts only well-formed Gloss messages', () => {
  test('accepts each message type in its documented shape', () => {
    const probe = {
      type: 'gloss/probe',
      doc: 'd-1',
      seq: 0,
      url: 'https://www.straitstimes.com/x',
      meta: {
        titles: ['A headline'],
        kind: 'article',
        canonical: 'https://www.straitstimes.com/x',
      },
      shingles: [1, 4294967295],
      requested: false,
      done: true,
    };
    expect(parseMessage(probe)).toEqual(probe);
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
    const probe = { type: 'gloss/probe', doc: 'd', seq: 1, url: 'https://x.test/', shingles: [] };
    const parsed = parseMessage({ ...probe, requested: true, done: false, extra: '<script>' });
    expect(parsed).toEqual({ ...probe, requested: true, done: false });
    const meta = { titles: [], kind: 'live', extra: 1 };
    const withMeta = parseMessage({ ...probe, seq: 0, meta, requested: false, done: false });
    expect(withMeta).toMatchObject({ meta: { titles: [], kind: 'live' } });
    expect((withMeta as { meta: object }).meta).not.toHaveProperty('extra');
  });

  test.each([
    ['not an object', 'gloss/probe'],
    ['null', null],
    ['an array', [{ type: 'gloss/get-tab-state', tabId: 1 }]],
    ['an unknown type', { type: 'gloss/delete-everything' }],
    ['a missing field', { type: 'gloss/probe', doc: 'd', seq: 0, url: 'https://x.test/' }],
    [
      'a probe key with markup',
      {
        type: 'gloss/probe',
        doc: '<img src=x onerror=alert(1)>',
        seq: 0,
        url: 'https://x.test/',
        shingles: [],
        requested: false,
        done: false,
      },
    ],
    [
      'a shingle that is not a 32-bit hash',
      {
        type: 'gloss/probe',
        doc: 'd',
        seq: 0,
        url: 'https://x.test/',
        shingles: [2 ** 32],
        requested: false,
        done: false,
      },
    ],
    [
      'an unknown page kind',
      {
        type: 'gloss/probe',
        doc: 'd',
        seq: 0,
        url: 'https://x.test/',
        meta: { titles: [], kind: 'poem' },
        shingles: [],
        requested: false,
        done: false,
      },
    ],
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
