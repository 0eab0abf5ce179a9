import { afterEach, describe, expect, test, vi } from 'vitest';
import { createCardLayer } from '../../src/content/cards';

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('gloss-card').forEach((n) => {
    n.remove();
  });
});

/** The closed shadow root the layer creates, caught as it is attached. */
function catchShadow(): { root: ShadowRoot | null } {
  const caught: { root: ShadowRoot | null } = { root: null };
  const attach = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init) {
    caught.root = attach.call(this, init);
    expect(init.mode).toBe('closed');
    return caught.root;
  });
  return caught;
}

function anchorRange() {
  document.body.innerHTML = '<p>Mr Trump said so.</p>';
  const range = document.createRange();
  range.selectNodeContents(document.body.querySelector('p') as HTMLElement);
  return range;
}

describe('the card layer', () => {
  test('lives outside <body> in a closed shadow root and leaves the page text alone', () => {
    const caught = catchShadow();
    const range = anchorRange();
    const before = document.body.innerHTML;
    const layer = createCardLayer(document);
    layer.show(range, [
      {
        eyebrow: 'Person',
        title: 'Donald Trump',
        rows: [['Role', 'US President']],
        category: 'entity-person',
      },
    ]);
    const host = document.querySelector('gloss-card');
    expect(host?.parentElement).toBe(document.documentElement);
    expect(document.body.innerHTML).toBe(before);
    expect(document.body.querySelector('gloss-card')).toBeNull();
    expect(caught.root?.textContent).toContain('Donald Trump');
    expect(caught.root?.textContent).toContain('US President');
    layer.destroy();
    expect(document.querySelector('gloss-card')).toBeNull();
  });

  test('renders hostile pack strings as text, never as markup', () => {
    const caught = catchShadow();
    const layer = createCardLayer(document);
    const hostile = '<img src=x onerror="alert(1)"><script>alert(2)</script>';
    layer.show(anchorRange(), [
      { eyebrow: hostile, title: hostile, rows: [[hostile, hostile]], category: 'claim-fact' },
    ]);
    expect(caught.root?.querySelector('img, script:not(style)')).toBeNull();
    expect(caught.root?.textContent).toContain(hostile);
    layer.destroy();
  });

  test('hides without removing, and shows again', () => {
    const layer = createCardLayer(document);
    const range = anchorRange();
    layer.show(range, [{ eyebrow: 'Place', title: 'Taiwan', rows: [], category: 'entity-place' }]);
    const host = document.querySelector('gloss-card') as HTMLElement;
    expect(host.style.getPropertyValue('display')).toBe('block');
    layer.hide();
    expect(host.style.getPropertyValue('display')).toBe('none');
    layer.show(range, [{ eyebrow: 'Place', title: 'Taiwan', rows: [], category: 'entity-place' }]);
    expect(host.style.getPropertyValue('display')).toBe('block');
    layer.destroy();
  });
});
