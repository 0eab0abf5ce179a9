/**
 * The background's read of the catalogue index in the real extension (issue #16): the built
 * extension (dist/chrome) with its catalogue/index.bin replaced by a generated catalogue's, in
 * Chromium; in its service worker, the read the background does (src/platform/package-files.ts:
 * fetch of the package URL, then the bytes as an ArrayBuffer), timed
 *  - woken: a read in a worker just stopped and woken again (by an extension page), as a probe
 *    finds a background that was asleep. The shipped background starts its own read as it
 *    starts (src/background/catalogue.ts); that read is not observable from outside (Chromium
 *    keeps no Resource Timing of chrome-extension: URLs), so this one stands for it, begun a
 *    little later (wokenStartMs) and possibly alongside it;
 *  - awake: the same read again in a running worker (median).
 * Making the index's views over the bytes (CatalogueIndex's constructor) is timed by the caller
 * in node: it does not depend on the browser.
 */
import { copyFileSync, cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Worker } from 'playwright-core';
import { CATALOGUE_INDEX_FILE } from '../../src/detection/catalogue-index-format';
import { launchChromiumWithExtension } from '../../tools/browsers/chromium';
import { median } from './report';

export interface IndexReadFigures {
  /** Bytes read (the file's size). */
  bytes: number;
  wokenMs: number;
  awakeMs: number;
  /** How long after the woken worker started its first read began, ms (its own start-up). */
  wokenStartMs: number;
}

/** Runs in the service worker (a string: tsx would wrap a function in helpers it lacks there). */
const READ_INDEX = `(async () => {
  const started = performance.now();
  const response = await fetch(chrome.runtime.getURL(${JSON.stringify(CATALOGUE_INDEX_FILE)}));
  const bytes = await response.arrayBuffer();
  return { ms: performance.now() - started, bytes: bytes.byteLength, started };
})()`;

interface OneRead {
  ms: number;
  bytes: number;
  started: number;
}

const readIn = (worker: Worker) => worker.evaluate(READ_INDEX) as Promise<OneRead>;

export async function measureIndexRead(root: string, indexFile: string): Promise<IndexReadFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-bench-index-'));
  const extension = join(dir, 'ext');
  cpSync(resolve(root, 'dist/chrome'), extension, { recursive: true });
  copyFileSync(indexFile, join(extension, CATALOGUE_INDEX_FILE));
  const { context, worker, extensionBase } = await launchChromiumWithExtension(extension, {
    routing: [],
    profile: join(dir, 'profile'),
  });
  try {
    const awake: number[] = [];
    await readIn(worker); // the first read of the file since the launch: not timed
    for (let i = 0; i < 7; i++) awake.push((await readIn(worker)).ms);

    // Stop the worker, then wake it as the browser does: an extension page messages it. The
    // playwright handle reaches the worker again once it runs (its clock then starts anew).
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((done) =>
      cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
        if (versions.some((v) => v.runningStatus === 'stopped')) done();
      }),
    );
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;
    await page.goto(`${extensionBase}src/popup/index.html`);
    const first = await readIn(worker);
    return {
      bytes: first.bytes,
      wokenMs: first.ms,
      awakeMs: median(awake),
      wokenStartMs: first.started,
    };
  } finally {
    await context.close().catch(() => {});
    rmSync(dir, { recursive: true, force: true });
  }
}
