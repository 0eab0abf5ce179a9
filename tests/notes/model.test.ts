import { describe, expect, test } from 'vitest';
import {
  editNote,
  inPageOrder,
  matchesSearch,
  noteQuote,
  noteTags,
  noteText,
  parseNote,
  splitTags,
} from '../../src/notes/model';
import { LATER, NOW, note } from './helpers';

/** A note as plain JSON, to be spoiled field by field. */
// biome-ignore lint/suspicious/noExplicitAny: the tests write wrong types into it on purpose
type Spoilable = Record<string, any>;

describe('a note is a W3C Web Annotation', () => {
  test('a highlight without a note is just a highlight: motivation highlighting, no body', () => {
    const n = note();
    expect(n.type).toBe('Annotation');
    expect(n.motivation).toBe('highlighting');
    expect(n.body).toEqual([]);
    expect(n.target.selector[0]).toEqual({
      type: 'TextQuoteSelector',
      exact: 'very good',
      prefix: 'his phone call with Chinese President Xi Jinping as “',
      suffix: '”, saying they',
    });
    expect(n.target.selector[1]).toEqual({ type: 'TextPositionSelector', start: 120, end: 129 });
    expect(n.created).toBe(NOW.toISOString());
    expect(n.modified).toBe(NOW.toISOString());
    expect(n.articleId).toBe('2025-11-24-trump-xi-call');
  });

  test('a note keeps its line breaks and spacing; tags become tagging bodies', () => {
    const n = note({
      text: 'First line\n\n  indented second\r\nthird',
      tags: [' Taiwan ', 'trade', 'taiwan', ''],
    });
    expect(n.motivation).toBe('commenting');
    expect(noteText(n)).toBe('First line\n\n  indented second\nthird');
    expect(noteTags(n)).toEqual(['Taiwan', 'trade']);
    expect(n.body[0]).toMatchObject({
      type: 'TextualBody',
      purpose: 'commenting',
      format: 'text/plain',
    });
  });

  test('editing changes text, tags, motivation and modified; nothing else', () => {
    const n = note({ text: 'a thought' });
    const edited = editNote(n, { text: '', tags: ['later'] }, LATER);
    expect(edited.motivation).toBe('highlighting');
    expect(noteText(edited)).toBe('');
    expect(noteTags(edited)).toEqual(['later']);
    expect(edited.modified).toBe(LATER.toISOString());
    expect({ ...edited, body: n.body, motivation: n.motivation, modified: n.modified }).toEqual(n);
  });

  test('splitTags reads what the reader types in the tag field', () => {
    expect(splitTags('a, b,,  c d ,A')).toEqual(['a', 'b', 'c d']);
  });

  test('a stored note parses back identical', () => {
    const n = note({ text: 'x', tags: ['t'] });
    const parsed = parseNote(JSON.parse(JSON.stringify(n)));
    expect(parsed).toEqual({ ok: true, note: n });
  });

  test.each([
    [
      'a javascript: source',
      (n: Spoilable) => (n.target.source = 'javascript:alert(1)'),
      'target.source',
    ],
    [
      'an empty quote',
      (n: Spoilable) => (n.target.selector[0].exact = ''),
      'target.selector.0.exact',
    ],
    [
      'a position that ends before it starts',
      (n: Spoilable) => (n.target.selector[1] = { type: 'TextPositionSelector', start: 9, end: 3 }),
      'target.selector',
    ],
    ['a made-up date', (n: Spoilable) => (n.created = 'yesterday'), 'created'],
    ['an id that is not an IRI', (n: Spoilable) => (n.id = 'not an iri'), 'id'],
    [
      'a body that is markup',
      (n: Spoilable) =>
        (n.body = [
          { type: 'TextualBody', purpose: 'commenting', value: 'x', format: 'text/html' },
        ]),
      'body.0',
    ],
    [
      'a huge tag',
      (n: Spoilable) =>
        (n.body = [{ type: 'TextualBody', purpose: 'tagging', value: 'x'.repeat(101) }]),
      'body.0.value',
    ],
    ['an unknown motivation', (n: Spoilable) => (n.motivation = 'moderating'), 'motivation'],
  ])('refuses %s, naming the field', (_name, spoil, field) => {
    const n = JSON.parse(JSON.stringify(note({ text: 'x' })));
    spoil(n);
    const parsed = parseNote(n);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problems.join('\n')).toContain(field);
  });
});

describe('lists of notes', () => {
  test('page order follows the text position; a note without one goes last', () => {
    const a = note({ position: { start: 500, end: 510 } });
    const b = note({ position: { start: 10, end: 20 } });
    const c = note({ position: undefined });
    expect(inPageOrder([a, c, b]).map((n) => n.id)).toEqual([b.id, a.id, c.id]);
  });

  test('search finds words in the text, quote, title and site, and #tags exactly', () => {
    const n = note({ text: 'Check the soya bean numbers', tags: ['trade', 'follow up'] });
    expect(matchesSearch(n, 'soya numbers')).toBe(true);
    expect(matchesSearch(n, 'VERY good')).toBe(true);
    expect(matchesSearch(n, 'straitstimes')).toBe(true);
    expect(matchesSearch(n, '#trade')).toBe(true);
    expect(matchesSearch(n, '#trad')).toBe(false);
    expect(matchesSearch(n, 'fentanyl')).toBe(false);
    expect(noteQuote(n).exact).toBe('very good');
  });
});
