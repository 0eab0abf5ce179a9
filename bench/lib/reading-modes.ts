/**
 * Reading modes (issue #17): the share of the article's characters that carry any Gloss
 * decoration in each mode, with the real built extension (dist/chrome) in Chromium on the canonical
 * fixture page (served under its real host name), as the page's highlight registry has it.
 *
 * - Characters of the article: the pack's paragraphs, as the canonical page shows them all (the
 *   paragraph separators not counted).
 * - Decorated: a character inside any range of any registered `gloss-` highlight (the reveal flash
 *   aside), each character counted once however many highlights cover it; split into shaded
 *   (entities), underlined (claims) and the reader's marks (notes). No reader notes on the page.
 * - Calm is measured with no pointer on the page (and no caret), then with the pointer moved for
 *   real (CDP mouse events) onto each claim in turn: the median and the range over the claims.
 * - The mode is written to the settings from the service worker, as the popup would, and the figure
 *   read once the page's registry shows the mode's state.
 */
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import type { ReadingMode } from '../../src/platform/settings';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { fixture } from '../../tools/browsers/fixtures';
import { hostResolverFlag } from '../../tools/browsers/installed';

export interface DecorationShare {
  /** Share (0-1) of the article's characters under any decoration. */
  any: number;
  shaded: number;
  underlined: number;
  notes: number;
}

export interface ReadingModeFigures {
  articleChars: number;
  everything: DecorationShare;
  calmAtRest: DecorationShare;
  /** Calm with the pointer on one claim: the median claim, and the smallest and largest share. */
  calmPointer: { median: DecorationShare; min: number; max: number; claims: number };
  notes: DecorationShare;
  browserVersion: string;
  errors: string[];
}

const SETTINGS_KEY = 'gloss.settings.v1';

/** In the page: the decorated characters, per kind, counted once each. */
function measureInPage(articleChars: number): DecorationShare {
  const covered = { any: new Map<Text, Uint8Array>() } as Record<string, Map<Text, Uint8Array>>;
  const kindOf = (name: string) =>
    name.startsWith('gloss-entity-')
      ? 'shaded'
      : name.startsWith('gloss-claim-')
        ? 'underlined'
        : 'notes';
  for (const [name, highlight] of CSS.highlights) {
    if (!name.startsWith('gloss-') || name === 'gloss-flash') continue;
    for (const kind of ['any', kindOf(name)]) {
      covered[kind] ??= new Map();
      const marks = covered[kind] as Map<Text, Uint8Array>;
      for (const range of highlight as unknown as Set<Range>) {
        const root = range.commonAncestorContainer;
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const texts: Text[] = root.nodeType === Node.TEXT_NODE ? [root as Text] : [];
        for (let n = walker.nextNode(); n; n = walker.nextNode())
          if (range.intersectsNode(n)) texts.push(n as Text);
        for (const text of texts) {
          const start = text === range.startContainer ? range.startOffset : 0;
          const end = text === range.endContainer ? range.endOffset : text.length;
          let bits = marks.get(text);
          if (!bits) {
            bits = new Uint8Array(text.length);
            marks.set(text, bits);
          }
          bits.fill(1, start, end);
        }
      }
    }
  }
  const share = (kind: string) => {
    let n = 0;
    for (const bits of covered[kind]?.values() ?? []) for (const b of bits) n += b;
    return n / articleChars;
  };
  return {
    any: share('any'),
    shaded: share('shaded'),
    underlined: share('underlined'),
    notes: share('notes'),
  };
}

