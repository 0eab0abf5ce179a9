/** Renders assets/icons/gloss.svg to the toolbar PNGs with Debian's Chromium (run by hand after editing the SVG). */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../tools/browsers/installed';

const dir = resolve(import.meta.dirname, '../assets/icons');
const svg = readFileSync(resolve(dir, 'gloss.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_FLAGS],
});
for (const size of [16, 32, 48, 128]) {
  const page = await browser.newPage({ viewport: { width: size, height: size } });
  await page.setContent(
    `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
  );
  await page.screenshot({ path: resolve(dir, `gloss-${size}.png`), omitBackground: true });
  await page.close();
}
await browser.close();
