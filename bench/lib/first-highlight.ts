/**
 * Time to highlights as a reader sees it: from the canonical page's DOMContentLoaded to the first
 * painted Gloss highlight, with the way there split into phases (report.ts FIRST_HIGHLIGHT_PHASES).
 *
 * It runs the benchmark's own build of the extension (`GLOSS_TIMING=1`, written to
 * bench/out/dist-timing): the same code with the `gloss:*` performance marks of
 * src/content/timing.ts compiled in. The page's own script (main world, installed before the page
 * runs) reads those marks from the shared performance timeline and notes when the first
 * `gloss-` highlight is registered and the frame after it is rendered. In Chromium the
 * background's side is seen from its service worker: when the gate's message arrives and when
 * the engine's injection is asked for; Firefox's background is not reachable from the
 * benchmark, so there the message and the injection are one figure (under engineInjection).
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { TIMING_MARKS, type TimingMark } from '../../src/content/timing';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { FIREFOX_PATH, hostResolverFlag } from '../../tools/browsers/installed';
import { FIRST_HIGHLIGHT_PHASES, median, medianPhases, type PhaseTimes } from './report';

export const TIMING_DIST = 'bench/out/dist-timing';
const CANONICAL_PATH =
  '/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';
const CANONICAL_HOST = 'www.straitstimes.com';

/** Builds the extension with the marks compiled in, beside dist/ (never over it). */
export function buildTimingExtension(root: string): string {
  execFileSync('npx', ['tsx', 'scripts/build.ts'], {
    cwd: root,
    env: { ...process.env, GLOSS_TIMING: '1', GLOSS_DIST: TIMING_DIST },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return resolve(root, TIMING_DIST);
}

/** What one page load yields, in the page's clock (ms since its time origin). */
export interface LoadTimes {
  dcl: number;
  /** The first `gloss-` highlight registered, and the end of the frame after it. */
  registered: number | null;
  painted: number | null;
  marks: Partial<Record<TimingMark, number>>;
  /** From the background (Chromium): the gate's message received, the injection asked for. */
  received?: number | null;
  injecting?: number | null;
}

/** Installed in the page's main world before it runs. */
const WATCH = `(() => {
  if (location.protocol !== 'https:') return;
  const w = { dcl: null, registered: null, painted: null };
  window.__glossFirst = w;
  addEventListener('DOMContentLoaded', () => {
    const nav = performance.getEntriesByType('navigation')[0];
    w.dcl = nav ? nav.domContentLoadedEventStart : performance.now();
  });
  const on = () => { for (const k of CSS.highlights.keys()) if (String(k).startsWith('gloss-')) return true; return false; };
  const ch = new MessageChannel();
  ch.port1.onmessage = () => {
    if (w.registered !== null) return;
    if (!on()) { ch.port2.postMessage(0); return; }
    w.registered = performance.now();
    // The frame that paints it: after the next animation frame's rendering, a task runs.
    requestAnimationFrame(() => { const c = new MessageChannel(); c.port1.onmessage = () => { w.painted = performance.now(); }; c.port2.postMessage(0); });
  };
  ch.port2.postMessage(0);
})();`;

/** Reads the load's figures from the page (main world). */
const READ = `(() => {
  const w = window.__glossFirst;
  const marks = {};
  for (const m of performance.getEntriesByType('mark')) if (m.name.startsWith('gloss:') && !(m.name.slice(6) in marks)) marks[m.name.slice(6)] = m.startTime;
  return { dcl: w.dcl, registered: w.registered, painted: w.painted, marks, origin: performance.timeOrigin };
})()`;

/**
 * Phases of one load. Each boundary is clamped to DOMContentLoaded (work done before it is not
 * on the way "after DCL"), so the phases add up to painted - DCL.
 */
export function phasesOf(t: LoadTimes): PhaseTimes | null {
  if (t.painted === null) return null;
  const at = (x: number | null | undefined) => (x == null ? null : Math.max(t.dcl, x));
  const bounds: Array<number | null> = [
    t.dcl,
    at(t.marks['gate-start']),
    at(t.marks['gate-probe']),
    at(t.injecting ?? null),
    at(t.marks['engine-start']),
    at(t.marks['detect-start']),
    at(t.marks['detect-end']),
    at(t.marks['anchor-end']),
    at(t.painted),
  ];
  const out = {} as PhaseTimes;
  FIRST_HIGHLIGHT_PHASES.forEach((phase, i) => {
    const a = bounds[i];
    const b = bounds[i + 1];
    out[phase] = a == null || b == null ? null : b - a;
  });
  // Without the background's side, the message is part of the injection figure.
  if (bounds[3] == null && bounds[2] != null && bounds[4] != null) {
    out.message = null;
    out.engineInjection = (bounds[4] as number) - (bounds[2] as number);
  }
  return out;
}

export interface FirstHighlight {
  browser: string;
  afterDclMs: number | null;
  phases: PhaseTimes | null;
  runs: Array<{ afterDclMs: number | null; phases: PhaseTimes | null }>;
  /** The marks seen (diagnostics): names present in the first counted load. */
  marksSeen: string[];
  errors: string[];
}

function summarise(browser: string, loads: LoadTimes[], errors: string[]): FirstHighlight {
  const runs = loads.map((t) => ({
    afterDclMs: t.painted === null ? null : t.painted - t.dcl,
    phases: phasesOf(t),
  }));
  const totals = runs.map((r) => r.afterDclMs).filter((v): v is number => v !== null);
  const phases = runs.map((r) => r.phases).filter((p): p is PhaseTimes => p !== null);
  return {
    browser,
    afterDclMs: totals.length ? median(totals) : null,
    phases: phases.length ? medianPhases(phases) : null,
    runs,
    marksSeen: Object.keys(loads[0]?.marks ?? {}),
    errors,
  };
}

/** The service worker's listener: when each message from a tab arrives, when injection is asked. */
const SW_PROBE = `(() => {
  if (globalThis.__glossBenchSw) return;
  const sw = { received: [], injecting: [] };
  globalThis.__glossBenchSw = sw;
  const at = () => performance.timeOrigin + performance.now();
  chrome.runtime.onMessage.addListener((m, sender) => {
    if (sender.tab) sw.received.push({ t: at(), url: sender.url, type: m && m.type });
  });
  const original = chrome.scripting.executeScript.bind(chrome.scripting);
  chrome.scripting.executeScript = (...a) => { sw.injecting.push({ t: at(), tab: a[0] && a[0].target && a[0].target.tabId }); return original(...a); };
})()`;

export async function firstHighlightChromium(dist: string, loads = 9): Promise<FirstHighlight> {
  const server = await startFixtureServer();
  const ext = resolve(dist, 'chrome');
  const launched = await launchChromiumWithExtension(ext, {
    routing: [hostResolverFlag(server.hosts, server.port)],
  });
  const { context, profile } = launched;
  const errors: string[] = [];
  const out: LoadTimes[] = [];
  try {
    let worker: Worker = launched.worker;
    await context.addInitScript({ content: WATCH });
    const url = `https://${CANONICAL_HOST}${CANONICAL_PATH}`;
    for (let i = 0; i < loads + 1; i++) {
      // The worker may have been stopped and started again since: (re)install the probe.
      worker = context.serviceWorkers()[0] ?? worker;
      await worker.evaluate(SW_PROBE).catch((e) => errors.push(`service worker probe: ${e}`));
      await worker
        .evaluate(
          'globalThis.__glossBenchSw && (globalThis.__glossBenchSw.received.length = 0, globalThis.__glossBenchSw.injecting.length = 0)',
        )
        .catch(() => {});
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(url, { waitUntil: 'load' });
      try {
        await page.waitForFunction(
          'window.__glossFirst && window.__glossFirst.painted !== null',
          undefined,
          { timeout: 10_000, polling: 50 },
        );
      } catch {
        errors.push(`load ${i}: no highlight painted within 10 s`);
      }
      const r = (await page.evaluate(READ)) as LoadTimes & { origin: number };
      const sw = (await worker.evaluate('globalThis.__glossBenchSw').catch(() => null)) as {
        received: Array<{ t: number; url: string }>;
        injecting: Array<{ t: number }>;
      } | null;
      const received = sw?.received.find((m) => m.url?.startsWith(url));
      r.received = received ? received.t - r.origin : null;
      r.injecting = sw?.injecting[0] ? sw.injecting[0].t - r.origin : null;
      // The first load warms the HTTP cache and wakes the service worker: not counted.
      if (i > 0) out.push(r);
      await page.close();
    }
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(profile, { recursive: true, force: true });
  }
  return summarise(`Chromium ${context.browser()?.version() ?? ''}`.trim(), out, errors);
}

export async function firstHighlightFirefox(dist: string, loads = 9): Promise<FirstHighlight> {
  const server = await startFixtureServer();
  const errors: string[] = [];
  const out: LoadTimes[] = [];
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      'network.dns.localDomains': server.hosts.join(','),
      'network.trr.mode': 5,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  let version = 'Firefox';
  try {
    version = `Firefox ${(await browser.version()).replace(/^firefox\//i, '')}`;
    await browser.installExtension(resolve(dist, 'firefox'));
    const url = `https://${CANONICAL_HOST}:${server.port}${CANONICAL_PATH}`;
    for (let i = 0; i < loads + 1; i++) {
      const page = await browser.newPage();
      await page.setViewport({ width: 1280, height: 900 });
      await page.evaluateOnNewDocument(WATCH);
      await page.goto(url, { waitUntil: 'load' });
      try {
        await page.waitForFunction('window.__glossFirst && window.__glossFirst.painted !== null', {
          timeout: 10_000,
          polling: 50,
        });
      } catch {
        errors.push(`load ${i}: no highlight painted within 10 s`);
      }
      const r = (await page.evaluate(READ)) as LoadTimes;
      if (i > 0) out.push(r);
      await page.close();
    }
  } finally {
    await browser.close().catch(() => {});
    await server.close().catch(() => {});
  }
  return summarise(version, out, errors);
}

export { TIMING_MARKS };
