/**
 * Debian's Chromium with one unpacked extension loaded, as the e2e harness, the screenshots and the
 * benchmark each launch it: a fresh profile, the flags of installed.ts, HTTPS errors accepted (the
 * fixture server's certificate is made at run time), and the extension's service worker running.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH, loadExtensionFlags } from './installed';

export interface ChromiumLaunch {
  /** Where the fixture hosts go: `hostResolverFlag(...)`, or a proxy's flags. */
  routing: readonly string[];
  headless?: boolean;
  /** A profile folder of the caller's; by default a new one under the system's temp folder. */
  profile?: string;
  deviceScaleFactor?: number;
  /** How long the launch may take (ms); playwright's default otherwise. */
  timeout?: number;
}

export interface ChromiumWithExtension {
  context: BrowserContext;
  /** The extension's service worker, already running. */
  worker: Worker;
  /** `chrome-extension://<id>/`. */
  extensionBase: string;
  profile: string;
}

export async function launchChromiumWithExtension(
  extensionDir: string,
  { routing, headless = true, profile, deviceScaleFactor, timeout }: ChromiumLaunch,
): Promise<ChromiumWithExtension> {
  const profileDir = profile ?? mkdtempSync(join(tmpdir(), 'gloss-chromium-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless,
    ignoreHTTPSErrors: true,
    viewport: { width: 1280, height: 900 },
    ...(deviceScaleFactor === undefined ? {} : { deviceScaleFactor }),
    ...(timeout === undefined ? {} : { timeout }),
    args: [...loadExtensionFlags(extensionDir), ...routing, ...CHROMIUM_FLAGS],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionBase = `chrome-extension://${new URL(worker.url()).host}/`;
    return { context, worker, extensionBase, profile: profileDir };
  } catch (error) {
    await context.close().catch(() => {});
    throw error;
  }
}
