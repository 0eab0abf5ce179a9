import { describe, expect, test } from 'vitest';
import {
  ContentToBackgroundSchema,
  PageStateSchema,
  parse,
  ToBackgroundSchema,
  UiToBackgroundSchema,
  UiToContentSchema,
} from '../../src/messages/protocol';

const foundState = {
  status: 'article',
  articleId: 'x',
  recognisedBy: 'headline',
  anchored: { 'entity-person': ['m1', 'm2'] },
  orphans: [{ id: 'c1', reason: 'paywall' }],
};

describe('each receiver accepts only well-formed messages of its direction', () => {
  test('the background: page state and candidates from content, tab state and checks from the UI', () => {
    expect(parse(ToBackgroundSchema, { type: 'gloss/candidate', articleId: 'a-1' })).toEqual({
      type: 'gloss/candidate',
      articleId: 'a-1',
    });
    expect(parse(ToBackgroundSchema, { type: 'gloss/get-tab-state', tabId: 7 })).toEqual({
      type: 'gloss/get-tab-state',
      tabId: 7,
    });
    expect(parse(ToBackgroundSchema, { type: 'gloss/page-state', state: foundState })).toEqual({
      type: 'gloss/page-state',
      state: foundState,
    });
    const error = { status: 'error', reason: 'engine-failed', detail: 'TypeError: x' };
    expect(parse(PageStateSchema, error)).toEqual(error);
  });

  test('the content script: only the reveal request', () => {
    const reveal = { type: 'gloss/reveal', annotationId: 'm-trump-1', occurrence: 0 };
    expect(parse(UiToContentSchema, reveal)).toEqual(reveal);
    expect(parse(UiToContentSchema, { type: 'gloss/get-tab-state', tabId: 7 })).toBeNull();
  });

  test('a message of another direction is not one of this one', () => {
    expect(parse(ToBackgroundSchema, { type: 'gloss/reveal', annotationId: 'm1' })).toBeNull();
    expect(parse(UiToBackgroundSchema, { type: 'gloss/candidate', articleId: 'a' })).toBeNull();
    expect(parse(ContentToBackgroundSchema, { type: 'gloss/check-page', tabId: 1 })).toBeNull();
  });

  test('drops unknown fields instead of passing them on', () => {
    const parsed = parse(ToBackgroundSchema, {
      type: 'gloss/candidate',
      articleId: 'a',
      extra: '<script>',
    });
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
      { type: 'gloss/page-state', state: { ...foundState, orphans: [{ id: 'x', reason: 'no' }] } },
    ],
    [
      'an unknown way of recognising a page',
      { type: 'gloss/page-state', state: { ...foundState, recognisedBy: 'magic' } },
    ],
    [
      'anchored ids that are not strings',
      { type: 'gloss/page-state', state: { ...foundState, anchored: { 'entity-person': [1] } } },
    ],
    [
      'anchored ids under a category Gloss does not paint',
      { type: 'gloss/page-state', state: { ...foundState, anchored: { 'entity-x': ['m1'] } } },
    ],
    [
      'an error without a reason code (free text only)',
      { type: 'gloss/page-state', state: { status: 'error', message: 'Gloss failed' } },
    ],
  ])('rejects %s', (_label, raw) => {
    expect(parse(ToBackgroundSchema, raw)).toBeNull();
  });

  test('rejects a reveal with a negative occurrence', () => {
    expect(
      parse(UiToContentSchema, { type: 'gloss/reveal', annotationId: 'm1', occurrence: -1 }),
    ).toBeNull();
  });
});
