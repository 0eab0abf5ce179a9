/**
 * `npm start` (after the build): serves the fixture pages of the seed article over https under
 * their real host names and opens the article in Chromium with Gloss loaded. With a display, the
 * window stays open until you close it; without one (CI, servers), it runs headless, writes
 * screenshots of the article and the popup to artifacts/demo/, and exits.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { getBrowser } from '../tools/browsers/browsers';
import { fixture } from '../tools/browsers/fixtures';
import {
  ExtensionControl,
  POPUP,
  scrollToHighlights,
  waitForHighlights,
} from '../tools/browsers/gloss';

const headed = Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const out = resolve(import.meta.dirname, '../artifacts/demo');
mkdirSync(out, { recursive: true });

const browser = await getBrowser('chromium', { headless: !headed });
const article = fixture('canonical');
const url = browser.url(article.host, article.path);
const page = await browser.open(url);
await waitForHighlights(page);
await scrollToHighlights(page);

if (headed) {
  console.log(`Gloss is running on ${url}. Close the browser window to stop.`);
} else {
  const control = await ExtensionControl.open(browser);
  const tabId = await control.tabId(url);
  await page.screenshot(join(out, 'article.png'));
  const popup = await browser.openExtensionPage(`${POPUP}?tab=${tabId}`);
  await popup.waitFor(() => document.querySelector('h1'), null);
  await popup.screenshot(join(out, 'popup.png'));
  console.log(
    `No display: ran headless. Screenshots: ${join(out, 'article.png')}, ${join(out, 'popup.png')}`,
  );
  await browser.close();
  await browser.server.close();
}
