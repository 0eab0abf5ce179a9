import { expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import { readPage, recogniseReading } from '../../src/content/article-root';
import { pageMentions } from '../../src/content/page-mentions';
import { fingerprintArticle } from '../../src/detection/paragraphs';
import { nameForms } from '../../src/highlights/page-mentions';
import { fixtureDocument } from '../helpers/fixture-dom';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');

test('the syndicated copy: names in its own headline and added note, inside its region only', () => {
  const { doc } = fixtureDocument('syndicated-cut');
  const reading = readPage(doc.body, fingerprintArticle(pack.article.text.paragraphs));
  const found = recogniseReading(reading, { named: false, requested: true });
  expect(found?.judgement.verdict).toBe('partial');
  if (!found) return;
  const mentions = pageMentions(reading, found.region, found.judgement, nameForms(pack));
  const where = mentions.map((m) => ({
    text: m.form.text,
    in: (m.range.startContainer.parentElement as Element).closest('h1, p')?.className || 'p',
  }));
  expect(where).toContainEqual({ text: 'Trump', in: 'headline' });
  expect(where).toContainEqual({ text: 'Xi', in: 'headline' });
  expect(where).toContainEqual({ text: 'Donald Trump', in: 'added' });
  expect(where).toContainEqual({ text: 'Xi', in: 'added' }); // in "Xi Jinping"
  // Descriptions are not names: "That deal" in the cut 9th paragraph stays plain.
  expect(where.map((w) => w.text)).not.toContain('That deal');
  // Never in the article's own paragraphs found on the page, never outside the region.
  const body = [...doc.querySelectorAll('#article-body p')].slice(1, 3);
  for (const m of mentions) {
    expect(found.region.contains(m.range.startContainer)).toBe(true);
    for (const p of body) expect(p.contains(m.range.startContainer)).toBe(false);
  }
});
