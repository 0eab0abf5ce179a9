import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { readPage, recognise } from '../../src/content/article-root';
import { judgePage } from '../../src/detection/judge';
import { fingerprintArticle } from '../../src/detection/paragraphs';
import { fixtureDocument } from '../helpers/fixture-dom';
import { probeFixture } from '../helpers/probe';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
const fingerprint = fingerprintArticle(pack.article.text.paragraphs);

/** The whole detection as the gate, the background and the engine run it, on a fixture page. */
function detectOn(situation: string) {
  const { doc } = fixtureDocument(situation);
  const answer = probeFixture(situation);
  const match = answer.verdict === 'candidate' ? answer : null;
  const named = match?.by === 'url' || match?.by === 'metadata';
  const found = recognise(doc.body, fingerprint, { named, requested: false });
  return { match, judgement: found?.judgement ?? null, root: found?.region ?? null };
}

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
