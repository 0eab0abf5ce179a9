import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { exportNotes } from '../../src/notes/export';
import { importIsPartial, MAX_FILE_CHARS, planImport, readNotesFile } from '../../src/notes/import';
import {
  ANNO_CONTEXT,
  editNote,
  notePosition,
  noteQuote,
  noteTags,
  noteText,
} from '../../src/notes/model';
import { freshId, LATER, NOW, note } from './helpers';

/** The i-th element, or the test fails here. */
function nth<T>(list: readonly T[], i: number): T {
  const item = list[i];
  if (item === undefined) throw new Error(`no item ${i}`);
  return item;
}

const hypothesisExport = readFileSync(
  resolve(import.meta.dirname, '../fixtures/notes/hypothesis-export.json'),
  'utf8',
);
const read = (json: unknown) =>
  readNotesFile(typeof json === 'string' ? json : JSON.stringify(json), LATER, freshId);

const sample = () => [
  note({ text: 'Line one\nline two', tags: ['Taiwan', 'trade'] }),
  note({
    quote: { exact: 'soya beans', prefix: 'purchases of ', suffix: ' and' },
    position: { start: 200, end: 210 },
  }),
  note({
    url: 'https://example.org/blog/post?id=3',
    title: 'A blog',
    articleId: undefined,
    position: undefined,
    text: '“Quoted” <b>not markup</b> & emoji 🦉',
  }),
];

describe('export: a W3C AnnotationCollection', () => {
  const notes = sample();
  const doc = JSON.parse(
    JSON.stringify(
      exportNotes(notes, 'All notes', 'urn:uuid:c0ffee00-0000-4000-8000-000000000001', NOW),
    ),
  );

  test('has the anno.jsonld context, a total, and one page naming its collection as an object', () => {
    expect(doc['@context'][0]).toBe(ANNO_CONTEXT);
    expect(doc.type).toBe('AnnotationCollection');
    expect(doc.total).toBe(3);
    expect(doc.first.type).toBe('AnnotationPage');
    expect(doc.first.partOf).toEqual({ id: doc.id, label: 'All notes', total: 3 });
    expect(doc.first.items).toHaveLength(3);
  });

  test('each annotation has created, modified and a creator (the reader on this device)', () => {
    for (const item of doc.first.items) {
      expect(item.created).toBe(NOW.toISOString());
      expect(item.modified).toBe(NOW.toISOString());
      expect(item.creator).toEqual({ type: 'Person', name: 'Gloss reader (this device)' });
    }
  });

  test('a round trip gives back identical notes and is recognised as Gloss’s own', () => {
    const back = read(doc);
    expect(back).toEqual({ ok: true, kind: 'gloss', notes, rejected: [], total: 3 });
  });

  test('an edited note survives the round trip with its modified time', () => {
    const edited = editNote(nth(notes, 0), { text: 'new\nwords', tags: ['x'] }, LATER);
    const again = read(
      exportNotes([edited], 'One', 'urn:uuid:c0ffee00-0000-4000-8000-000000000002', NOW),
    );
    expect(again.ok && again.notes).toEqual([edited]);
  });
});

describe('import: W3C annotations from other tools', () => {
  test('a single annotation with one body object, a source object and a selector object', () => {
    const file = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'http://example.org/anno/1',
      type: 'Annotation',
      body: { type: 'TextualBody', value: 'A comment' },
      target: {
        source: { id: 'https://example.org/page' },
        selector: { type: 'TextQuoteSelector', exact: 'quoted words' },
      },
    };
    const result = read(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe('w3c');
    expect(nth(result.notes, 0).id).toBe('http://example.org/anno/1');
    expect(noteText(nth(result.notes, 0))).toBe('A comment');
    expect(noteQuote(nth(result.notes, 0))).toEqual({
      type: 'TextQuoteSelector',
      exact: 'quoted words',
      prefix: '',
      suffix: '',
    });
    expect(nth(result.notes, 0).created).toBe(LATER.toISOString());
  });

  test('the pack export (an AnnotationCollection of Gloss’s own annotations) reads as notes on text', async () => {
    const { exportJsonLd } = await import('../../src/annotations/export-jsonld');
    const { loadPacks } = await import('../../src/annotations/packs');
    const pack = nth(loadPacks().packs, 0);
    const result = read(exportJsonLd(pack, '2025-11-25T00:00:00.000Z'));
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.notes.length + result.rejected.length).toBe(result.total);
  });
});

