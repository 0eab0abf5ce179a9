import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
  type AnchorResult,
  anchorAsync,
  anchorInIndex,
  anchorSteps,
  type QuoteSelector,
  reanchor,
  TextIndex,
} from '../../src/anchoring';
import { ARTICLE_ST, mount, mountArticle, paragraphsOf, selectorFor } from './helpers';

const paras = paragraphsOf(ARTICLE_ST);
const quotes = [
  'Xi Jinping',
  'soya beans and other farm products',
  'Sanae Takaichi',
  'rare earths and critical minerals',
  'Howard Lutnick',
  'Mr Lutnick',
  'a lot of soya bean purchase',
];
const selectors: QuoteSelector[] = quotes.map((q) => selectorFor(ARTICLE_ST, q));

function summary(rs: readonly AnchorResult[]) {
  return rs.map((r) => [r.start, r.end, r.method, r.range?.toString() ?? null]);
}

describe('offsets -> fresh Ranges after DOM changes', () => {
  test('splitting and wrapping text nodes (as a highlighter does) keeps text offsets valid', () => {
    const root = mountArticle(paras);
    const idx = TextIndex.build(root);
    const res = anchorInIndex(idx, selectors);
    // Wrap every match in <mark>, which splits text nodes: old Ranges may now be stale.
    for (const r of [...res].reverse()) {
      const range = r.range as Range;
      const mark = document.createElement('mark');
      mark.appendChild(range.extractContents());
      range.insertNode(mark);
    }
    expect(idx.update()).toBeNull(); // same rendered text, only the node structure changed
    res.forEach((r, i) => {
      const fresh = idx.rangeFor(r.start as number, r.end as number);
      expect(fresh.toString()).toBe(quotes[i]);
    });
  });
});

