import { describe, expect, test } from 'vitest';
import {
  ContentToBackgroundSchema,
  NotesOnPageSchema,
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

/** A gate's probe of a page, as it sends it. */
const probe = {
  type: 'gloss/probe',
  doc: 'd-1',
  seq: 0,
  url: 'https://www.straitstimes.com/x',
  meta: { titles: ['A headline'], kind: 'article', canonical: 'https://www.straitstimes.com/x' },
  text: ['Mr Trump said the call was very good.', 'A second piece.'],
  requested: false,
  done: true,
};

describe('each receiver accepts only well-formed messages of its direction', () => {
  test('the background: page state and probes from content, tab state and checks from the UI', () => {
    expect(parse(ToBackgroundSchema, probe)).toEqual(probe);
    const { meta: _, ...later } = probe;
    expect(parse(ContentToBackgroundSchema, { ...later, seq: 3 })).toEqual({ ...later, seq: 3 });
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

  test('the content script: reveal an annotation or a note, and the page’s notes', () => {
    const reveal = { type: 'gloss/reveal', annotationId: 'm-trump-1', occurrence: 0 };
    expect(parse(UiToContentSchema, reveal)).toEqual(reveal);
    const note = { type: 'gloss/reveal-note', noteId: 'https://hyp.is/AbC-12/example.com/a' };
    expect(parse(UiToContentSchema, note)).toEqual(note);
    expect(parse(UiToContentSchema, { type: 'gloss/get-notes' })).toEqual({
      type: 'gloss/get-notes',
    });
    expect(
      parse(UiToContentSchema, { type: 'gloss/reveal-note', noteId: 'not an iri' }),
    ).toBeNull();
    expect(parse(UiToContentSchema, { type: 'gloss/get-tab-state', tabId: 7 })).toBeNull();
  });

  test('the page’s answer about its notes: states and reasons from the lists, nothing else', () => {
    const answer = {
      page: { url: 'https://example.org/a', title: 'A' },
      notes: [
        { id: 'urn:uuid:1', state: 'anchored' },
        { id: 'urn:uuid:2', state: 'edited' },
        { id: 'urn:uuid:3', state: 'orphan', reason: 'below-threshold' },
      ],
    };
    expect(parse(NotesOnPageSchema, answer)).toEqual(answer);
    expect(parse(NotesOnPageSchema, { page: null, notes: [] })).toEqual({ page: null, notes: [] });
    const badReason = {
      page: null,
      notes: [{ id: 'urn:uuid:3', state: 'orphan', reason: 'paywall' }],
    };
    expect(parse(NotesOnPageSchema, badReason)).toBeNull();
  });

  test('the site-access question comes from pages only, and names no site', () => {
    expect(parse(ContentToBackgroundSchema, { type: 'gloss/site-access', ask: true })).toEqual({
      type: 'gloss/site-access',
      ask: true,
    });
    expect(
      parse(ContentToBackgroundSchema, {
        type: 'gloss/site-access',
        ask: false,
        origin: 'https://bank.example',
      }),
    ).toEqual({ type: 'gloss/site-access', ask: false });
    expect(parse(UiToBackgroundSchema, { type: 'gloss/site-access', ask: true })).toBeNull();
  });

  test('a message of another direction is not one of this one', () => {
    expect(parse(ToBackgroundSchema, { type: 'gloss/reveal', annotationId: 'm1' })).toBeNull();
    expect(parse(UiToBackgroundSchema, probe)).toBeNull();
    expect(parse(ContentToBackgroundSchema, { type: 'gloss/check-page', tabId: 1 })).toBeNull();
  });

  test('drops unknown fields instead of passing them on', () => {
    const parsed = parse(ToBackgroundSchema, {
      ...probe,
      extra: '<script>',
      meta: { ...probe.meta, extra: 1 },
    });
    expect(parsed).toEqual(probe);
  });

  test.each([
    ['not an object', 'gloss/probe'],
    ['null', null],
    ['an array', [probe]],
    ['an unknown type', { type: 'gloss/delete-everything' }],
    ['a missing field', { ...probe, done: undefined }],
    ['a page key with markup', { ...probe, doc: '<img src=x onerror=alert(1)>' }],
    ['text that is not a string', { ...probe, text: [42] }],
    [
      'more text in one probe than its limit',
      { ...probe, text: ['x'.repeat(40_000), 'y'.repeat(40_000)] },
    ],
    ['an unknown page kind', { ...probe, meta: { ...probe.meta, kind: 'poem' } }],
    ['a fourth title', { ...probe, meta: { ...probe.meta, titles: ['a', 'b', 'c', 'd'] } }],
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
