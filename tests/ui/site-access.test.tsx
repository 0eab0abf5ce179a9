/** The page that asks the reader for one site (src/grant/): what it says, and what it asks for. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, expect, test, vi } from 'vitest';
import { fake, resetFake } from './fake-browser';
import { $, click, settle, text } from './helpers';

vi.mock('../../src/platform/browser', () => import('./fake-browser'));
const { SiteAccessPage, siteOfPage } = await import('../../src/ui/site-access/SiteAccessPage');

let root: HTMLElement;
beforeEach(() => {
  resetFake();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
  expect([...fake.missingKeys]).toEqual([]);
});

test('only a site pattern Gloss writes is taken from the address', () => {
  expect(siteOfPage('?site=https%3A%2F%2Fwww.example.org%2F*')).toBe('https://www.example.org/*');
  expect(siteOfPage('?site=http%3A%2F%2Fblog.example.org%2F*')).toBe('http://blog.example.org/*');
  for (const bad of [
    '',
    '?site=%3Call_urls%3E',
    '?site=https%3A%2F%2F*%2F*',
    '?site=javascript%3Aalert(1)',
    '?site=https%3A%2F%2Fwww.example.org%2Fpath%2F*',
  ])
    expect(siteOfPage(bad), bad).toBeNull();
});

test('says what it means, and the click asks the browser for that one site', async () => {
  await act(() => render(<SiteAccessPage site="https://www.example.org/*" />, root));
  expect(text($('h1', root))).toBe('Keep your notes on www.example.org?');
  expect(text(root)).toContain('sends nothing anywhere');
  await click($('[data-action=allow]', root));
  await settle();
  expect(fake.requested).toEqual([['https://www.example.org/*']]);
  expect(text($('[data-testid=site-answer]', root))).toBe(
    'Done: Gloss will show your notes on www.example.org each time you visit it.',
  );
});

test('a refusal says how to see the notes anyway', async () => {
  fake.grantAnswer = false;
  await act(() => render(<SiteAccessPage site="https://www.example.org/*" />, root));
  await click($('[data-action=allow]', root));
  await settle();
  expect(text($('[data-testid=site-answer]', root))).toContain('check the page with Gloss');
});

test('without a site: says so, asks nothing', async () => {
  await act(() => render(<SiteAccessPage site={null} />, root));
  expect(text(root)).toContain('without a web site');
  expect($('button', root)).toBeNull();
});