describe('incremental path: index.update() + reanchor()', () => {
  test('replacing one paragraph re-anchors only what it touched, same result as from scratch', () => {
    const root = mountArticle(paras);
    const idx = TextIndex.build(root);
    const before = anchorInIndex(idx, selectors, { sourceLength: ARTICLE_ST.length });
    const ps = root.querySelectorAll('p');
    const target = [...ps].find((p) =>
      p.textContent?.startsWith('New Japanese Prime'),
    ) as HTMLElement;
    const replacement = document.createElement('p');
    replacement.innerHTML =
      'New Japanese <a href="/t">Prime Minister</a> Sanae Takaichi said this month that an attack on Taiwan could draw a response.';
    target.replaceWith(replacement);
    const change = idx.update();
    expect(change).not.toBeNull();
    const c = change as NonNullable<typeof change>;
    expect(idx.text.slice(c.start, c.newEnd)).not.toBe('');
    const after = reanchor(idx, before, selectors, c, { sourceLength: ARTICLE_ST.length });
    const fresh = anchorInIndex(TextIndex.build(root), selectors, {
      sourceLength: ARTICLE_ST.length,
    });
    expect(summary(after)).toEqual(summary(fresh));
    // Results before the change kept their offsets; results after it were shifted by delta.
    const xi = 0;
    const lutnick = 4;
    expect(after[xi]?.start).toBe(before[xi]?.start);
    expect(after[lutnick]?.start).toBe((before[lutnick]?.start as number) + c.delta);
    expect(after[2]?.range?.toString()).toBe('Sanae Takaichi');
    expect(after[2]?.range?.startContainer.parentElement).toBe(replacement);
  });

  test('removing the paragraph that held a quote turns it into an orphan', () => {
    const root = mountArticle(paras);
    const idx = TextIndex.build(root);
    const before = anchorInIndex(idx, selectors);
    const p = [...root.querySelectorAll('p')].find((x) =>
      x.textContent?.includes('Howard Lutnick'),
    );
    p?.remove();
    const after = reanchor(idx, before, selectors, idx.update());
    expect(after[4]?.range).toBeNull();
    expect(summary(after.filter((_, i) => i !== 4))).toEqual(
      summary(anchorInIndex(TextIndex.build(root), selectors).filter((_, i) => i !== 4)),
    );
  });

  test('update() after random DOM edits equals a fresh build (text and every offset map)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            kind: fc.constantFrom('replace', 'insert', 'remove', 'split', 'edit', 'wrap', 'block'),
            at: fc.nat(),
            text: fc.constantFrom(
              'new words here',
              '  spaced  ',
              '',
              ' ',
              'Mr Xi',
              '\u00adsoft',
              'x',
              '\u00a0a\u200b',
              'e\u0301',
            ),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        (ops) => {
          const root = mount(
            '<div><p>Alpha beta</p><p>gamma <b>delta</b> epsilon</p><p> zeta </p><p>eta theta</p></div>',
          );
          const idx = TextIndex.build(root);
          for (const op of ops) {
            const ps = [...root.querySelectorAll('p')];
            const p = ps[op.at % Math.max(1, ps.length)];
            if (op.kind === 'insert' || !p) {
              const q = document.createElement('p');
              q.textContent = op.text;
              (root.firstChild as HTMLElement).insertBefore(q, p ?? null);
            } else if (op.kind === 'replace') {
              p.textContent = op.text;
            } else if (op.kind === 'remove') {
              p.remove();
            } else if (op.kind === 'split') {
              const t = p.firstChild;
              if (t && t.nodeType === 3 && (t as Text).length > 1) (t as Text).splitText(1);
            } else if (op.kind === 'edit') {
              const t = p.lastChild;
              if (t && t.nodeType === 3) (t as Text).appendData(op.text);
            } else {
              const b = document.createElement(op.kind === 'block' ? 'div' : 'span');
              while (p.firstChild) b.appendChild(p.firstChild);
              p.appendChild(b);
            }
            const oldText = idx.text;
            const change = idx.update();
            const fresh = TextIndex.build(root);
            expect(idx.text).toBe(fresh.text);
            if (change) {
              expect(oldText.slice(0, change.start)).toBe(idx.text.slice(0, change.start));
              expect(oldText.slice(change.oldEnd)).toBe(idx.text.slice(change.newEnd));
            } else {
              expect(oldText).toBe(idx.text);
            }
            for (let i = 0; i < fresh.length; i++) {
              const a = idx.rangeFor(i, i + 1);
              const b = fresh.rangeFor(i, i + 1);
              expect(a.startContainer).toBe(b.startContainer);
              expect(a.startOffset).toBe(b.startOffset);
              expect(a.endOffset).toBe(b.endOffset);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('time slicing', () => {
  test('anchorSteps yields at checkpoints and returns the same results as anchorInIndex', () => {
    const idx = TextIndex.build(mountArticle(paras));
    const many = Array.from(
      { length: 40 },
      (_, i) => selectors[i % selectors.length] as QuoteSelector,
    );
    const sync = anchorInIndex(idx, many);
    const g = anchorSteps(idx, many, { shouldYield: () => true });
    let yields = 0;
    let r = g.next();
    while (!r.done) {
      yields++;
      r = g.next();
    }
    expect(yields).toBeGreaterThan(0);
    expect(summary(r.value)).toEqual(summary(sync));
  });

  test('anchorAsync builds and anchors in slices, giving the main thread back in between', async () => {
    const root = mountArticle(Array.from({ length: 20 }, () => paras).flat());
    let yields = 0;
    let clock = 0;
    const { index, results } = await anchorAsync(root, selectors, {
      sliceMs: 1,
      now: () => (clock += 1), // each checkpoint "takes" 1 ms
      yieldToMain: async () => {
        yields++;
      },
    });
    expect(yields).toBeGreaterThan(0);
    expect(summary(results)).toEqual(summary(anchorInIndex(TextIndex.build(root), selectors)));
    expect(index.text).toBe(TextIndex.build(root).text);
  });

  test('TextIndex.buildSteps yields and builds the same index', () => {
    const root = mountArticle(Array.from({ length: 50 }, () => paras).flat());
    const g = TextIndex.buildSteps(root, {}, () => true);
    let yields = 0;
    let r = g.next();
    while (!r.done) {
      yields++;
      r = g.next();
    }
    expect(yields).toBeGreaterThan(0);
    expect(r.value.text).toBe(TextIndex.build(root).text);
  });
});
