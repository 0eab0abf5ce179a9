/**
 * Recognition up to the engine, on the fixture pages and on copies of the article at addresses
 * Gloss does not know: what the gate reads of a page, and what the background makes of it. The
 * text decides; the address and the metadata only speed it up.
 */
import { describe, expect, test } from 'vitest';
import { loadPacks } from '../../src/annotations/packs';
import { openingScope, PageRead, probeMetadata } from '../../src/content/gate-read';
import { matchPatterns } from '../../src/detection/catalogue-build';
import { isProbeShingle } from '../../src/detection/probe';
import { newProbeShingles } from '../../src/detection/probe-text';
import { FIXTURE_PAGES, fixture } from '../../tools/browsers/fixtures';
import { fixtureDocument } from '../helpers/fixture-dom';
import { answerProbes, gateProbes, probeFixture } from '../helpers/probe';

const ARTICLE = '2025-11-24-trump-xi-call';
const SUPPORTED = matchPatterns(loadPacks().packs);

describe('the fixture pages', () => {
  test.each(FIXTURE_PAGES.map((p) => [p.situation, p.expect] as const))(
    '%s (%s)',
    (situation, expected) => {
      const page = fixture(situation);
      if (expected === 'on-request') {
        // No gate on a site Gloss does not support: only the reader's request reads it.
        expect(SUPPORTED).not.toContain(`https://${page.host}/*`);
        expect(probeFixture(situation, true)).toMatchObject({ articleId: ARTICLE, by: 'text' });
        return;
      }
      const answer = probeFixture(situation);
      if (expected === 'article' || expected === 'partial') {
        expect(answer).toMatchObject({ verdict: 'candidate', articleId: ARTICLE });
      } else {
        expect(answer.verdict).toBe('none');
      }
    },
  );

  test('how each is found: the address first, then the metadata, then the text', () => {
    expect(probeFixture('canonical')).toMatchObject({ by: 'url' });
    expect(probeFixture('paywall')).toMatchObject({ by: 'metadata' });
    for (const situation of ['syndicated-layout', 'edited-copy', 'live-blog'])
      expect(probeFixture(situation), situation).toMatchObject({ by: 'text' });
  });

  test('a copy framed inside another site is not read, even when the reader asks', () => {
    expect(probeFixture('framed-article', true).verdict).toBe('none');
  });
});

/** The canonical page as another address of the same site would serve it, metadata and all. */
function copyAt(url: string, edit: (doc: Document) => void = () => {}) {
  const { doc } = fixtureDocument('canonical');
  for (const el of doc.querySelectorAll(
    'link[rel="canonical"], meta[property="og:url"], script[type="application/ld+json"]',
  ))
    el.remove();
  edit(doc);
  return answerProbes(gateProbes(doc, url));
}

describe('copies at addresses Gloss does not know', () => {
  const paths = {
    'another section': '/world/asia/xi-tells-trump-taiwan-return-is-key-to-post-war-order',
    AMP: '/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports/amp',
    print: '/print/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key',
  };
  test.each(Object.entries(paths))('%s path: found by its text', (_, path) => {
    expect(copyAt(`https://www.straitstimes.com${path}`)).toMatchObject({
      verdict: 'candidate',
      articleId: ARTICLE,
      by: 'text',
    });
  });

  test('with a rewritten headline and no og:type (a print page): still found by its text', () => {
    const answer = copyAt('https://www.straitstimes.com/print/x', (doc) => {
      doc.querySelector('meta[property="og:type"]')?.remove();
      doc.querySelector('meta[property="og:title"]')?.remove();
      const h1 = doc.querySelector('h1');
      if (h1) h1.textContent = 'Taiwan is central to post-war order, Xi tells Trump in call';
    });
    expect(answer).toMatchObject({ verdict: 'candidate', by: 'text' });
  });

  test('cut after two body paragraphs (a paywall): still a candidate; after one: not', () => {
    const cutAfter = (n: number) =>
      copyAt('https://www.straitstimes.com/paywalled/x', (doc) => {
        // A rewritten headline, so that only the text speaks.
        for (const el of doc.querySelectorAll('h1, meta[property="og:title"]')) el.remove();
        const ps = [...doc.querySelectorAll('.st-body > p, .st-body > h2')];
        for (const p of ps.slice(n)) p.remove();
      });
    expect(cutAfter(2)).toMatchObject({ verdict: 'candidate', by: 'text' });
    expect(cutAfter(1).verdict).toBe('none');
  });
});

