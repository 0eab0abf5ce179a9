/**
 * End-to-end figures with the real built extension (dist/chrome) in Chromium, on the fixture
 * pages served under their real host names (tools/browsers/fixture-server.ts):
 *  - first paint: navigation start -> first `gloss-` entry in CSS.highlights;
 *  - long tasks during that start;
 *  - toggle: storage write from an extension page -> no gloss- entries (and back);
 *  - re-anchoring end to end: a paragraph replaced by new nodes -> highlights cover it again.
 * The page watches CSS.highlights with a MessageChannel loop (one task per turn, no
 * MutationObserver), armed only while a measurement is running.
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { hostResolverFlag } from '../../tools/browsers/installed';
import { median } from './report';

const SETTINGS_KEY = 'gloss.settings.v1';

/** Installed in every page at document start (main world). */
const WATCH_SCRIPT = `(() => {
  // tsx (esbuild keepNames) wraps named functions we pass to page.evaluate in __name().
  globalThis.__name = globalThis.__name || ((f) => f);
  if (location.protocol !== 'https:') return;
  const b = { firstPaint: null, longtasks: [], events: [], armed: false, want: null, hit: null };
  window.__glossWatch = b;
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const glossOn = () => {
    for (const k of CSS.highlights.keys()) if (String(k).startsWith('gloss-')) return true;
    return false;
  };
  const ch = new MessageChannel();
  const tick = () => {
    if (b.firstPaint === null && glossOn()) b.firstPaint = performance.now();
    if (b.want) {
      const t = performance.timeOrigin + performance.now();
      if (b.want()) { b.hit = t; b.want = null; }
    }
    if (b.firstPaint === null || b.want) ch.port2.postMessage(0);
    else b.armed = false;
  };
  ch.port1.onmessage = tick;
  b.arm = (want) => { b.want = want; b.hit = null; if (!b.armed) { b.armed = true; ch.port2.postMessage(0); } };
  b.glossOn = glossOn;
  b.armed = true;
  ch.port2.postMessage(0);
})();`;

export interface ExtensionFigures {
  firstPaintMs: number | null;
  firstPaintRunsMs: number[];
  longestTaskMs: number | null;
  longtasksMs: number[];
  toggleOffMs: number | null;
  toggleOnMs: number | null;
  toggleRunsMs: { off: number[]; on: number[] };
  reanchorE2eMs: number | null;
  reanchorE2eRunsMs: number[];
  browserVersion: string;
  errors: string[];
}