export async function measureReadingModes(
  root: string,
  articleChars: number,
): Promise<ReadingModeFigures> {
  const server = await startFixtureServer();
  const { context, worker } = await launchChromiumWithExtension(resolve(root, 'dist/chrome'), {
    routing: [hostResolverFlag(server.hosts, server.port)],
  });
  const errors: string[] = [];
  // tsx (esbuild keepNames) wraps the functions passed to page.evaluate in __name().
  await context.addInitScript({ content: 'globalThis.__name = globalThis.__name || ((f) => f);' });
  const setMode = (readingMode: ReadingMode) =>
    worker.evaluate(
      ({ key, readingMode: mode }) =>
        // biome-ignore lint/suspicious/noExplicitAny: the service worker's own `chrome`
        (globalThis as any).chrome.storage.local.set({
          [key]: { enabled: true, hiddenCategories: [], readingMode: mode },
        }),
      { key: SETTINGS_KEY, readingMode },
    );
  const claimsPainted = (page: Page) =>
    page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-claim-')) n += h.size;
      return n;
    });
  try {
    await setMode('everything');
    const canonical = fixture('canonical');
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`https://${canonical.host}${canonical.path}`, { waitUntil: 'load' });
    await page.waitForFunction(() =>
      [...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
    );
    await page.mouse.move(1, 1);
    await page.evaluate(() => document.getSelection()?.removeAllRanges());
    const everything = await page.evaluate(measureInPage, articleChars);
    // Where each claim is, while claims are painted: a point on its first line, off any entity
    // where the line has such a point (so the figure is the claim's, not an entity's).
    const claimCount = await page.evaluate(() => {
      let n = 0;
      for (const [name, h] of CSS.highlights) if (name.startsWith('gloss-claim-')) n += h.size;
      // biome-ignore lint/suspicious/noExplicitAny: the bench's handle on the claims' ranges
      (window as any).__benchClaims = [...CSS.highlights]
        .filter(([name]) => name.startsWith('gloss-claim-'))
        .flatMap(([, h]) => [...(h as unknown as Set<Range>)]);
      return n;
    });

    await setMode('calm');
    await page.waitForFunction(
      () => ![...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
    );
    const calmAtRest = await page.evaluate(measureInPage, articleChars);

    const pointed: DecorationShare[] = [];
    for (let i = 0; i < claimCount; i++) {
      const at = await page.evaluate((index) => {
        // biome-ignore lint/suspicious/noExplicitAny: as above
        const range = (window as any).__benchClaims[index] as Range;
        range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0] as DOMRect;
        return { x: rect.left + Math.min(3, rect.width / 2), y: rect.top + rect.height / 2 };
      }, i);
      await page.mouse.move(1, 1);
      await page
        .waitForFunction(
          () => ![...CSS.highlights.keys()].some((n) => n.startsWith('gloss-claim-')),
        )
        .catch(() => errors.push(`claim ${i}: a claim stayed underlined off the text`));
      await page.mouse.move(at.x, at.y);
      try {
        await page.waitForFunction(
          () => {
            let n = 0;
            for (const [name, h] of CSS.highlights)
              if (name.startsWith('gloss-claim-')) n += h.size;
            return n === 1;
          },
          undefined,
          { timeout: 3000 },
        );
        pointed.push(await page.evaluate(measureInPage, articleChars));
      } catch {
        errors.push(`claim ${i}: not underlined under the pointer (${await claimsPainted(page)})`);
      }
    }
    await page.mouse.move(1, 1);

    await setMode('notes');
    await page.waitForFunction(
      () => ![...CSS.highlights.keys()].some((n) => /^gloss-(entity|claim)-/.test(n)),
    );
    const notes = await page.evaluate(measureInPage, articleChars);
    await setMode('everything');
    await page.close();

    const byAny = [...pointed].sort((a, b) => a.any - b.any);
    // The median claim (the lower of the two middle ones for an even count), all its figures.
    const middle = byAny[Math.floor((byAny.length - 1) / 2)] ?? calmAtRest;
    return {
      articleChars,
      everything,
      calmAtRest,
      calmPointer: {
        median: middle,
        min: byAny[0]?.any ?? Number.NaN,
        max: byAny.at(-1)?.any ?? Number.NaN,
        claims: pointed.length,
      },
      notes,
      browserVersion: `Chromium ${context.browser()?.version() ?? ''}`.trim(),
      errors,
    };
  } finally {
    await context.close();
    await server.close();
  }
}

const pct = (share: number) => `${(100 * share).toFixed(1)}%`;
const HEADING = '## Reading modes: how much of the article is decorated';

/** The RESULTS.md section for these figures. */
export function readingModesMarkdown(f: ReadingModeFigures, date: string): string {
  const row = (mode: string, s: DecorationShare, note = '') =>
    `| ${mode} | ${pct(s.any)} | ${pct(s.shaded)} | ${pct(s.underlined)} | ${pct(s.notes)} | ${note} |`;
  const p = f.calmPointer;
  return `${HEADING}

Share of the article's ${f.articleChars} characters (the pack's paragraphs on the canonical page)
under any Gloss decoration, in each reading mode (${f.browserVersion}, the built extension, ${date};
bench/lib/reading-modes.ts). No reader notes on the page, so "my notes only" paints nothing here.

| mode | any decoration | shaded (entities) | underlined (claims) | reader's marks | note |
| --- | ---: | ---: | ---: | ---: | --- |
${row('everything', f.everything)}
${row('calm, no pointer', f.calmAtRest, 'entities at a lighter shade (alpha 0.14 instead of 0.32)')}
${row('calm, pointer on one claim', p.median, `median of the ${p.claims} claims, each pointed at with a real mouse move; any decoration from ${pct(p.min)} to ${pct(p.max)}`)}
${row('my notes only', f.notes)}
${f.errors.length ? `\nErrors: ${f.errors.join('; ')}\n` : ''}`;
}

/** Puts the section into RESULTS.md in place of its previous version (or before "Other metrics"). */
export function spliceReadingModes(results: string, section: string): string {
  const start = results.indexOf(HEADING);
  if (start >= 0) {
    const next = results.indexOf('\n## ', start + HEADING.length);
    return `${results.slice(0, start)}${section.trimEnd()}\n${next >= 0 ? results.slice(next) : ''}`;
  }
  const before = results.indexOf('## Other metrics');
  return before >= 0
    ? `${results.slice(0, before)}${section.trimEnd()}\n\n${results.slice(before)}`
    : `${results.trimEnd()}\n\n${section}`;
}
