/**
 * `npx tsx scripts/screenshots.ts`: README screenshots of the popup and the side panel, light and
 * dark, from the real build (it runs `scripts/build.ts` first) in Debian's Chromium, for the
 * canonical Straits Times fixture page. Writes docs/screenshots/*.png.
 *
 * The popup is shot at the size Chrome gives it (400 px wide, as tall as its content up to 600 px);
 * the side panel at 360 x 760. Dark mode is the browser's own `prefers-color-scheme` emulation; the
 * fixture article has no dark theme, so its calm-reading shot in dark is taken with the page
 * darkened by a test style (as a site's dark theme or a dark-mode extension would).
 *
 * `npx tsx scripts/screenshots.ts <regex>` writes only the screenshots whose names match.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../tools/browsers/chromium';
import { startFixtureServer } from '../tools/browsers/fixture-server';
import { fixture } from '../tools/browsers/fixtures';
import { hostResolverFlag } from '../tools/browsers/installed';
import { select } from '../tools/browsers/notes';

const root = resolve(import.meta.dirname, '..');
const only = process.argv[2] ? new RegExp(process.argv[2]) : null;
const out = join(root, 'docs/screenshots');
const dist = join(root, 'dist/chrome');

execFileSync(process.execPath, [join(root, 'node_modules/tsx/dist/cli.mjs'), 'scripts/build.ts'], {
  cwd: root,
  stdio: 'inherit',
});
mkdirSync(out, { recursive: true });

const server = await startFixtureServer();
const {
  context,
  worker,
  extensionBase: base,
} = await launchChromiumWithExtension(dist, {
  routing: [hostResolverFlag(server.hosts, server.port)],
  deviceScaleFactor: 1,
});

try {
  const canonical = fixture('canonical');
  const article = await context.newPage();
  await article.goto(`https://${canonical.host}${canonical.path}`, { waitUntil: 'load' });
  await article.waitForFunction(() =>
    [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-')),
  );
  const tabId: number = await worker.evaluate(async (url) => {
    // biome-ignore lint/suspicious/noExplicitAny: the service worker's own `chrome`
    const api = (globalThis as any).chrome;
    const tabs: Array<{ id: number; url?: string }> = await api.tabs.query({});
    return tabs.find((t) => t.url === url)?.id ?? -1;
  }, article.url());
  if (tabId < 0) throw new Error('The article tab was not found');

  const open = async (path: string, width: number, height: number, scheme: 'light' | 'dark') => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`${base}${path}?tab=${tabId}`);
    await page.waitForSelector('[role=tablist]');
    return page;
  };
  const section = async (page: Page, id: string) => {
    await page.click(`#tab-${id}`);
    await page.waitForSelector(`[role=tabpanel][data-section=${id}]`);
  };
  /** A popup is as tall as its content, up to 600 px. */
  const fitPopup = async (page: Page) => {
    const height = await page.evaluate(() =>
      Math.ceil(document.querySelector('.app')?.getBoundingClientRect().height ?? 600),
    );
    await page.setViewportSize({ width: 400, height: Math.min(600, height) });
  };
  const shoot = async (page: Page, name: string) => {
    if (only && !only.test(name)) return;
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const file = join(out, `${name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
  };

  // The article itself: highlights, and the card of the person under the pointer.
  const at = await article.evaluate(() => {
    const highlight = CSS.highlights.get('gloss-entity-person') as unknown as Set<Range>;
    const range = [...highlight][2] as Range;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    window.scrollBy(0, 120);
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });
  await article.mouse.move(at.x, at.y);
  await article.waitForFunction(() => {
    const r = document.querySelector('gloss-card')?.getBoundingClientRect();
    return r && r.width > 0;
  });
  await shoot(article, 'article-with-card');

  // The card of a claim with its source: the post's fuller wording, the quoted part marked.
  await article.mouse.move(5, 5);
  const quote = await article.evaluate(() => {
    const highlight = CSS.highlights.get('gloss-claim-assessment') as unknown as Set<Range>;
    const range = [...highlight].find((r) => r.toString().startsWith('Our relationship')) as Range;
    range.startContainer.parentElement?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -80);
    const rect = range.getClientRects()[0] as DOMRect;
    return { x: rect.left + 20, y: rect.top + rect.height / 2 };
  });
  await article.mouse.move(quote.x, quote.y);
  await article.waitForFunction(() => {
    const r = document.querySelector('gloss-card')?.getBoundingClientRect();
    return r && r.height > 150;
  });
  await shoot(article, 'article-with-source-card');

  // The reader's own note, light and dark: the toolbar beside a selection, the editor, the card.
  await article.mouse.move(5, 5);
  const noteUi = async (minHeight: number) => {
    await article.waitForFunction((h) => {
      const r = document.querySelector('gloss-note-ui')?.getBoundingClientRect();
      return r && r.width > 40 && r.height > h;
    }, minHeight);
    return article.evaluate(() => {
      const r = (document.querySelector('gloss-note-ui') as Element).getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, height: r.height };
    });
  };
  const phrases = { light: 'purchases of soya beans', dark: 'shipments of illegal fentanyl' };
  for (const scheme of ['light', 'dark'] as const) {
    await article.emulateMedia({ colorScheme: scheme });
    await select(article, phrases[scheme], 'body');
    const bar = await noteUi(10);
    await shoot(article, `note-toolbar-${scheme}`);
    await article.mouse.click(bar.right - 18, bar.top + bar.height / 2);
    const editor = await noteUi(120);
    await article.keyboard.type('Compare with the White House readout.');
    await article.keyboard.press('Tab');
    await article.keyboard.type('trade, follow up');
    await shoot(article, `note-editor-${scheme}`);
    await article.mouse.click(editor.right - 30, editor.bottom - 24);
    await article.waitForFunction(
      (words) =>
        [...((CSS.highlights.get('gloss-note-comment') as unknown as Set<Range>) ?? [])].some(
          (r) => r.toString() === words,
        ),
      phrases[scheme],
    );
    // The cards the selection showed go first: the card shot must be the note's own.
    await article.mouse.move(5, 5);
    await article.evaluate(
      () => document.activeElement instanceof HTMLElement && document.activeElement.blur(),
    );
    await article.waitForFunction(() => {
      const r = document.querySelector('gloss-card')?.getBoundingClientRect();
      return !r || r.width === 0 || r.height === 0;
    });
    const note = await article.evaluate((words) => {
      const h = CSS.highlights.get('gloss-note-comment') as unknown as Set<Range>;
      const range = [...h].find((r) => r.toString() === words) as Range;
      const rect = range.getClientRects()[0] as DOMRect;
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    }, phrases[scheme]);
    await article.mouse.move(note.x, note.y);
    await article.waitForFunction(() => {
      const r = document.querySelector('gloss-card')?.getBoundingClientRect();
      return r && r.width > 0;
    });
    await shoot(article, `note-card-${scheme}`);
    await article.mouse.move(5, 5);
  }
  await article.emulateMedia({ colorScheme: 'light' });

  // Calm reading, with the reader's two notes of above (in the standfirst) on the page: names
  // lightly shaded, the notes as they are, and a claim underlined only where the pointer is.
  const setMode = (readingMode: string) =>
    worker.evaluate(
      (mode) =>
        // biome-ignore lint/suspicious/noExplicitAny: the service worker's own `chrome`
        (globalThis as any).chrome.storage.local.set({
          'gloss.settings.v1': { enabled: true, hiddenCategories: [], readingMode: mode },
        }),
      readingMode,
    );
  await setMode('calm');
  await article.waitForFunction(
    () => ![...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
  );
  for (const scheme of ['light', 'dark'] as const) {
    await article.evaluate((dark) => {
      document.getElementById('screenshot-dark-page')?.remove();
      if (!dark) return;
      const style = document.createElement('style');
      style.id = 'screenshot-dark-page';
      style.textContent =
        'html, body, body * { background-color: #141414 !important; color: #e6e6e6 !important; }';
      document.head.append(style);
    }, scheme === 'dark');
    // The standfirst (with the notes) near the top; the pointer on a claim of the next paragraph.
    // (tsx, as esbuild with keepNames, wraps the named helper below in __name().)
    await article.evaluate('globalThis.__name = globalThis.__name || ((f) => f)');
    const word = await article.evaluate(() => {
      const find = (words: string) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          const at = (n.textContent ?? '').indexOf(words);
          if (at >= 0) return { node: n, at };
        }
        throw new Error(`"${words}" is not on the page`);
      };
      (find('his phone call').node.parentElement as Element).scrollIntoView({ block: 'start' });
      window.scrollBy(0, -120);
      const { node, at } = find('held their first talks');
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 'held'.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
    });
    await article.mouse.move(word.x, word.y);
    await article.waitForFunction(() => {
      let claims = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-claim-')) claims += h.size;
      const card = document.querySelector('gloss-card')?.getBoundingClientRect();
      return claims === 1 && card && card.width > 0;
    });
    await shoot(article, `article-calm-${scheme}`);
    await article.mouse.move(5, 5);
  }
  await article.evaluate(() => document.getElementById('screenshot-dark-page')?.remove());
  await setMode('everything');
  // A highlight whose paragraph the page then drops: the My notes tab lists it as not found.
  const gone = 'suspended the screening of some Japanese films';
  await select(article, gone, 'body');
  await article.waitForFunction(() => {
    const r = document.querySelector('gloss-note-ui')?.getBoundingClientRect();
    return r && r.width > 40 && r.width < 240 && r.height > 10 && r.height < 60;
  });
  const toolbar = await noteUi(10);
  await article.mouse.click(toolbar.left + 24, toolbar.top + toolbar.height / 2);
  await article.waitForFunction(
    (words) =>
      [...((CSS.highlights.get('gloss-note-highlight') as unknown as Set<Range>) ?? [])].some(
        (r) => r.toString() === words,
      ),
    gone,
  );
  await article.evaluate((words) => {
    [...document.querySelectorAll('article p')]
      .find((p) => p.textContent?.includes(words))
      ?.remove();
  }, gone);
  await article.waitForFunction(
    (words) =>
      ![...((CSS.highlights.get('gloss-note-highlight') as unknown as Set<Range>) ?? [])].some(
        (r) => r.toString() === words,
      ),
    gone,
  );

  for (const scheme of ['light', 'dark'] as const) {
    const popup = await open('src/popup/index.html', 400, 600, scheme);
    await fitPopup(popup);
    await shoot(popup, `popup-overview-${scheme}`);
    await section(popup, 'highlights');
    await popup.click('input[name=reading-mode][value=calm]');
    await popup.setViewportSize({ width: 400, height: 600 });
    await fitPopup(popup);
    await shoot(popup, `popup-highlights-${scheme}`);
    await popup.click('input[name=reading-mode][value=everything]');
    await popup.close();

    const panel = await open('src/sidepanel/index.html', 360, 760, scheme);
    await section(panel, 'entities');
    await panel.click('li[data-entity=xi] button.entity-name');
    await panel.waitForSelector('li[data-entity=xi] .details');
    await shoot(panel, `sidepanel-entities-${scheme}`);
    await section(panel, 'claims');
    await shoot(panel, `sidepanel-claims-${scheme}`);
    await panel.click('li.claim:has(details[data-source=src-trump-post]) summary');
    await panel.evaluate(() => {
      const open = document.querySelector('details.source[open]');
      open?.closest('li.claim')?.scrollIntoView({ block: 'start' });
    });
    await shoot(panel, `sidepanel-claim-source-${scheme}`);
    await section(panel, 'sources');
    await shoot(panel, `sidepanel-sources-${scheme}`);
    await panel.evaluate(() => document.querySelector('[data-comparison]')?.scrollIntoView());
    await shoot(panel, `sidepanel-sources-compare-${scheme}`);
    await section(panel, 'timeline');
    await shoot(panel, `sidepanel-timeline-${scheme}`);
    await section(panel, 'notes');
    await panel.waitForSelector('[data-testid=notes-here] li.my-note[data-state=orphan]');
    await shoot(panel, `sidepanel-my-notes-${scheme}`);
    await panel.close();
  }
} finally {
  await context.close();
  await server.close();
}
