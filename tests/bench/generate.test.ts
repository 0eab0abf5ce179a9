import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applyReplacements,
  BLOOMBERG_EDITS,
  bigPageHtml,
  editedPageHtml,
  editParagraphs,
  groundTruth,
  htmlTextLength,
  judge,
  nearDuplicates,
  PARAGRAPH_SEPARATOR,
  rng,
  scaledPack,
  selectorAt,
  sentenceSpans,
  syntheticSelectors,
} from '../../bench/lib/generate';
import { seed } from '../annotations/helpers';

const root = resolve(import.meta.dirname, '../..');

const pack = seed();
const paragraphs: string[] = pack.article.text.paragraphs.map((p: { text: string }) => p.text);
const roles: string[] = pack.article.text.paragraphs.map((p: { role: string }) => p.role);
const text = paragraphs.join(PARAGRAPH_SEPARATOR);

describe('rng', () => {
  it('is deterministic and in [0, 1)', () => {
    const a = rng(1);
    const b = rng(1);
    for (let i = 0; i < 100; i++) {
      const x = a();
      expect(x).toBe(b());
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });
});

describe('selectors', () => {
  it('selectorAt gives the quote, 32 chars of context and paragraph-local offsets', () => {
    const start = text.indexOf('Mr Trump said the telephone call');
    const s = selectorAt(paragraphs, start, start + 8, 'real');
    expect(s.exact).toBe('Mr Trump');
    expect(s.prefix).toBe(text.slice(start - 32, start));
    expect(s.suffix).toBe(text.slice(start + 8, start + 40));
    expect(paragraphs[s.paragraph]?.slice(s.localStart, s.localEnd)).toBe('Mr Trump');
  });

  it('synthetic spans are word-aligned, inside one paragraph, and match the text', () => {
    const sels = syntheticSelectors(paragraphs, 500, 3);
    expect(sels).toHaveLength(500);
    for (const s of sels) {
      expect(text.slice(s.start, s.end)).toBe(s.exact);
      expect(s.exact.length).toBeGreaterThan(0);
      expect(s.exact).not.toContain('\n');
      expect(paragraphs[s.paragraph]?.slice(s.localStart, s.localEnd)).toBe(s.exact);
      const before = text.charAt(s.start - 1);
      expect(s.start === 0 || /\s/.test(before)).toBe(true);
    }
    expect(syntheticSelectors(paragraphs, 50, 3)).toEqual(sels.slice(0, 50));
  });

  it('scaled packs keep the real selectors first', () => {
    const real = syntheticSelectors(paragraphs, 10, 9).map((s) => ({
      ...s,
      origin: 'real' as const,
    }));
    const p10 = scaledPack(paragraphs, real, 10);
    expect(p10).toHaveLength(100);
    expect(p10.slice(0, 10)).toEqual(real);
    expect(scaledPack(paragraphs, real, 1)).toEqual(real);
  });
});

describe('edited copy', () => {
  it('applyReplacements maps every source offset', () => {
    const r = applyReplacements('Mr Trump met Mr Xi.', [
      { start: 0, end: 3, text: '' },
      { start: 13, end: 16, text: '' },
    ]);
    expect(r.text).toBe('Trump met Xi.');
    expect(r.map[3]).toBe(0); // "Trump"
    expect(r.map[16]).toBe(10); // "Xi"
    expect(r.map[19]).toBe(13);
  });

  it('splits sentences', () => {
    const p = 'One two. “Three four.” Five six? Seven.';
    expect(sentenceSpans(p).map(([a, b]) => p.slice(a, b).trim())).toEqual([
      'One two.',
      '“Three four.”',
      'Five six?',
      'Seven.',
    ]);
  });

  const edited = editParagraphs(paragraphs, BLOOMBERG_EDITS);

  it('drops paragraph 11, rewords two sentences, applies US style', () => {
    expect(edited[11]?.text).toBeNull();
    expect(edited[3]?.text).toContain('Trump also said he had agreed to travel to Beijing');
    expect(edited[9]?.text).toContain('Any renewed flare-up between Washington and Beijing');
    expect(edited[3]?.reworded).toHaveLength(1);
    const all = edited.map((e) => e.text ?? '').join('\n');
    expect(all).not.toMatch(/\bMr |\bMs |[“”‘’–]|soya|centred|defence|BLOOMBERG/);
    expect(all).toContain('soybeans');
  });

  it('maps kept words to the same words in the edited text', () => {
    for (let i = 0; i < paragraphs.length; i++) {
      const e = edited[i];
      if (!e || e.text === null || e.map === null) continue;
      const src = paragraphs[i] as string;
      for (const m of src.matchAll(/\bChina\b/g)) {
        const a = m.index as number;
        if (e.reworded.some(([s, t]) => a < t && a + 5 > s)) continue;
        expect(e.text.slice(e.map[a], e.map[a + 5])).toBe('China');
      }
    }
  });

  it('the page holds every kept paragraph text verbatim (as text content)', () => {
    const html = editedPageHtml(edited, roles);
    const textContent = html.replace(/<[^>]+>/g, '').replace(/&amp;/g, '&');
    for (const e of edited) if (e.text) expect(textContent).toContain(e.text);
    expect(html).toContain('class="body-content"');
  });
});

describe('big pages', () => {
  const canonical = readFileSync(
    resolve(
      root,
      'tests/fixtures/pages/www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports.html',
    ),
    'utf8',
  );

  it('grow to about the target size around the article, deterministically', () => {
    const html = bigPageHtml(canonical, paragraphs, 100_000, 5);
    const n = htmlTextLength(html);
    expect(n).toBeGreaterThan(95_000);
    expect(n).toBeLessThan(110_000);
    expect(html.indexOf('bench-trending')).toBeLessThan(html.indexOf('<article'));
    expect(html.indexOf('bench-more')).toBeGreaterThan(html.indexOf('</article>'));
    expect(bigPageHtml(canonical, paragraphs, 100_000, 5)).toBe(html);
  });

  it('filler never repeats an article paragraph; near-duplicates differ from their source', () => {
    const html = bigPageHtml(canonical, paragraphs, 200_000, 8);
    const filler = html.slice(html.indexOf('</article>'));
    for (const p of paragraphs) if (p.length > 40) expect(filler).not.toContain(p);
    const sentences = paragraphs.flatMap((p) =>
      sentenceSpans(p).map(([a, b]) => p.slice(a, b).trim()),
    );
    for (const d of nearDuplicates(paragraphs, rng(2), 20)) {
      for (const s of sentences) if (s.length > 60) expect(d).not.toContain(s);
    }
  });
});

describe('ground truth and judging', () => {
  const sel = selectorAt(
    paragraphs,
    text.indexOf('Mr Xi told'),
    text.indexOf('Mr Xi told') + 5,
    'real',
  );
  const starts = paragraphs.map((_, i) => 1000 + i * 600);

  it('canonical: paragraph start + local offset', () => {
    const t = groundTruth(sel, starts);
    expect(t.start).toBe((starts[sel.paragraph] as number) + sel.localStart);
    expect(t.end).toBe((t.start as number) + 5);
  });

  it('edited: mapped through the edits; dropped paragraphs have no truth', () => {
    const edited = editParagraphs(paragraphs, BLOOMBERG_EDITS);
    const t = groundTruth(sel, starts, edited);
    const e = edited[sel.paragraph];
    expect(
      e?.text?.slice(
        (t.start as number) - (starts[sel.paragraph] as number),
        (t.end as number) - (starts[sel.paragraph] as number),
      ),
    ).toBe('Xi');
    const p11 = text.indexOf('Since then, China');
    const gone = selectorAt(paragraphs, p11, p11 + 10, 'real');
    expect(groundTruth(gone, starts, edited).start).toBeNull();
  });

  it('edited: a span inside a reworded sentence may land anywhere in the new sentence', () => {
    const edited = editParagraphs(paragraphs, BLOOMBERG_EDITS);
    const at = text.indexOf('The US leader added');
    const t = groundTruth(selectorAt(paragraphs, at + 4, at + 6, 'real'), starts, edited);
    expect(t.reworded).toBe(true);
    const p0 = starts[3] as number;
    expect(edited[3]?.text?.slice((t.start as number) - p0, (t.end as number) - p0)).toMatch(
      /^Trump also said .* 2026\.$/,
    );
  });

  it('judge: overlap is right, elsewhere or absent is wrong, null is an orphan', () => {
    const truth = { start: 100, end: 120, reworded: false };
    expect(judge({ start: 100, end: 120 }, truth)).toBe('right');
    expect(judge({ start: 105, end: 120 }, truth)).toBe('right');
    expect(judge({ start: 300, end: 320 }, truth)).toBe('wrong');
    expect(judge({ start: 119, end: 139 }, truth)).toBe('wrong');
    expect(judge(null, truth)).toBe('orphan');
    expect(judge({ start: 1, end: 2 }, { start: null, end: null, reworded: false })).toBe('wrong');
    expect(judge({ start: 119, end: 139 }, { ...truth, reworded: true })).toBe('right');
  });
});
