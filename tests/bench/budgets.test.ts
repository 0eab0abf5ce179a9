import { describe, expect, it } from 'vitest';
import { changingFrontHtml, FRONT_URL } from '../../bench/lib/budgets';
import { packById } from '../../src/annotations/packs';
import { leadShingles } from '../../src/detection/catalogue-keys';
import { shingles } from '../../src/detection/fingerprint';

const real = packById('2025-11-24-trump-xi-call');
if (!real) throw new Error('seed pack missing');

describe('the changing section front', () => {
  const html = changingFrontHtml();

  it('is a supported-site page that does not declare itself an article', () => {
    expect(html).toContain(`<link rel="canonical" href="${FRONT_URL}">`);
    expect(html).toContain('<meta property="og:type" content="website">');
    expect(html).not.toContain('NewsArticle');
  });

  it('keeps changing: a ticker, teasers appended, a comment streamed', () => {
    expect(html).toMatch(/ticker\.textContent = /);
    expect(html).toMatch(/list\.append\(a\)/);
    expect(html).toMatch(/text\.appendData\(/);
  });

  it('is seeded, and never shows the article lead', () => {
    expect(changingFrontHtml()).toBe(html);
    const text = html.replace(/<[^>]+>/g, ' ');
    const page = shingles(text);
    const lead = leadShingles(real.article.text.paragraphs);
    const shared = lead.filter((h) => page.has(h)).length;
    expect(shared / lead.length).toBeLessThan(0.05);
  });
});