export async function measureExtension(
  root: string,
  { loads = 9, toggles = 10, replacements = 5 } = {},
): Promise<ExtensionFigures> {
  const server = await startFixtureServer();
  const dist = resolve(root, 'dist/chrome');
  const {
    context,
    extensionBase: base,
    profile,
  } = await launchChromiumWithExtension(dist, {
    routing: [hostResolverFlag(server.hosts, server.port)],
  });
  const errors: string[] = [];
  try {
    await context.addInitScript({ content: WATCH_SCRIPT });
    const url =
      'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';

    // First paint and long tasks: fresh page per load.
    const firstPaint: number[] = [];
    const longtasks: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: 'load' });
      await page
        .waitForFunction(
          () =>
            (window as unknown as { __glossWatch: { firstPaint: number | null } }).__glossWatch
              .firstPaint !== null,
          undefined,
          { timeout: 10_000, polling: 50 },
        )
        .catch(() => errors.push(`load ${i}: no highlights within 10 s`));
      await page.waitForTimeout(300);
      const r = await page.evaluate(() => {
        const b = (
          window as unknown as {
            __glossWatch: {
              firstPaint: number | null;
              longtasks: Array<{ start: number; duration: number }>;
            };
          }
        ).__glossWatch;
        return { fp: b.firstPaint, lt: b.longtasks };
      });
      if (i > 0 && r.fp !== null) {
        // First load warms the HTTP cache and the extension's service worker: not counted.
        firstPaint.push(r.fp);
        const until = r.fp + 100;
        for (const t of r.lt) if (t.start <= until) longtasks.push(t.duration);
      }
      await page.close();
    }

    // Toggle: write settings from an extension page, watch the web page.
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(
      () =>
        (window as unknown as { __glossWatch: { firstPaint: number | null } }).__glossWatch
          .firstPaint !== null,
      undefined,
      { timeout: 10_000, polling: 50 },
    );
    const ext = await context.newPage();
    await ext.goto(`${base}src/popup/index.html`);
    await page.bringToFront();
    const off: number[] = [];
    const on: number[] = [];
    for (let i = 0; i < toggles; i++) {
      for (const enabled of [false, true]) {
        await page.evaluate((wantOn) => {
          const b = (
            window as unknown as {
              __glossWatch: { arm(f: () => boolean): void; glossOn(): boolean };
            }
          ).__glossWatch;
          b.arm(() => b.glossOn() === wantOn);
        }, enabled);
        const written = await ext.evaluate(
          async ({ key, enabled }) => {
            const t = performance.timeOrigin + performance.now();
            await (
              globalThis as unknown as {
                chrome: { storage: { local: { set(v: object): Promise<void> } } };
              }
            ).chrome.storage.local.set({ [key]: { enabled, hiddenCategories: [] } });
            return t;
          },
          { key: SETTINGS_KEY, enabled },
        );
        const hit = await waitForHit(page);
        if (hit !== null) (enabled ? on : off).push(hit - written);
        else errors.push(`toggle ${enabled ? 'on' : 'off'} ${i}: no change within 5 s`);
      }
    }

    // Re-anchoring end to end: replace paragraph 5 by new nodes (same text).
    const reanchor: number[] = [];
    for (let i = 0; i < replacements; i++) {
      const t0 = await page.evaluate(() => {
        const w = window as unknown as {
          __glossWatch: { arm(f: () => boolean): void };
          __benchFresh?: Element;
        };
        const ps = document.querySelectorAll('article .st-body p');
        const old = ps[4] as Element;
        const fresh = old.cloneNode(true) as Element;
        w.__benchFresh = fresh;
        const covers = () => {
          for (const [name, h] of CSS.highlights) {
            if (!String(name).startsWith('gloss-')) continue;
            for (const r of h as unknown as Iterable<Range>) {
              if (fresh.contains(r.startContainer)) return true;
            }
          }
          return false;
        };
        const t = performance.timeOrigin + performance.now();
        old.replaceWith(fresh);
        w.__glossWatch.arm(covers);
        return t;
      });
      const hit = await waitForHit(page);
      if (hit !== null) reanchor.push(hit - t0);
      else errors.push(`re-anchor ${i}: paragraph not covered within 5 s`);
      await page.waitForTimeout(200);
    }
    await ext.close();
    await page.close();
    return {
      firstPaintMs: firstPaint.length ? median(firstPaint) : null,
      firstPaintRunsMs: firstPaint,
      longestTaskMs: longtasks.length ? Math.max(...longtasks) : 0,
      longtasksMs: longtasks,
      toggleOffMs: off.length ? median(off) : null,
      toggleOnMs: on.length ? median(on) : null,
      toggleRunsMs: { off, on },
      reanchorE2eMs: reanchor.length ? median(reanchor) : null,
      reanchorE2eRunsMs: reanchor,
      browserVersion: context.browser()?.version() ?? 'unknown',
      errors,
    };
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

async function waitForHit(page: import('playwright-core').Page): Promise<number | null> {
  try {
    await page.waitForFunction(
      () =>
        (window as unknown as { __glossWatch: { hit: number | null } }).__glossWatch.hit !== null,
      undefined,
      { timeout: 5_000, polling: 20 },
    );
  } catch {
    return null;
  }
  return page.evaluate(
    () => (window as unknown as { __glossWatch: { hit: number | null } }).__glossWatch.hit,
  );
}
