/**
 * The catalogue index: written from plain article data as the package file the background reads,
 * it names a candidate article from a page's address, its metadata, its headline or the opening
 * of its text, and nothing from a page that only shows the headline and standfirst, quotes the
 * article, or is another story.
 */
import { describe, expect, test } from 'vitest';
import { packById } from '../../src/annotations/packs';
import {
  catalogueArticle,
  catalogueIndexFile,
  matchPatterns,
  PACK_GLOBAL,
  packScript,
} from '../../src/detection/catalogue-build';
import { CatalogueIndex, TEXT_CANDIDATE } from '../../src/detection/catalogue-index';
import { buildCatalogueIndex } from '../../src/detection/catalogue-index-build';
import {
  CATALOGUE_INDEX_FILE,
  INDEX_FORMAT,
  INDEX_MAGIC,
} from '../../src/detection/catalogue-index-format';
import {
  type CatalogueArticle,
  headlineSimilarity,
  leadProbeShingles,
  leadShingles,
  normaliseUrl,
  urlKey,
} from '../../src/detection/catalogue-keys';
import { shingles } from '../../src/detection/fingerprint';
import { isProbeShingle } from '../../src/detection/probe';

const pack = packById('2025-11-24-trump-xi-call');
if (!pack) throw new Error('seed pack missing');
const real = catalogueArticle(pack);
const paragraphs = pack.article.text.paragraphs;
const body = paragraphs.filter((p) => p.role === 'body');

/** Another article of the same beat: same people and places, other sentences. */
const other: CatalogueArticle = {
  id: 'other-story',
  headline: 'US Senate passes stopgap funding bill as shutdown deadline looms',
  canonicalUrl:
    'https://www.straitstimes.com/world/united-states/us-senate-passes-stopgap-funding-bill',
  urls: [],
  paragraphs: [
    { role: 'standfirst', text: 'Lawmakers voted late on Friday to keep the government open.' },
    {
      role: 'body',
      text: 'The US Senate on Friday passed a stopgap bill that keeps federal agencies funded until the end of January, sending it to President Donald Trump for his signature.',
    },
    {
      role: 'body',
      text: 'Senators from both parties said the measure bought time to negotiate full-year spending bills, including money for defence and for aid to Taiwan and Ukraine.',
    },
    {
      role: 'body',
      text: 'Mr Trump said on social media that he would sign the bill, adding that talks with China on soya bean purchases were going well.',
    },
  ],
};

/** The index as the background reads it: the file's bytes. */
const indexOf = (articles: readonly CatalogueArticle[]) =>
  new CatalogueIndex(buildCatalogueIndex(articles));
const probeOf = (text: string) => [...shingles(text)].filter(isProbeShingle);
const hitsFor = (index: CatalogueIndex, text: string) => {
  const hits = new Map<number, number>();
  index.addLeadHits(probeOf(text), hits);
  return hits;
};

describe('addresses', () => {
  test('a URL is compared without scheme, query, fragment, trailing slash or .html', () => {
    expect(normaliseUrl('https://WWW.Example.com/a/b.html?x=1#y')).toBe('www.example.com/a/b');
    expect(normaliseUrl('not a url')).toBeNull();
    expect(urlKey('http://www.example.com/a/b/')).toBe(urlKey('https://www.example.com/a/b.html'));
    expect(urlKey('https://www.example.com/a/c')).not.toBe(urlKey('https://www.example.com/a/b'));
  });

  test('the canonical URL and the known copies name the article; other URLs nothing', () => {
    const index = indexOf([other, { ...real, urls: ['https://www.bloomberg.com/news/x'] }]);
    expect(index.idOf(index.byAddress(`${pack.article.canonicalUrl}?utm_source=x`) ?? -1)).toBe(
      real.id,
    );
    expect(index.idOf(index.byAddress('https://www.bloomberg.com/news/x/') ?? -1)).toBe(real.id);
    expect(index.byAddress('https://www.straitstimes.com/asia/')).toBeNull();
    expect(index.byAddress(undefined)).toBeNull();
  });

  test('one URL naming two articles, or one id twice, fails the build', () => {
    expect(() => buildCatalogueIndex([real, { ...other, urls: [real.canonicalUrl] }])).toThrow(
      /names two articles/,
    );
    expect(() => buildCatalogueIndex([real, real])).toThrow(/Two articles/);
  });
});

