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

  const sourced = (url = 'https://example.org/post') => ({
    eyebrow: 'Claim · Assessment',
    title: 'Our relationship with China is extremely strong!',
    rows: [] as Array<[string, string]>,
    category: 'claim-assessment' as const,
    source: {
      label: 'Source',
      summary: 'Post · Donald Trump · 24 Nov 2025',
      where: 'Truth Social',
      parts: [
        { text: 'Our relationship with China is extremely strong!', marked: true },
        { text: ' This call was a follow-up.', marked: false },
      ],
      caption: 'Words of Donald Trump, as the citations give them',
      links: [{ url, text: 'CNA', label: 'CNA (reproduces it, opens in a new tab)' }],
    },
  });

  test('shows a claim’s source: summary, fuller wording with the article’s part marked, links', () => {
    const caught = catchShadow();
    const layer = createCardLayer(document);
    layer.show(anchorRange(), [sourced()]);
    const root = caught.root as ShadowRoot;
    expect(root.querySelector('.source-head')?.textContent).toBe(
      'SourcePost · Donald Trump · 24 Nov 2025',
    );
    expect(root.querySelector('blockquote mark')?.textContent).toBe(
      'Our relationship with China is extremely strong!',
    );
    expect(root.querySelector('blockquote')?.textContent).toContain('This call was a follow-up.');
    const a = root.querySelector('a') as HTMLAnchorElement;
    expect(a.href).toBe('https://example.org/post');
    expect(a.target).toBe('_blank');
    expect(a.rel).toBe('noopener noreferrer');
    expect(a.getAttribute('aria-label')).toMatch(/opens in a new tab/);
    // A card with links takes the pointer, so the links can be clicked.
    const host = document.querySelector('gloss-card') as HTMLElement;
    expect(host.style.getPropertyValue('pointer-events')).toBe('auto');
    expect(layer.holds(host)).toBe(true);
    expect(layer.holds(document.body)).toBe(false);
    layer.destroy();
  });

  test('renders no link whose address is not https', () => {
    const caught = catchShadow();
    const layer = createCardLayer(document);
    layer.show(anchorRange(), [sourced('javascript:alert(1)')]);
    expect(caught.root?.querySelector('a')).toBeNull();
    layer.destroy();
  });

  test('a card with links waits for the pointer before hiding; a plain card hides at once', () => {
    vi.useFakeTimers();
    try {
      const layer = createCardLayer(document);
      const range = anchorRange();
      layer.show(range, [sourced()]);
      const host = document.querySelector('gloss-card') as HTMLElement;
      layer.hideSoon();
      expect(host.style.getPropertyValue('display')).toBe('block');
      host.dispatchEvent(new Event('pointerenter'));
      vi.advanceTimersByTime(1000);
      expect(host.style.getPropertyValue('display')).toBe('block');
      host.dispatchEvent(new Event('pointerleave'));
      vi.advanceTimersByTime(1000);
      expect(host.style.getPropertyValue('display')).toBe('none');

      layer.show(range, [
        { eyebrow: 'Place', title: 'Taiwan', rows: [], category: 'entity-place' },
      ]);
      expect(host.style.getPropertyValue('pointer-events')).toBe('none');
      layer.hideSoon();
      expect(host.style.getPropertyValue('display')).toBe('none');
      layer.destroy();
    } finally {
      vi.useRealTimers();
    }
  });
});
