/**
 * The JSON-LD export against the rules of the W3C Web Annotation Data Model
 * (https://www.w3.org/TR/annotation-model/), written out as checks:
 *  §3.1  an Annotation MUST have an id (IRI), a type including "Annotation", and 1+ targets;
 *        its motivation, if given, MUST be one of the model's motivations;
 *  §3.2.4 an Embedded Textual Body MUST have a value (one string); type "TextualBody";
 *        purpose, if given, is one of the motivations;
 *  §4    a Specific Resource MUST have exactly one source (IRI); selectors of one resource
 *        describe the same segment;
 *  §4.2.4 a TextQuoteSelector MUST have exactly one exact; prefix/suffix at most one each;
 *  §4.2.6 a TextPositionSelector MUST have start and end, non-negative integers, counted in
 *        Unicode code points, start <= end;
 *  §5    the context MUST be http://www.w3.org/ns/anno.jsonld;
 *  §5.1  an AnnotationCollection MUST have an id (IRI) and type "AnnotationCollection"; total,
 *        if given, is a non-negative integer; a collection with total > 0 has `first`;
 *  §5.2  an AnnotationPage MUST have an id, type "AnnotationPage" and items (the annotations);
 *        startIndex, if given, is a non-negative integer.
 */
import { describe, expect, it } from 'vitest';
import { ANNO_CONTEXT, exportJsonLd } from '../../src/annotations/export-jsonld';
import { loadPacks } from '../../src/annotations/packs';
import { canonicalText } from '../../src/annotations/text';

