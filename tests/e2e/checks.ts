/**
 * Checks shared by the e2e tests, as vitest expectations. Kept apart from the browser tools
 * (tools/browsers/), which the demo, the screenshots and the bench also import outside vitest.
 */
import { expect } from 'vitest';
import type { TestPage } from '../../tools/browsers/browsers';
import { type ExtensionControl, glossHighlights, settle } from '../../tools/browsers/gloss';

/**
 * Gives Gloss the time it would need on a page it must leave alone (there is nothing to wait
 * for), then checks it did nothing: no highlight, nothing on the badge.
 */
export async function expectLeftAlone(page: TestPage, control: ExtensionControl, url: string) {
  await settle(page, 1500);
  expect(await glossHighlights(page)).toEqual({});
  expect((await control.badge(await control.tabId(url))).text).toBe('');
}

/** Checks the page reported no uncaught errors, then closes it. */
export async function closeWithoutErrors(page: TestPage) {
  expect(page.errors).toEqual([]);
  await page.close();
}
