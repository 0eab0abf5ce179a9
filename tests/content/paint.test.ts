import { describe, expect, test } from 'vitest';
import { createPainter, supportsHighlightApi } from '../../src/content/paint';
import type { HighlightCategory } from '../../src/highlights/categories';

// happy-dom has no CSS Custom Highlight API: this exercises the wrapping fallback. The
// Highlight API painter is tested in real browsers (tests/e2e).
function page() {
  document.body.innerHTML =
    '<p id="a">Mr Trump said the call was <em>very good</em>.</p><p id="b">Mr Xi agreed.</p>';
  const text = (id: string) => (document.getElementById(id) as HTMLElement).firstChild as Text;
  const range = (node: Node, start: number, end: number) => {
    const r = document.createRange();
    r.setStart(node, start);
    r.setEnd(node, end);
    return r;
  };
  return { text, range };
}

describe('the fallback painter (no Highlight API)', () => {
  test('is chosen where the API is missing', () => {
    expect(supportsHighlightApi(window as unknown as Window & typeof globalThis)).toBe(false);
    expect(createPainter(document).kind).toBe('wrap');
  });

  test('wraps each range in a <gloss-mark> of its category and undoes it exactly', () => {
    const { text, range } = page();
    const before = document.body.innerHTML;
    const painter = createPainter(document);
    const groups = new Map<HighlightCategory, Range[]>([
      ['entity-person', [range(text('a'), 0, 8), range(text('b'), 0, 5)]],
    ]);
    painter.paint(groups);
    const marks = [...document.querySelectorAll('gloss-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Mr Trump', 'Mr Xi']);
    expect(marks.every((m) => m.getAttribute('data-category') === 'entity-person')).toBe(true);
    expect(document.body.textContent).toBe('Mr Trump said the call was very good.Mr Xi agreed.');
    painter.destroy();
    expect(document.querySelectorAll('gloss-mark').length).toBe(0);
    expect(document.body.textContent).toBe('Mr Trump said the call was very good.Mr Xi agreed.');
    // Text nodes may stay split, but the markup reads the same.
    document.body.normalize();
    expect(document.body.innerHTML).toBe(before);
  });

  test('hides and shows a category without repainting', () => {
    const { text, range } = page();
    const painter = createPainter(document);
    painter.paint(new Map([['claim-fact', [range(text('b'), 0, 13)]]]));
    painter.show(new Set());
    expect(document.querySelector('gloss-mark')?.hasAttribute('data-hidden')).toBe(true);
    painter.show(new Set(['claim-fact']));
    expect(document.querySelector('gloss-mark')?.hasAttribute('data-hidden')).toBe(false);
    painter.destroy();
  });
});

describe('the fallback painter and text no reader sees', () => {
  test('does not wrap the text of a <style> or hidden element inside a range', () => {
    document.body.innerHTML =
      '<p id="p">Mr Trump<style>.x{color:red}</style><span hidden>note</span> said so.</p>';
    const p = document.getElementById('p') as HTMLElement;
    const range = document.createRange();
    range.selectNodeContents(p);
    const painter = createPainter(document);
    painter.paint(new Map([['claim-fact', [range]]]));
    expect(p.querySelector('style')?.textContent).toBe('.x{color:red}');
    expect(p.querySelector('style gloss-mark, [hidden] gloss-mark')).toBeNull();
    expect([...p.querySelectorAll('gloss-mark')].map((m) => m.textContent)).toEqual([
      'Mr Trump',
      ' said so.',
    ]);
    painter.destroy();
  });
});
