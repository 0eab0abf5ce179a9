import { describe, expect, it } from 'vitest';
import { catalogue } from '../../bench/lib/catalogue';
import { answerAll, probesOf, syndicatedCopyHtml } from '../../bench/lib/scale';
import { packById } from '../../src/annotations/packs';
import { ProbeSessions } from '../../src/background/probe-sessions';
import { catalogueArticle } from '../../src/detection/catalogue-build';
import { CatalogueIndex } from '../../src/detection/catalogue-index';
import { buildCatalogueIndex } from '../../src/detection/catalogue-index-build';
import { PROBE_MAX_CHARS } from '../../src/detection/probe';

const real = packById('2025-11-24-trump-xi-call');
if (!real) throw new Error('seed pack missing');
const packs = [...catalogue(40, real)];
const COPY = 'https://www.businesstimes.com.sg/international/global/a-copy';

describe('the scale benchmark', () => {
  it('splits a read into probes as the gate does: metadata first, at most the maximum each', () => {
    const half = 'word '.repeat(PROBE_MAX_CHARS / 10);
    const read = {
      ms: 1,
      url: COPY,
      meta: { titles: ['A headline'], kind: 'article' as const },
      text: [half, half, half],
    };
    const probes = probesOf(read);
    expect(probes.map((p) => [p.seq, p.text.length, Boolean(p.meta), p.done])).toEqual([
      [0, 2, true, false],
      [1, 1, false, true],
    ]);
    expect(probesOf({ ...read, text: [] })).toHaveLength(1);
  });

  it('the background names the real article from a copy known by its text only', () => {
    const text = real.article.text.paragraphs.map((p) => p.text).join(' ');
    const read = {
      ms: 1,
      url: COPY,
      meta: { titles: ['Leaders talk trade'], kind: 'article' as const },
      text: [text],
    };
    const index = new CatalogueIndex(buildCatalogueIndex(packs.map(catalogueArticle)));
    expect(answerAll(new ProbeSessions(index), probesOf(read))).toEqual({
      verdict: 'candidate',
      articleId: real.article.id,
      by: 'text',
    });
    const other = {
      ...read,
      text: ['Nothing of the article is here at all, really.'],
    };
    expect(answerAll(new ProbeSessions(index), probesOf(other)).verdict).toBe('none');
  });

  it('the syndicated copy names neither the article address nor its headline', () => {
    const html = `<head><title>Old | ST</title><link rel="canonical" href="https://www.straitstimes.com/a">
<meta property="og:url" content="https://www.straitstimes.com/a"><meta property="og:title" content="Old headline">
<script type="application/ld+json">{"headline":"Old headline","url":"https://www.straitstimes.com/a"}</script></head>
<body><h1 class="headline">Old headline</h1><p>Body.</p></body>`;
    const copy = syndicatedCopyHtml(html, COPY);
    expect(copy).not.toContain('straitstimes.com/a');
    expect(copy).not.toContain('Old');
    expect(copy).toContain(`"url":"${COPY}"`);
    expect(copy).toContain('<p>Body.</p>');
  });
});
