/**
 * Late content, end to end with the built extension (dist/chrome) in Chromium (issue #12): the
 * time from the arrival of an article's last late paragraph to its highlights. Two deliveries on
 * the fixture pages, served under their real host names:
 *  - one stage: the late-content page inserts its whole body 1200 ms after load;
 *  - streamed: on the canonical page, once highlighted, the body after its 12th paragraph is
 *    removed, then put back one paragraph at a time, 150 ms apart (a page streaming its text);
 *  - two stages (issue #12's second page, fixture `late-two-stages`): at an address no pack
 *    names, the standfirst and 12 paragraphs arrive 1.5 s after load, the rest 3.5 s after load;
 *    from the second stage's insertion to the highlights in its last paragraph.
 * Measured in the page: the last paragraph's insertion → a `gloss-` range starting inside it,
 * watched by a MessageChannel loop (one task per turn).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { hostResolverFlag } from '../../tools/browsers/installed';
import { median } from './report';

const HOST = 'https://www.straitstimes.com';
const TWO_STAGES_PATH =
  '/world/late-edition/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order';
const SLUG = 'chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';

export interface LateParagraphFigures {
  /** One stage: body inserted at once; median ms from insertion to the last paragraph's highlights. */
  oneStageMs: number | null;
  oneStageRunsMs: number[];
  /** Streamed paragraph by paragraph; median ms from the last one's insertion to its highlights. */
  streamedMs: number | null;
  streamedRunsMs: number[];
  /** Two stages at an unknown address; median ms from the second stage to its last paragraph's highlights. */
  twoStagesMs: number | null;
  twoStagesRunsMs: number[];
  errors: string[];
}

/** Installed at document start: when the fixture's body arrives, watch its last paragraph. */
const WATCH_LATE = `(() => {
  globalThis.__name = globalThis.__name || ((f) => f);
  const w = { arrived: null, hit: null, target: null };
  window.__glossLate = w;
  const ch = new MessageChannel();
  const covered = () => {
    for (const [name, h] of CSS.highlights) {
      if (!String(name).startsWith('gloss-')) continue;
      for (const r of h) if (w.target && w.target.contains(r.startContainer)) return true;
    }
    return false;
  };
  ch.port1.onmessage = () => {
    if (covered()) w.hit = performance.now();
    else ch.port2.postMessage(0);
  };
  w.watch = (target, at) => { w.target = target; w.arrived = at; w.hit = null; ch.port2.postMessage(0); };
  document.addEventListener('fixture:content-loaded', () => {
    const last = [...document.querySelectorAll('article .st-body p')].pop();
    if (last) w.watch(last, performance.now());
  });
  // A page that fills in by stages (window.__fixture): its last stage's last paragraph.
  const stages = new MutationObserver(() => {
    const f = window.__fixture;
    if (!f || f.stages !== f.total) return;
    const last = [...document.querySelectorAll('#article-body p')].pop();
    if (last) { stages.disconnect(); w.watch(last, performance.now()); }
  });
  document.addEventListener('DOMContentLoaded', () => stages.observe(document.body, { childList: true, subtree: true }));
})();`;

async function waitForLateHit(page: Page, timeoutMs = 10_000): Promise<number | null> {
  try {
    await page.waitForFunction(
      () => (window as unknown as { __glossLate: { hit: number | null } }).__glossLate.hit !== null,
      undefined,
      { timeout: timeoutMs, polling: 20 },
    );
    return page.evaluate(() => {
      const w = (window as unknown as { __glossLate: { hit: number; arrived: number } })
        .__glossLate;
      return w.hit - w.arrived;
    });
  } catch {
    return null;
  }
}

export async function measureLateParagraph(root: string, runs = 5): Promise<LateParagraphFigures> {
  const server = await startFixtureServer();
  const dist = resolve(root, 'dist/chrome');
  const { context, profile } = await launchChromiumWithExtension(dist, {
    routing: [hostResolverFlag(server.hosts, server.port)],
  });
  const errors: string[] = [];
  const oneStage: number[] = [];
  const streamed: number[] = [];
  const twoStages: number[] = [];
  try {
    await context.addInitScript({ content: WATCH_LATE });
    for (let i = 0; i < runs + 1; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${HOST}/late/${SLUG}`, { waitUntil: 'load' });
      const ms = await waitForLateHit(page);
      // The first load warms the HTTP cache and the service worker: not counted.
      if (ms === null) errors.push(`one stage ${i}: last paragraph not highlighted within 10 s`);
      else if (i > 0) oneStage.push(ms);
      await page.close();
    }
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${HOST}/asia/east-asia/${SLUG}`, { waitUntil: 'load' });
      await page.waitForFunction(() =>
        [...CSS.highlights.keys()].some((k) => String(k).startsWith('gloss-')),
      );
      await page.waitForTimeout(300);
      await page.evaluate(async () => {
        const body = document.querySelector('article .st-body') as Element;
        const rest = [...body.children].slice(13);
        for (const el of rest) el.remove();
        await new Promise((ok) => setTimeout(ok, 400));
        const w = (window as unknown as { __glossLate: { watch(t: Element, at: number): void } })
          .__glossLate;
        for (const [k, el] of rest.entries()) {
          body.append(el);
          if (k === rest.length - 1) w.watch(el, performance.now());
          else await new Promise((ok) => setTimeout(ok, 150));
        }
      });
      const ms = await waitForLateHit(page);
      if (ms === null) errors.push(`streamed ${i}: last paragraph not highlighted within 10 s`);
      else streamed.push(ms);
      await page.close();
    }
    for (let i = 0; i < runs; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(`${HOST}${TWO_STAGES_PATH}`, { waitUntil: 'load' });
      const ms = await waitForLateHit(page);
      if (ms === null) errors.push(`two stages ${i}: last paragraph not highlighted within 10 s`);
      else twoStages.push(ms);
      await page.close();
    }
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  return {
    twoStagesMs: twoStages.length ? median(twoStages) : null,
    twoStagesRunsMs: twoStages,
    oneStageMs: oneStage.length ? median(oneStage) : null,
    oneStageRunsMs: oneStage,
    streamedMs: streamed.length ? median(streamed) : null,
    streamedRunsMs: streamed,
    errors,
  };
}