const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const isIri = (s: unknown) =>
  typeof s === 'string' && /^[a-z][a-z0-9+.-]*:[^\s<>"{}|\\^`]+$/i.test(s);
const isNonNegInt = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;
const types = (v: unknown) => (Array.isArray(v) ? v : [v]);

const pack = loadPacks().packs[0];
if (!pack) throw new Error('seed pack missing');
// Round-trip through JSON: the export must be plain JSON.
const PACK_WRITTEN = '2025-11-25T12:00:00.000Z';
const doc = JSON.parse(JSON.stringify(exportJsonLd(pack, PACK_WRITTEN)));
const text = canonicalText(pack.article);
const cps = Array.from(text);

describe('JSON-LD export (W3C Web Annotation Data Model)', () => {
  it('is an AnnotationCollection with the anno.jsonld context (§5, §5.1)', () => {
    expect(doc['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(ANNO_CONTEXT).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(isIri(doc.id)).toBe(true);
    expect(types(doc.type)).toContain('AnnotationCollection');
    expect(typeof doc.label).toBe('string');
    expect(isNonNegInt(doc.total)).toBe(true);
  });

  it('has a first AnnotationPage holding every annotation (§5.1, §5.2)', () => {
    const page = doc.first;
    expect(doc.total).toBeGreaterThan(0);
    expect(isIri(page.id)).toBe(true);
    expect(types(page.type)).toContain('AnnotationPage');
    expect(Array.isArray(page.items)).toBe(true);
    expect(isNonNegInt(page.startIndex)).toBe(true);
    // The W3C annotation-model tests want partOf as an object naming the collection.
    expect(page.partOf).toEqual({ id: doc.id, label: doc.label, total: doc.total });
    const mentions = pack.entities.reduce((n, e) => n + e.mentions.length, 0);
    const sources = pack.sources?.sources.length ?? 0;
    expect(sources).toBeGreaterThan(0);
    expect(page.items).toHaveLength(mentions + pack.claims.length + pack.timeline.length + sources);
    expect(doc.total).toBe(page.items.length);
  });

  it('gives every Annotation its created time and creator (the pack authors)', () => {
    for (const item of doc.first.items) {
      expect(item.created).toBe(PACK_WRITTEN);
      expect(item.creator).toEqual({ type: 'Organization', name: 'Gloss annotation pack authors' });
    }
  });

  it('gives every Annotation a unique IRI id, the Annotation type, a known motivation (§3.1)', () => {
    const ids = new Set<string>();
    for (const a of doc.first.items) {
      expect(isIri(a.id)).toBe(true);
      expect(ids.has(a.id)).toBe(false);
      ids.add(a.id);
      expect(types(a.type)).toContain('Annotation');
      expect(MOTIVATIONS).toContain(a.motivation);
      expect(a.target).toBeDefined();
    }
  });

  it('uses Textual Bodies with one string value and a known purpose (§3.2.4)', () => {
    for (const a of doc.first.items) {
      for (const b of types(a.body)) {
        if (b.type === 'SpecificResource') continue; // A linked page: checked below.
        expect(b.type).toBe('TextualBody');
        expect(typeof b.value).toBe('string');
        expect(b.value.length).toBeGreaterThan(0);
        expect(MOTIVATIONS).toContain(b.purpose);
        expect(b.format).toBe('text/plain');
      }
    }
  });

  it('targets the canonical URL with a quote and a position selector for the same span (§4, §4.2)', () => {
    for (const a of doc.first.items) {
      for (const t of types(a.target)) {
        expect(t.source).toBe(pack.article.canonicalUrl);
        expect(isIri(t.source)).toBe(true);
        const [quote, position] = t.selector;
        expect(quote.type).toBe('TextQuoteSelector');
        expect(typeof quote.exact).toBe('string');
        expect(typeof quote.prefix).toBe('string');
        expect(typeof quote.suffix).toBe('string');
        expect(position.type).toBe('TextPositionSelector');
        expect(isNonNegInt(position.start) && isNonNegInt(position.end)).toBe(true);
        expect(position.start).toBeLessThanOrEqual(position.end);
        // Positions count code points (§4.2.6): slicing the code points gives the quote.
        expect(cps.slice(position.start, position.end).join('')).toBe(quote.exact);
      }
    }
  });

  it('identifies entity mentions and describes claims and timeline events', () => {
    const byId = new Map(doc.first.items.map((a: { id: string }) => [a.id, a]));
    const base = doc.id;
    expect(byId.get(`${base}:m-trump-1`)).toMatchObject({ motivation: 'identifying' });
    expect(byId.get(`${base}:c01`)).toMatchObject({ motivation: 'describing' });
    expect(byId.get(`${base}:t-call`)).toMatchObject({ motivation: 'describing' });
  });

  it('carries each source as a linking annotation: its claims as targets, its citations as linked pages (§3.1, §4)', () => {
    const byId = new Map(doc.first.items.map((a: { id: string }) => [a.id, a]));
    for (const source of pack.sources?.sources ?? []) {
      const a = byId.get(`${doc.id}:${source.id}`) as {
        motivation: string;
        body: Array<{ type: string; source?: string; purpose: string; value?: string }>;
        target: unknown;
      };
      expect(a.motivation).toBe('linking');
      const linked = a.body.filter((b) => b.type === 'SpecificResource');
      const urls = new Set([
        ...source.citations.map((c) => c.url),
        ...source.passages.flatMap((p) => p.citations.map((c) => c.url)),
      ]);
      expect(new Set(linked.map((b) => b.source))).toEqual(urls);
      for (const b of linked) {
        expect(b.purpose).toBe('linking');
        expect(b.source?.startsWith('https://')).toBe(true);
      }
      const exacts = types(a.target).map(
        (t: { selector: Array<{ exact?: string }> }) => t.selector[0]?.exact,
      );
      const claimed = [...new Set(source.uses.map((u) => u.claim))].map(
        (id) => pack.claims.find((c) => c.id === id)?.target.quote.exact,
      );
      expect(exacts).toEqual(claimed);
      for (const p of source.passages)
        expect(a.body.some((b) => b.value?.includes(p.text))).toBe(true);
    }
  });

  it('counts positions in code points even when the text has astral characters', () => {
    const p = structuredClone(pack);
    const first = p.article.text.paragraphs[0];
    if (!first) throw new Error('no paragraphs');
    // Shift everything by one astral character (2 UTF-16 units, 1 code point) at the start.
    first.text = `😀${first.text}`;
    p.article.standfirst = first.text;
    const shift = (t: { position: { start: number; end: number } }) => {
      t.position.start += 2;
      t.position.end += 2;
    };
    for (const e of p.entities) for (const m of e.mentions) shift(m.target);
    const out = exportJsonLd(p, PACK_WRITTEN);
    const a = out.first.items[0];
    const target = Array.isArray(a?.target) ? a?.target[0] : a?.target;
    const position = target?.selector[1];
    const original = pack.entities[0]?.mentions[0]?.target.position;
    expect(position?.start).toBe((original?.start ?? 0) + 1);
  });
});