describe('headlines', () => {
  const index = indexOf([other, real]);

  test('an edited headline still names the article; another story does not', () => {
    const edited = "China's Xi tells Trump Taiwan's return key to post-war order: Xinhua";
    expect(headlineSimilarity(pack.article.headline, edited)).toBeGreaterThan(0.8);
    expect(index.idOf(index.byHeadline([edited]) ?? -1)).toBe(real.id);
    expect(index.byHeadline(['Trump says Xi call was very good, discussed soybeans'])).toBeNull();
    expect(index.byHeadline([])).toBeNull();
  });

  test('among many headlines sharing words, the best match, the first on a tie, as comparing with each', () => {
    const words = ['Xi', 'Trump', 'Taiwan', 'call', 'trade', 'soybeans', 'tariffs', 'Beijing'];
    const headlines = Array.from({ length: 300 }, (_, i) =>
      words.filter((_, k) => (i * 7 + k * 3) % 5 !== 0 || k === i % 8).join(' '),
    );
    const many = indexOf(
      headlines.map((headline, i) => ({
        ...other,
        id: `story-${i}`,
        headline,
        canonicalUrl: `https://www.example-news.test/story-${i}`,
        urls: [],
      })),
    );
    const reference = (titles: string[]) => {
      let best: { n: number; score: number } | null = null;
      headlines.forEach((headline, n) => {
        for (const title of titles) {
          const score = headlineSimilarity(headline, title);
          if (score >= 0.8 && (!best || score > best.score)) best = { n, score };
        }
      });
      return (best as { n: number } | null)?.n ?? null;
    };
    const titles = [
      [headlines[17] as string],
      ['Xi Trump Taiwan call trade soybeans tariffs'],
      ['Trump Taiwan', 'Xi Trump Taiwan call trade soybeans tariffs Beijing'],
      ['Nothing of the sort here'],
    ];
    for (const t of titles) expect(many.byHeadline(t), t.join(' | ')).toBe(reference(t));
    expect(titles.map((t) => many.byHeadline(t)).filter((n) => n !== null).length).toBeGreaterThan(
      1,
    );
  });
});

describe('the lead fingerprint', () => {
  test('covers the opening body paragraphs, not the standfirst', () => {
    const lead = new Set(leadShingles(paragraphs));
    for (const h of shingles(body[0]?.text ?? '')) expect(lead.has(h)).toBe(true);
    const standfirst = paragraphs.find((p) => p.role === 'standfirst')?.text ?? '';
    const fromStandfirst = [...shingles(standfirst)].filter((h) => lead.has(h));
    // A few 4-grams the standfirst shares with the body ("described his phone call with") only.
    expect(fromStandfirst.length).toBeLessThan(shingles(standfirst).size / 2);
  });

  test('keeps about a quarter of the shingles, chosen by the hash alone', () => {
    const all = leadShingles(paragraphs);
    const kept = leadProbeShingles(paragraphs);
    expect(kept.length).toBeGreaterThan(all.length / 6);
    expect(kept.length).toBeLessThan(all.length / 2.5);
    expect(kept.every(isProbeShingle)).toBe(true);
  });
});

describe('ranking by text', () => {
  const index = indexOf([other, real]);
  const text = (n: number) =>
    body
      .slice(0, n)
      .map((p) => p.text)
      .join('\n');

  test('the opening paragraphs name the article; two are enough', () => {
    for (const n of [2, 4, 8]) {
      const best = index.bestByText(hitsFor(index, text(n)), false);
      expect(best && index.idOf(best.article), `${n} paragraphs`).toBe(real.id);
    }
  });

  test('the same opening in US house style (no honorifics, soybeans, centered) still does', () => {
    const us = text(5)
      .replace(/\bM(r|s) /g, '')
      .replace(/soya beans/g, 'soybeans')
      .replace(/centred/g, 'centered')
      .replace(/[“”]/g, '"');
    const best = index.bestByText(hitsFor(index, us), false);
    expect(best && index.idOf(best.article)).toBe(real.id);
  });

  test('the first paragraph alone, the standfirst, or one quoted paragraph is not enough', () => {
    const standfirst = paragraphs.find((p) => p.role === 'standfirst')?.text ?? '';
    expect(index.bestByText(hitsFor(index, standfirst), false)).toBeNull();
    expect(index.bestByText(hitsFor(index, text(1)), false)).toBeNull();
    expect(index.bestByText(hitsFor(index, body[4]?.text ?? ''), false)).toBeNull();
    expect(index.bestByText(hitsFor(index, body[10]?.text ?? ''), false)).toBeNull();
  });

  test("the reader's request lowers the bar to about one paragraph, not to nothing", () => {
    const one = index.bestByText(hitsFor(index, text(1)), true);
    expect(one && index.idOf(one.article)).toBe(real.id);
    const unrelated = other.paragraphs.map((p) => p.text).join(' ');
    const best = index.bestByText(hitsFor(index, unrelated), true);
    expect(best && index.idOf(best.article)).toBe('other-story');
    expect(TEXT_CANDIDATE.requested.share).toBeLessThan(TEXT_CANDIDATE.automatic.share);
  });

  test('hits add up over several probes (a page read a little at a time)', () => {
    const hits = new Map<number, number>();
    for (const p of body.slice(0, 3)) index.addLeadHits(probeOf(p.text), hits);
    const best = index.bestByText(hits, false);
    expect(best && index.idOf(best.article)).toBe(real.id);
  });
});

