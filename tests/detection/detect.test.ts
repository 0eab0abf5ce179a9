import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { readPage, recognise } from '../../src/content/article-root';
import { readPageMetadata } from '../../src/content/metadata';
import {
  type ArticleSignature,
  gate,
  headlineSimilarity,
  leadShingles,
  normaliseUrl,
  probeLead,
} from '../../src/detection/detect';
import { judgePage } from '../../src/detection/judge';
import { fingerprintArticle } from '../../src/detection/paragraphs';
import { fixtureDocument } from '../helpers/fixture-dom';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
const signature: ArticleSignature = {
  id: pack.article.id,
  headline: pack.article.headline,
  canonicalUrl: pack.article.canonicalUrl,
  urls: pack.article.sites.flatMap((s) => s.urls),
  lead: leadShingles(pack.article.text.paragraphs),
};
const fingerprint = fingerprintArticle(pack.article.text.paragraphs);

/** The whole detection as the engine runs it, on a fixture page. */
function detectOn(situation: string) {
  const { doc, url } = fixtureDocument(situation);
  const match = gate(readPageMetadata(doc, url), [signature]);
  const named = match?.by === 'url' || match?.by === 'metadata';
  const found = recognise(doc.body, fingerprint, { named, requested: false });
  return { match, judgement: found?.judgement ?? null, root: found?.region ?? null };
}

describe('the gate', () => {
  test('compares URLs without query, fragment, trailing slash or .html', () => {
    expect(normaliseUrl('https://WWW.Example.com/a/b.html?x=1#y')).toBe('www.example.com/a/b');
    expect(normaliseUrl('not a url')).toBeNull();
  });

  test('matches the article by URL, by canonical link, and by headline', () => {
    expect(detectOn('canonical').match?.by).toBe('url');
    expect(detectOn('paywall').match?.by).toBe('metadata');
    expect(detectOn('syndicated-layout').match?.by).toBe('headline');
  });

  test('headline similarity tolerates edits but not another story', () => {
    expect(
      headlineSimilarity(
        pack.article.headline,
        "China's Xi tells Trump Taiwan's return key to post-war order: Xinhua",
      ),
    ).toBeGreaterThan(0.8);
    expect(
      headlineSimilarity(pack.article.headline, 'US Senate passes stopgap funding bill'),
    ).toBeLessThan(0.2);
  });

  test('does not match other articles, section fronts or opinion pages by metadata', () => {
    for (const situation of ['other-article', 'section-front', 'quoting-page']) {
      expect(detectOn(situation).match, situation).toBeNull();
    }
  });

  test('the lead probe finds a copy whose URL and headline it does not know', () => {
    const { doc } = fixtureDocument('edited-copy');
    const opening = [...doc.querySelectorAll('article p')].map((p) => p.textContent).join(' ');
    expect(probeLead(opening, [signature])).toBe(pack.article.id);
    const other = fixtureDocument('other-article').doc;
    expect(probeLead(other.body.textContent ?? '', [signature])).toBeNull();
  });
});

describe('the text judgement', () => {
  test('recognises the article as published and syndicated', () => {
    for (const situation of ['canonical', 'syndicated-layout', 'long-page', 'unsupported-site']) {
      const { judgement } = detectOn(situation);
      expect(judgement?.verdict, situation).toBe('article');
      expect(judgement?.coverage, situation).toBe(1);
    }
  });

  test('recognises the edited US-style copy by text alone', () => {
    const { judgement } = detectOn('edited-copy');
    expect(judgement?.verdict).toBe('article');
    expect(judgement?.coverage).toBeGreaterThan(0.7);
  });

  test('a paywall cut is partial: the leading paragraphs, nothing else', () => {
    const { judgement } = detectOn('paywall');
    expect(judgement?.verdict).toBe('partial');
    expect(judgement?.present).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(judgement?.leadingBody).toBe(3);
  });

  test('the same cut at an address Gloss does not know is still the article, cut', () => {
    const { doc } = fixtureDocument('paywall');
    const [judgement] = judgePage(readPage(doc.body, fingerprint).hits, {
      named: false,
      requested: false,
    });
    expect(judgement?.verdict).toBe('partial');
    expect(judgement?.leadingBody).toBe(3);
  });

  test('a page quoting two paragraphs is not the article', () => {
    expect(detectOn('quoting-page').judgement).toBeNull();
  });

  test('a section front listing the headline and standfirst is not the article', () => {
    expect(detectOn('section-front').judgement).toBeNull();
  });

  test('anchors in the smallest container that holds the article, not the whole page', () => {
    const { root } = detectOn('canonical');
    expect(root?.localName).not.toBe('body');
    expect(root?.textContent).toContain('Trade terms');
  });
});
