/**
 * Issue #12's budgets for the gate that keeps looking, measured with the benchmark's timing build
 * (bench/out/dist-timing: the `gloss:*` marks and the gate's `gloss:gate` measures compiled in)
 * in Chromium, pages served under their real host names:
 *  - a supported-site page that keeps changing for 30 s and never becomes the article
 *    (`changingFrontHtml`: a section front with a live ticker, infinite-scroll teasers and a
 *    streaming comments box): the gate's total main-thread time and its longest task. Budget:
 *    5 ms in total, no task over 5 ms;
 *  - the 400 KB live page (fixture `live-updates-400k`): the gate's main-thread time and the
 *    engine's detect (its slices between the `detect-start` and `detect-end` marks). Budget:
 *    50 ms in total, in slices.
 * Two readings each: the gate's own measures (performance.measure, one per task, observer
 * callbacks included) and a Chromium trace of the renderer's main thread (main-thread.ts).
 */
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { hostResolverFlag } from '../../tools/browsers/installed';
import { escapeHtml, fillerSentence, rng } from './generate';
import { markOf, scriptCost, startTrace, type TraceEvent, taskCost } from './main-thread';
import { median } from './report';

/** A section front of a supported site (never an article page; Gloss has no pack for it). */
export const FRONT_URL = 'https://www.straitstimes.com/world/bench-section-front';
export const LIVE_URL =
  'https://www.straitstimes.com/world/live/us-china-trade-talks-live-updates-nov-24';
/** How often the page changes (ms): the ticker, a teaser appended, a comment's words streamed. */
export const FRONT_TICKER_MS = 200;
export const FRONT_TEASER_MS = 1000;
export const FRONT_COMMENT_MS = 150;

const MARKETS = ['STI', 'Nikkei 225', 'Hang Seng', 'S&P 500', 'FTSE 100', 'Brent crude', 'Gold'];

/**
 * The changing section front: a header and navigation, 24 teasers (headline + standfirst), a live
 * ticker whose text is replaced every FRONT_TICKER_MS, a teaser appended every FRONT_TEASER_MS
 * (infinite scroll), and a comments box whose current comment grows by a few words every
 * FRONT_COMMENT_MS (a new comment every 12 of them). The words are the benchmark's filler
 * (generate.ts): the article's names and topics, never its sentences. `window.__front` counts the
 * changes.
 */