describe('the package files', () => {
  test('the index file read back answers for each article, ids in any script', () => {
    const articles = [other, { ...real, id: 'ünïcode-论文-story', urls: [] }];
    const file = catalogueIndexFile([pack]);
    expect(file.fileName).toBe(CATALOGUE_INDEX_FILE);
    const fromPack = new CatalogueIndex(file.source.slice().buffer);
    expect(fromPack.size).toBe(1);
    expect(fromPack.idOf(fromPack.byAddress(pack.article.canonicalUrl) ?? -1)).toBe(real.id);
    const lead = body
      .slice(0, 3)
      .map((p) => p.text)
      .join(' ');
    expect(fromPack.bestByText(hitsFor(fromPack, lead), false)?.article).toBe(0);

    const index = indexOf(articles);
    expect(index.size).toBe(2);
    expect(index.idOf(index.byAddress(real.canonicalUrl) ?? -1)).toBe('ünïcode-论文-story');
    expect(index.idOf(index.byAddress(other.canonicalUrl) ?? -1)).toBe('other-story');
    expect(() => index.idOf(2)).toThrow(RangeError);
  });

  test('past 65 536 articles, article numbers take four bytes and still name each article', () => {
    const many = Array.from({ length: 2 ** 16 + 3 }, (_, i) => ({
      id: `story-${i}`,
      headline: `Story ${i}`,
      canonicalUrl: `https://www.example-news.test/${i}`,
      urls: [],
      paragraphs: [],
    }));
    const lead = { ...real, id: 'the-real-one', canonicalUrl: 'https://www.example-news.test/x' };
    const index = indexOf([...many, lead]);
    expect(index.size).toBe(2 ** 16 + 4);
    for (const n of [0, 2 ** 16 - 1, 2 ** 16, 2 ** 16 + 2])
      expect(index.idOf(index.byAddress(`https://www.example-news.test/${n}`) ?? -1)).toBe(
        `story-${n}`,
      );
    const best = index.bestByText(hitsFor(index, body[0]?.text ?? ''), true);
    expect(best && index.idOf(best.article)).toBe('the-real-one');
  });

  test('an empty catalogue is a valid index that names nothing', () => {
    const index = indexOf([]);
    expect(index.size).toBe(0);
    expect(index.byAddress(real.canonicalUrl)).toBeNull();
    expect(index.byHeadline([pack.article.headline])).toBeNull();
    expect(index.bestByText(hitsFor(index, body[0]?.text ?? ''), true)).toBeNull();
  });

  test('a pack script puts exactly the pack in the world it runs in', () => {
    const file = packScript(pack);
    expect(file.fileName).toBe(`packs/${real.id}.js`);
    const world: Record<string, unknown> = {};
    new Function('globalThis', file.source)(world);
    expect(world[PACK_GLOBAL]).toEqual(JSON.parse(JSON.stringify(pack)));
  });

  test('a file of another kind, format or length is refused, not misread', () => {
    const bytes = buildCatalogueIndex([other, real]);
    const header = (file: ArrayBuffer) => new Uint32Array(file, 0, 2);
    expect(header(bytes)[0]).toBe(INDEX_MAGIC);
    const otherFormat = bytes.slice(0);
    header(otherFormat)[1] = INDEX_FORMAT + 1;
    expect(() => new CatalogueIndex(otherFormat)).toThrow(/unknown format/);
    const notAnIndex = bytes.slice(0);
    header(notAnIndex)[0] = 0x04034b50;
    expect(() => new CatalogueIndex(notAnIndex)).toThrow(/not an index/);
    expect(() => new CatalogueIndex(bytes.slice(0, bytes.byteLength - 4))).toThrow(/bytes where/);
    expect(() => new CatalogueIndex(new ArrayBuffer(8))).toThrow(/shorter/);
  });

  test("host permissions are exactly the packs' sites", () => {
    expect(matchPatterns([pack])).toEqual([
      'https://www.bloomberg.com/*',
      'https://www.businesstimes.com.sg/*',
      'https://www.straitstimes.com/*',
    ]);
  });
});
