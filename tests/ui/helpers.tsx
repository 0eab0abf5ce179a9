import { render } from 'preact';
import { act } from 'preact/test-utils';
import { App } from '../../src/ui/App';

export { ARTICLE_ID, pack, pageState } from './helpers-pure';

let container: HTMLElement | null = null;

/** Lets effects, promises and re-renders settle. */
export async function settle(rounds = 4) {
  for (let i = 0; i < rounds; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 0));
    });
  }
}

export async function mountApp(host: 'popup' | 'sidepanel' = 'popup', search = '?tab=7') {
  window.history.replaceState({}, '', `/${search}`);
  container = document.createElement('div');
  document.body.append(container);
  render(<App host={host} />, container);
  await settle();
  return container;
}

export function unmount() {
  if (container) {
    render(null, container);
    container.remove();
    container = null;
  }
}

export const $ = (sel: string, root: ParentNode = document) => root.querySelector(sel);
export const $$ = (sel: string, root: ParentNode = document) => [...root.querySelectorAll(sel)];

export async function click(el: Element | null) {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
  });
  await settle();
}

export async function openSection(name: string) {
  await click($(`#tab-${name}`));
}

export const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
