/**
 * What a catalogue's host list costs the browser (Chromium): a tiny extension whose content
 * script and host permissions list K host patterns, registered either statically (manifest) or
 * with scripting.registerContentScripts from the service worker. Per K: the time from launch to
 * the extension's service worker, the registration call itself (dynamic), and on a page of a
 * listed host, when the content script runs (document_end) after the response ended.
 * Gloss lists exactly the catalogue's hosts (about 50 for the generated catalogue, 3 today);
 * larger K shows where the list would start to cost.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { startFixtureServer } from '../../tools/browsers/fixture-server';
import { hostResolverFlag } from '../../tools/browsers/installed';
import { median } from './report';

/** Host patterns tried: about the generated catalogue's 50 hosts, and twenty times more. */
export const REGISTRATION_PATTERNS = [50, 1000] as const;
/** A launch that takes longer than this is recorded as failed (5000 static patterns: over 3 min). */
const LAUNCH_TIMEOUT_MS = 60_000;

export interface RegistrationFigures {
  patterns: number;
  mode: 'static' | 'dynamic';
  /** null: the browser did not come up with the extension within LAUNCH_TIMEOUT_MS (see error). */
  launchToWorkerMs: number | null;
  registerMs: number | null;
  /** Page's responseEnd -> content script start, median over loads. */
  injectAfterResponseMs: number | null;
  error?: string;
}

const PAGE =
  '/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';

function patterns(k: number): string[] {
  const out = ['https://www.straitstimes.com/*'];
  for (let i = 1; i < k; i++) out.push(`https://www.news-site-${i}.example/*`);
  return out;
}

function writeExtension(dir: string, k: number, mode: 'static' | 'dynamic') {
  mkdirSync(dir, { recursive: true });
  const list = patterns(k);
  const manifest = {
    manifest_version: 3,
    name: `registration-${mode}-${k}`,
    version: '1.0',
    background: { service_worker: 'sw.js' },
    permissions: ['scripting'],
    host_permissions: list,
    ...(mode === 'static'
      ? { content_scripts: [{ matches: list, js: ['cs.js'], run_at: 'document_end' }] }
      : {}),
  };
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  writeFileSync(
    join(dir, 'cs.js'),
    `document.documentElement.dataset.cs = String(performance.now());\n`,
  );
  writeFileSync(
    join(dir, 'sw.js'),
    `globalThis.register = async (matches) => { const t = performance.now(); await chrome.scripting.registerContentScripts([{ id: 'cs', matches, js: ['cs.js'], runAt: 'document_end' }]); return performance.now() - t; };\n`,
  );
}

export async function measureRegistration(
  k: number,
  mode: 'static' | 'dynamic',
  loads = 5,
): Promise<RegistrationFigures> {
  const server = await startFixtureServer();
  const root = mkdtempSync(join(tmpdir(), 'gloss-bench-reg-'));
  const ext = join(root, 'ext');
  writeExtension(ext, k, mode);
  const t0 = performance.now();
  const { context, worker } = await launchChromiumWithExtension(ext, {
    routing: [hostResolverFlag(server.hosts, server.port)],
    profile: join(root, 'profile'),
    timeout: LAUNCH_TIMEOUT_MS,
  });
  try {
    const launchToWorkerMs = performance.now() - t0;
    let registerMs: number | null = null;
    if (mode === 'dynamic')
      registerMs = (await worker.evaluate(
        `globalThis.register(${JSON.stringify(patterns(k))})`,
      )) as number;
    const inject: number[] = [];
    for (let i = 0; i < loads + 1; i++) {
      const page = await context.newPage();
      await page.goto(`https://www.straitstimes.com${PAGE}`, { waitUntil: 'load' });
      const r = (await page.evaluate(
        `(() => { const n = performance.getEntriesByType('navigation')[0]; const cs = document.documentElement.dataset.cs; return cs === undefined ? null : Number(cs) - n.responseEnd; })()`,
      )) as number | null;
      if (i > 0 && r !== null) inject.push(r);
      await page.close();
    }
    return {
      patterns: k,
      mode,
      launchToWorkerMs,
      registerMs,
      injectAfterResponseMs: inject.length ? median(inject) : null,
    };
  } finally {
    await context.close().catch(() => {});
    await server.close().catch(() => {});
    rmSync(root, { recursive: true, force: true });
  }
}