describe("the gate's read", () => {
  const readOf = (situation: string, requested = false) => {
    const { doc, url } = fixtureDocument(situation);
    const read = new PageRead(probeMetadata(doc, url), requested);
    const scope = openingScope(doc, read);
    if (scope) read.queue.push(scope);
    return { doc, read };
  };

  test('says what a page declares itself: article, live page or neither', () => {
    expect(readOf('canonical').read.meta.kind).toBe('article');
    expect(readOf('live-blog').read.meta.kind).toBe('live');
    expect(readOf('section-front').read.meta.kind).toBe('other');
  });

  test('reads only the opening of a page that does not declare itself an article', () => {
    const { read } = readOf('section-front');
    read.readSlice(Number.POSITIVE_INFINITY);
    expect(read.chars).toBeGreaterThan(1000);
    expect(read.chars).toBeLessThan(12_000 + 2_000);
    const { doc, read: asked } = readOf('section-front', true);
    asked.readSlice(Number.POSITIVE_INFINITY);
    expect(asked.chars).toBeGreaterThan(read.chars);
    expect(asked.chars).toBeLessThanOrEqual((doc.body.textContent ?? '').length);
  });

  test('leaves out scripts, styles, navigation and footers', () => {
    const { doc, read } = readOf('canonical');
    read.readSlice(Number.POSITIVE_INFINITY);
    const all = doc.body.textContent?.length ?? 0;
    const skipped = [...doc.body.querySelectorAll('script, style, nav, footer')].reduce(
      (n, el) => n + (el.textContent?.length ?? 0),
      0,
    );
    expect(skipped).toBeGreaterThan(0);
    expect(read.chars).toBeLessThanOrEqual(all - skipped);
  });

  test('each probe shingle counts once: text read again adds nothing', () => {
    const { doc, read } = readOf('canonical');
    read.readSlice(Number.POSITIVE_INFINITY);
    read.collect();
    const counted = new Set<number>();
    const first = newProbeShingles(read.pending.splice(0), counted);
    expect(first.length).toBeGreaterThan(50);
    expect(first.every(isProbeShingle)).toBe(true);
    expect(new Set(first).size).toBe(first.length);
    // The page re-renders its body with new nodes holding the same text: read, and counted as nothing new.
    const body = doc.querySelector('.st-body');
    const copy = body?.cloneNode(true) as Element;
    body?.replaceWith(copy);
    read.queue.push(copy);
    read.readSlice(Number.POSITIVE_INFINITY);
    read.collect();
    expect(read.pending.length).toBeGreaterThan(0);
    expect(newProbeShingles(read.pending.splice(0), counted)).toEqual([]);
  });

  test('a probe takes at most its share of the text, cut at a space, and the rest stays', () => {
    const { read } = readOf('canonical');
    read.readSlice(Number.POSITIVE_INFINITY);
    read.collect();
    const all = read.pending.join('');
    const taken: string[][] = [];
    while (read.pending.length > 0) taken.push(read.take(500));
    expect(taken.length).toBeGreaterThan(1);
    for (const probe of taken) expect(probe.join('').length).toBeLessThanOrEqual(500);
    expect(taken.flat().join('')).toBe(all);
  });

  test('a slice ends at its deadline and the next one carries on where it stopped', () => {
    const { read } = readOf('live-blog');
    expect(read.readSlice(performance.now() - 1)).toBe(false);
    const after = read.chars;
    expect(after).toBeGreaterThan(0);
    while (!read.readSlice(performance.now() + 1000)) {}
    const { read: whole } = readOf('live-blog');
    whole.readSlice(Number.POSITIVE_INFINITY);
    expect(read.chars).toBe(whole.chars);
  });
});