describe('import: the Hypothesis client’s export', () => {
  const result = read(hypothesisExport);

  test('annotations on text become notes; the quote, position, text, tags, times and title are kept', () => {
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.kind).toBe('hypothesis');
    expect(result.total).toBe(4);
    expect(nth(result.notes, 0).id).toBe('https://hypothes.is/a/Kq0vJt3zEe-9AxvNd7_Qjw');
    expect(noteText(nth(result.notes, 0))).toBe(
      'Compare with the **White House** readout.\n\nDifferent emphasis.',
    );
    expect(noteTags(nth(result.notes, 0))).toEqual(['Taiwan', 'readouts']);
    expect(noteQuote(nth(result.notes, 0)).prefix).toBe('the statement said. “');
    expect(notePosition(nth(result.notes, 0))).toEqual({
      type: 'TextPositionSelector',
      start: 1204,
      end: 1300,
    });
    expect(nth(result.notes, 0).created).toBe('2026-11-25T08:01:13.214952+00:00');
    expect(nth(result.notes, 0).modified).toBe('2026-11-25T08:04:51.093112+00:00');
    expect(nth(result.notes, 0).creator).toEqual({ type: 'Person', name: 'A Reader' });
    expect(nth(result.notes, 0).pageTitle).toContain('The Straits Times');
    expect(nth(result.notes, 1).motivation).toBe('highlighting');
    expect(nth(result.notes, 1).creator?.name).toBe('acct:reader@hypothes.is');
  });

  test('a page note and a reply are refused with the reason; the import is then partial', () => {
    if (!result.ok) throw new Error('not read');
    expect(result.rejected).toEqual([
      { index: 2, id: 'Ms2xLv5bEe-1CzwPf9_Sly', problems: ['has no quoted text (a page note)'] },
      {
        index: 3,
        id: 'Nt3yMw6cEe-2DaxQg0_Tmz',
        problems: ['is a reply to another annotation (Gloss keeps notes on text)'],
      },
    ]);
    expect(importIsPartial(result, planImport([], result.notes))).toBe(true);
  });

  test('an API search result ({ total, rows }) and a bare list read the same', () => {
    const annotations = JSON.parse(hypothesisExport).annotations;
    const rows = read({ total: annotations.length, rows: annotations });
    const list = read(annotations);
    expect(rows.ok && rows.notes).toEqual(result.ok && result.notes);
    expect(list.ok && list.notes).toEqual(result.ok && result.notes);
  });
});

describe('import: malformed and hostile files', () => {
  const good = () =>
    JSON.parse(
      JSON.stringify(
        exportNotes(sample(), 'All', 'urn:uuid:c0ffee00-0000-4000-8000-000000000003', NOW),
      ),
    );
  const fileError = (json: unknown) => {
    const r = read(json);
    return r.ok ? `read ${r.notes.length}` : r.error;
  };

  test.each([
    ['not JSON', '{"@context": ', 'not JSON'],
    ['a number', 42, 'expected a JSON object'],
    [
      'an unrelated JSON object',
      { name: 'package', version: '1.0.0' },
      'neither a W3C Web Annotation file nor a Hypothesis export',
    ],
    [
      'another context',
      { '@context': 'https://schema.org', type: 'AnnotationCollection' },
      '"@context"',
    ],
    [
      'a collection that links to its page',
      {
        '@context': ANNO_CONTEXT,
        type: 'AnnotationCollection',
        total: 3,
        first: 'https://x.org/p1',
      },
      'only names its first page',
    ],
    [
      'a collection split over pages',
      { ...good(), first: { ...good().first, next: 'https://x.org/p2' } },
      'continues on other pages',
    ],
    ['a file too large', ' '.repeat(MAX_FILE_CHARS + 1), 'too large'],
    ['an empty list', [], 'holds no annotations'],
  ])('%s: refused with a clear error', (_name, json, message) => {
    expect(fileError(json)).toContain(message);
  });

  test('hostile items are refused one by one, naming the item and what is wrong', () => {
    const doc = good();
    doc.first.items[0].target.source = 'javascript:alert(document.cookie)';
    doc.first.items[1].body = [
      {
        type: 'TextualBody',
        purpose: 'commenting',
        value: '<img src=x onerror=alert(1)>',
        format: 'text/html',
      },
    ];
    // JSON.parse makes "__proto__" an own key, as a hostile file would.
    doc.first.items[2] = JSON.parse(
      `{"__proto__": {"polluted": true}, ${JSON.stringify(doc.first.items[2]).slice(1)}`,
    );
    const result = read(doc);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rejected.map((r) => r.index)).toEqual([0, 1]);
    expect(nth(result.rejected, 0).problems.join()).toContain(
      'target.source: is not a web page address',
    );
    expect(nth(result.rejected, 1).problems.join()).toContain('body.0');
    expect(result.notes).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(nth(result.notes, 0))).not.toContain('__proto__');
  });

  test('an id twice in one file is refused the second time', () => {
    const doc = good();
    doc.first.items[1].id = doc.first.items[0].id;
    const result = read(doc);
    expect(result.ok && result.rejected).toEqual([
      { index: 1, id: doc.first.items[0].id, problems: ['appears twice in the file'] },
    ]);
  });
});

describe('planning an import: nothing is overwritten', () => {
  test('new notes are added; identical ones skipped; a different note with the same id is left alone', () => {
    const [a, b, c] = sample() as [
      ReturnType<typeof note>,
      ReturnType<typeof note>,
      ReturnType<typeof note>,
    ];
    const mineB = editNote(b, { text: 'my own edit', tags: [] }, LATER);
    const plan = planImport([a, mineB], [a, b, c]);
    expect(plan.add).toEqual([c]);
    expect(plan.same).toEqual([a]);
    expect(plan.conflicts).toEqual([b]);
  });
});