export function changingFrontHtml(seed = 12): string {
  const r = rng(seed);
  const teaser = (i: number) =>
    `<article class="teaser"><h3><a href="/world/story-${i}">${escapeHtml(fillerSentence(r).replace(/\.$/, ''))}</a></h3><p>${escapeHtml(`${fillerSentence(r)} ${fillerSentence(r)}`)}</p></article>`;
  const teasers = Array.from({ length: 24 }, (_, i) => teaser(i)).join('\n');
  const pool = Array.from({ length: 400 }, () => fillerSentence(r));
  const headlines = Array.from({ length: 200 }, () => fillerSentence(r).replace(/\.$/, ''));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<title>World | The Straits Times</title>
<link rel="canonical" href="${FRONT_URL}">
<meta property="og:type" content="website">
<meta property="og:title" content="World">
<meta property="og:url" content="${FRONT_URL}">
<style>body{font:16px/1.5 sans-serif;margin:0 auto;max-width:1100px}.teaser{border-bottom:1px solid #ddd;padding:8px 0}#ticker{background:#111;color:#fff;padding:4px 8px}</style>
</head><body>
<header><a href="/">The Straits Times</a><nav><a href="/singapore">Singapore</a> <a href="/asia">Asia</a> <a href="/world">World</a> <a href="/business">Business</a> <a href="/opinion">Opinion</a></nav></header>
<div id="ticker"><strong>Markets</strong> <span id="ticker-text">STI 3,512.40 +0.3%</span></div>
<main><h1>World</h1>
<section id="teasers">
${teasers}
</section>
<aside id="comments"><h2>Join the conversation</h2><ol id="comment-list"></ol></aside>
</main>
<footer>Copyright The Straits Times</footer>
<script>
(() => {
  const pool = ${JSON.stringify(pool)};
  const headlines = ${JSON.stringify(headlines)};
  const markets = ${JSON.stringify(MARKETS)};
  const front = { ticks: 0, teasers: 0, words: 0, comments: 0 };
  window.__front = front;
  const ticker = document.getElementById('ticker-text');
  setInterval(() => {
    const m = markets[front.ticks % markets.length];
    const v = (1000 + ((front.ticks * 7919) % 9000) / 3).toFixed(2);
    const d = (((front.ticks * 31) % 41) / 10 - 2).toFixed(1);
    ticker.textContent = m + ' ' + v + ' ' + (d < 0 ? '' : '+') + d + '%';
    front.ticks++;
  }, ${FRONT_TICKER_MS});
  const list = document.getElementById('teasers');
  setInterval(() => {
    const i = front.teasers++;
    const a = document.createElement('article');
    a.className = 'teaser';
    const h = document.createElement('h3');
    h.textContent = headlines[i % headlines.length];
    const p = document.createElement('p');
    p.textContent = pool[(i * 2) % pool.length] + ' ' + pool[(i * 2 + 1) % pool.length];
    a.append(h, p);
    list.append(a);
  }, ${FRONT_TEASER_MS});
  const comments = document.getElementById('comment-list');
  let text = null;
  let words = [];
  setInterval(() => {
    if (!text || front.words % 12 === 0) {
      const li = document.createElement('li');
      text = document.createTextNode('');
      li.append(text);
      comments.append(li);
      words = pool[(front.comments * 5) % pool.length].split(' ');
      front.comments++;
    }
    const next = words.splice(0, 3).join(' ');
    if (next) text.appendData((text.data ? ' ' : '') + next);
    front.words++;
  }, ${FRONT_COMMENT_MS});
})();
</script>
</body></html>
`;
}

/** The gate's own figures: its `gloss:gate` measures (one per task; detail: running totals). */
const READ_GATE = `(() => {
  const ms = performance.getEntriesByName('gloss:gate', 'measure');
  const last = ms.at(-1);
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('gloss:') && !(m.name.slice(6) in marks)) marks[m.name.slice(6)] = m.startTime;
  return {
    tasks: ms.length,
    durations: ms.map((m) => [Math.round(m.startTime), Math.round(m.duration * 100) / 100]),
    sumMs: ms.reduce((a, m) => a + m.duration, 0),
    longestMs: ms.reduce((a, m) => Math.max(a, m.duration), 0),
    totalMs: last && last.detail ? last.detail.totalMs : 0,
    firstMs: ms.length ? ms[0].duration : null,
    marks,
    highlights: [...CSS.highlights.keys()].filter((k) => String(k).startsWith('gloss-')).length,
    front: window.__front || null,
  };
})()`;

interface GateRead {
  tasks: number;
  durations: Array<[number, number]>;
  sumMs: number;
  longestMs: number;
  totalMs: number;
  firstMs: number | null;
  marks: Record<string, number>;
  highlights: number;
  front: { ticks: number; teasers: number; words: number; comments: number } | null;
}

export interface ChangingPageFigures {
  durationMs: number;
  /** The gate's own account: total (observer callbacks included), tasks, longest task. */
  gateTotalMs: number;
  gateTasks: number;
  gateLongestTaskMs: number;
  /** The gate's first task (metadata + the opening read, before it asks the background). */
  gateFirstTaskMs: number | null;
  /** The trace's account of the extension's scripts on the page's main thread. */
  traceTotalMs: number | null;
  traceLongestTaskMs: number | null;
  traceTasks: number | null;
  traceByScript: Record<string, number> | null;
  /** The same in the main thread's CPU time (what the gate costs, whatever else the machine runs). */
  traceCpuTotalMs: number | null;
  traceCpuLongestTaskMs: number | null;
  /**
   * Where it goes (trace, CPU ms): the gate script's evaluation (compile and module set-up), and
   * its work after the first 2 s and after the first 10 s (the changes, once the opening is read).
   */
  traceCpuEvaluateMs: number | null;
  traceCpuAfter2sMs: number | null;
  traceCpuAfter10sMs: number | null;
  /** What the page did meanwhile. */
  changes: GateRead['front'];
  /** Sanity: the page never became the article. */
  candidate: boolean;
  highlights: number;
  errors: string[];
}

/** Where and when the extension's first script was evaluated (a build without marks). */
function evaluationOf(events: readonly TraceEvent[], origin: string) {
  const e = events.find(
    (x) => x.name === 'EvaluateScript' && (x.args?.data?.url ?? '').startsWith(origin),
  );
  return e ? { pid: e.pid, tid: e.tid, ts: e.ts } : null;
}

async function withTrace<T>(
  context: BrowserContext,
  page: Page,
  run: () => Promise<T>,
): Promise<{ value: T; events: TraceEvent[] }> {
  const cdp = await context.newCDPSession(page);
  const stop = await startTrace(cdp as never);
  const value = await run();
  const events = await stop();
  await cdp.detach().catch(() => {});
  return { value, events };
}

/**
 * The changing front for `durationMs` after load, with the build in `dist` (the timing build:
 * the gate's own measures and the trace; the build for users: the trace only, without the
 * timing build's own cost of recording a measure per task).
 */
export async function measureChangingPage(
  dist: string,
  durationMs = 30_000,
): Promise<ChangingPageFigures> {
  const html = changingFrontHtml();
  const { context, profile, extensionBase } = await launchChromiumWithExtension(
    resolve(dist, 'chrome'),
    { routing: [] },
  );
  const errors: string[] = [];
  try {
    await context.route(FRONT_URL, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }),
    );
    // A first load wakes the service worker and warms the caches: not counted.
    const warm = await context.newPage();
    await warm.goto(FRONT_URL, { waitUntil: 'load' });
    await warm.waitForTimeout(1000);
    await warm.close();
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(String(e)));
    const { value: read, events } = await withTrace(context, page, async () => {
      await page.goto(FRONT_URL, { waitUntil: 'load' });
      await page.waitForTimeout(durationMs);
      return (await page.evaluate(READ_GATE)) as GateRead;
    });
    const main = markOf(events, 'gloss:gate-start') ?? evaluationOf(events, extensionBase);
    const trace = main ? scriptCost(events, main, extensionBase) : null;
    const after = (ms: number) =>
      main ? scriptCost(events, main, extensionBase, main.ts + ms * 1000).cpuTotalMs : null;
    const evaluate = main
      ? events
          .filter(
            (e) =>
              e.name === 'EvaluateScript' &&
              e.pid === main.pid &&
              e.tid === main.tid &&
              (e.args?.data?.url ?? '').startsWith(extensionBase),
          )
          .reduce((a, e) => a + (e.tdur ?? 0) / 1000, 0)
      : null;
    if (!main) errors.push('the trace does not show the gate');
    await page.close();
    return {
      durationMs,
      gateTotalMs: read.totalMs,
      gateTasks: read.tasks,
      gateLongestTaskMs: read.longestMs,
      gateFirstTaskMs: read.firstMs,
      traceTotalMs: trace?.totalMs ?? null,
      traceLongestTaskMs: trace?.longestTaskMs ?? null,
      traceTasks: trace?.tasks ?? null,
      traceByScript: trace?.byScript ?? null,
      traceCpuTotalMs: trace?.cpuTotalMs ?? null,
      traceCpuLongestTaskMs: trace?.cpuLongestTaskMs ?? null,
      traceCpuEvaluateMs: evaluate,
      traceCpuAfter2sMs: after(2000),
      traceCpuAfter10sMs: after(10_000),
      changes: read.front,
      candidate: 'gate-candidate' in read.marks,
      highlights: read.highlights,
      errors,
    };
  } finally {
    await context.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
}

export interface LivePageRun {
  /** The gate's own account until the candidate (ms) and its longest task. */
  gateTotalMs: number;
  gateLongestTaskMs: number;
  gateTasks: number;
  /** The engine's detect: every main-thread task between detect-start and detect-end (trace). */
  detectTotalMs: number | null;
  detectLongestSliceMs: number | null;
  detectSlices: number | null;
  /** The same in the main thread's CPU time. */
  detectCpuTotalMs: number | null;
  detectCpuLongestSliceMs: number | null;
  /** The gate's scripts from the trace, wall and CPU time, until detect-start. */
  gateTraceMs: number | null;
  gateTraceCpuMs: number | null;
  gateTraceCpuLongestMs: number | null;
  /** detect-start -> detect-end, wall time (ms). */
  detectWallMs: number | null;
  /** The extension's scripts per file on the main thread, from the trace (compile and run). */
  traceByScript: Record<string, number> | null;
  highlighted: boolean;
}

export interface LivePageFigures {
  runs: LivePageRun[];
  /** Medians over the runs: the gate + the engine's detect, and the longest slice of either. */
  totalMs: number | null;
  gateTotalMs: number | null;
  detectTotalMs: number | null;
  longestSliceMs: number | null;
  /** The same in CPU time (trace): the gate's scripts + the detect slices, and the longest. */
  cpuTotalMs: number | null;
  cpuLongestSliceMs: number | null;
  errors: string[];
}

/** The 400 KB live page (fixture), `loads` counted loads after one warm-up. */
export async function measureLivePage(dist: string, loads = 3): Promise<LivePageFigures> {
  const server = await startFixtureServer();
  const { context, profile, extensionBase } = await launchChromiumWithExtension(
    resolve(dist, 'chrome'),
    { routing: [hostResolverFlag(server.hosts, server.port)] },
  );
  const errors: string[] = [];
  const runs: LivePageRun[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      const { value: read, events } = await withTrace(context, page, async () => {
        await page.goto(LIVE_URL, { waitUntil: 'load' });
        try {
          await page.waitForFunction(
            () => performance.getEntriesByName('gloss:painted', 'mark').length > 0,
            undefined,
            { timeout: 20_000, polling: 100 },
          );
        } catch {
          errors.push(`load ${i}: no highlight within 20 s`);
        }
        await page.waitForTimeout(200);
        return (await page.evaluate(READ_GATE)) as GateRead;
      });
      await page.close();
      if (i === 0) continue; // warm-up
      const start = markOf(events, 'gloss:detect-start');
      const end = markOf(events, 'gloss:detect-end');
      const detect = start && end ? taskCost(events, start, start.ts, end.ts) : null;
      const scripts = start ? scriptCost(events, start, extensionBase) : null;
      const gate = start
        ? scriptCost(events, start, `${extensionBase}content/gate.js`, 0, start.ts)
        : null;
      runs.push({
        gateTotalMs: read.totalMs,
        gateLongestTaskMs: read.longestMs,
        gateTasks: read.tasks,
        detectTotalMs: detect?.totalMs ?? null,
        detectLongestSliceMs: detect?.longestTaskMs ?? null,
        detectSlices: detect?.tasks ?? null,
        detectCpuTotalMs: detect?.cpuTotalMs ?? null,
        detectCpuLongestSliceMs: detect?.cpuLongestTaskMs ?? null,
        gateTraceMs: gate?.totalMs ?? null,
        gateTraceCpuMs: gate?.cpuTotalMs ?? null,
        gateTraceCpuLongestMs: gate?.cpuLongestTaskMs ?? null,
        detectWallMs: start && end ? (end.ts - start.ts) / 1000 : null,
        traceByScript: scripts?.byScript ?? null,
        highlighted: read.highlights > 0,
      });
    }
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  const med = (xs: Array<number | null>) => {
    const v = xs.filter((x): x is number => x !== null);
    return v.length ? median(v) : null;
  };
  const totals = runs.map((r) =>
    r.detectTotalMs === null ? null : r.gateTotalMs + r.detectTotalMs,
  );
  return {
    runs,
    totalMs: med(totals),
    gateTotalMs: med(runs.map((r) => r.gateTotalMs)),
    detectTotalMs: med(runs.map((r) => r.detectTotalMs)),
    longestSliceMs: med(
      runs.map((r) =>
        r.detectLongestSliceMs === null
          ? null
          : Math.max(r.gateLongestTaskMs, r.detectLongestSliceMs),
      ),
    ),
    cpuTotalMs: med(
      runs.map((r) =>
        r.gateTraceCpuMs === null || r.detectCpuTotalMs === null
          ? null
          : r.gateTraceCpuMs + r.detectCpuTotalMs,
      ),
    ),
    cpuLongestSliceMs: med(
      runs.map((r) =>
        r.gateTraceCpuLongestMs === null || r.detectCpuLongestSliceMs === null
          ? null
          : Math.max(r.gateTraceCpuLongestMs, r.detectCpuLongestSliceMs),
      ),
    ),
    errors,
  };
}

export interface NonArticleFigures {
  /** Medians over the loads: the gate's own account (wall) and the trace's (CPU), whole page. */
  gateMs: number | null;
  gateCpuMs: number | null;
  gateLongestTaskMs: number | null;
  runs: Array<{ gateMs: number; gateCpuMs: number | null; tasks: number }>;
  errors: string[];
}

/**
 * The gate on a non-article page of a supported site (a fixture page, served under its real host):
 * all its main-thread work until the page has been quiet for `settleMs`, `loads` loads after one
 * warm-up. The page does not change, so this is its first read and probe.
 */
export async function measureNonArticlePage(
  dist: string,
  url: string,
  loads = 5,
  settleMs = 1500,
): Promise<NonArticleFigures> {
  const server = await startFixtureServer();
  const { context, profile, extensionBase } = await launchChromiumWithExtension(
    resolve(dist, 'chrome'),
    { routing: [hostResolverFlag(server.hosts, server.port)] },
  );
  const errors: string[] = [];
  const runs: NonArticleFigures['runs'] = [];
  const longest: number[] = [];
  try {
    for (let i = 0; i < loads + 1; i++) {
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      const { value: read, events } = await withTrace(context, page, async () => {
        await page.goto(url, { waitUntil: 'load' });
        await page.waitForTimeout(settleMs);
        return (await page.evaluate(READ_GATE)) as GateRead;
      });
      await page.close();
      if (i === 0) continue;
      const main = markOf(events, 'gloss:gate-start');
      const trace = main ? scriptCost(events, main, `${extensionBase}content/gate.js`) : null;
      if (read.tasks === 0) errors.push(`load ${i}: the gate recorded nothing`);
      runs.push({ gateMs: read.totalMs, gateCpuMs: trace?.cpuTotalMs ?? null, tasks: read.tasks });
      longest.push(read.longestMs);
    }
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  const cpu = runs.map((r) => r.gateCpuMs).filter((v): v is number => v !== null);
  return {
    gateMs: runs.length ? median(runs.map((r) => r.gateMs)) : null,
    gateCpuMs: cpu.length ? median(cpu) : null,
    gateLongestTaskMs: longest.length ? median(longest) : null,
    runs,
    errors,
  };
}
