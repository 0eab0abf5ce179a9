/**
 * Gloss loaded into the two real browsers, behind one small interface so every e2e test runs the
 * same steps in both: Debian's Chromium through playwright-core, Debian's Firefox ESR through
 * puppeteer-core over WebDriver BiDi. One browser of each kind per test run (see `getBrowser`).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type BrowserContext, chromium, type Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { startLoggingProxy } from './logging-proxy';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const DIST = resolve(import.meta.dirname, '../../../dist');
export const ARTIFACTS = resolve(import.meta.dirname, '../../../artifacts/e2e');
const GECKO_ID = 'gloss@gloss.invalid';
const FIREFOX_EXTENSION_UUID = '6f0c5a0e-2b1d-4c52-9d8e-0a11ce5e7e57';

export interface TestPage {
  /** Runs `fn` in the page (the page's main world for web pages). */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Waits until `fn` returns a truthy value in the page. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  click(selector: string): Promise<void>;
  keyboard(keys: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** Uncaught errors the page reported. */
  errors: string[];
  close(): Promise<void>;
}

export interface GlossBrowser {
  name: BrowserName;
  server: FixtureServer;
  /** The address of a fixture page as this browser must request it. */
  url(host: string, path: string): string;
  extensionUrl(path: string): string;
  open(url: string): Promise<TestPage>;
  /** Opens an extension page in a tab (popup, side panel, or a control page for API calls). */
  openExtensionPage(path: string): Promise<TestPage>;
  close(): Promise<void>;
}

function wrapPlaywright(page: PwPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    // biome-ignore lint/suspicious/noExplicitAny: playwright's Unboxed<A> vs our plain A
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      await page.waitForFunction(fn as any, arg, { timeout: timeoutMs, polling: 50 });
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: false });
    },
    click: (selector) => page.click(selector),
    keyboard: (keys) => page.keyboard.press(keys),
    mouseMove: (x, y) => page.mouse.move(x, y),
    close: () => page.close(),
  };
}

function wrapPuppeteer(page: PpPage): TestPage {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return {
    errors,
    // biome-ignore lint/suspicious/noExplicitAny: puppeteer's evaluate generics differ from playwright's
    evaluate: (fn, arg) => page.evaluate(fn as any, arg) as any,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      // biome-ignore lint/suspicious/noExplicitAny: as above
      await page.waitForFunction(fn as any, { timeout: timeoutMs, polling: 50 }, arg);
    },
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    click: (selector) => page.click(selector),
    // biome-ignore lint/suspicious/noExplicitAny: key names are the same in both drivers
    keyboard: (keys) => page.keyboard.press(keys as any),
    mouseMove: (x, y) => page.mouse.move(x, y),
    close: () => page.close(),
  };
}

/** Launch options: a proxy port sends every request of the browser through a logging proxy. */
export interface LaunchOptions {
  headless?: boolean;
  proxyPort?: number;
}

async function launchChromium(
  server: FixtureServer,
  { headless = true, proxyPort }: LaunchOptions = {},
): Promise<GlossBrowser> {
  const dist = join(DIST, 'chrome');
  const rules = server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`).join(',');
  const routing = proxyPort
    ? [`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>']
    : [`--host-resolver-rules=${rules}`];
  const context: BrowserContext = await chromium.launchPersistentContext(
    mkdtempSync(join(tmpdir(), 'gloss-chromium-')),
    {
      executablePath: '/usr/bin/chromium',
      headless,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 900 },
      args: [
        `--disable-extensions-except=${dist}`,
        `--load-extension=${dist}`,
        ...routing,
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  );
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const base = `chrome-extension://${extensionId}/`;
  return {
    name: 'chromium',
    server,
    url: (host, path) => `https://${host}${path}`,
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    open: async (url) => {
      const page = await context.newPage();
      const wrapped = wrapPlaywright(page);
      await page.goto(url, { waitUntil: 'load' });
      return wrapped;
    },
    openExtensionPage: async (path) => {
      const page = await context.newPage();
      const wrapped = wrapPlaywright(page);
      await page.goto(base + path.replace(/^\//, ''));
      return wrapped;
    },
    close: async () => {
      await context.close();
    },
  };
}

async function launchFirefox(
  server: FixtureServer,
  { proxyPort }: LaunchOptions = {},
): Promise<GlossBrowser> {
  const routing = proxyPort
    ? {
        'network.proxy.type': 1,
        'network.proxy.http': '127.0.0.1',
        'network.proxy.http_port': proxyPort,
        'network.proxy.ssl': '127.0.0.1',
        'network.proxy.ssl_port': proxyPort,
        'network.proxy.no_proxies_on': '',
        'network.proxy.allow_hijacking_localhost': true,
      }
    : { 'network.dns.localDomains': server.hosts.join(',') };
  const browser: PpBrowser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: '/usr/bin/firefox-esr',
    headless: true,
    acceptInsecureCerts: true,
    args: ['--remote-allow-system-access', '--width=1280', '--height=900'],
    extraPrefsFirefox: {
      ...routing,
      'network.trr.mode': 5,
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: FIREFOX_EXTENSION_UUID }),
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      'toolkit.telemetry.enabled': false,
    },
  });
  await browser.installExtension(join(DIST, 'firefox'));
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const firstPage = (await browser.pages())[0];
  const openIn = async (url: string, waitForLoad: boolean) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const wrapped = wrapPuppeteer(page);
    if (waitForLoad) await page.goto(url, { waitUntil: 'load' });
    else {
      // BiDi may never report moz-extension:// navigations as done: start it, then wait on the page.
      page.goto(url).catch(() => {});
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 15_000 });
    }
    return wrapped;
  };
  return {
    name: 'firefox',
    server,
    url: (host, path) =>
      proxyPort ? `https://${host}${path}` : `https://${host}:${server.port}${path}`,
    extensionUrl: (path) => base + path.replace(/^\//, ''),
    open: (url) => openIn(url, true),
    openExtensionPage: (path) => openIn(base + path.replace(/^\//, ''), false),
    close: async () => {
      await firstPage?.close().catch(() => {});
      await browser.close();
    },
  };
}

/**
 * A browser of its own, with its own fixture server: for tests that restart the extension, or
 * (with `logRequests`) that must see every request the browser makes, through a logging proxy.
 */
export async function launchBrowser(
  name: BrowserName,
  { logRequests = false } = {},
): Promise<GlossBrowser & { requestLog: string[] }> {
  const server = await startFixtureServer();
  const proxy = logRequests ? await startLoggingProxy(server.port, server.hosts) : null;
  const options: LaunchOptions = proxy ? { proxyPort: proxy.port } : {};
  const browser =
    name === 'chromium'
      ? await launchChromium(server, options)
      : await launchFirefox(server, options);
  return {
    ...browser,
    requestLog: proxy?.log ?? [],
    close: async () => {
      await browser.close();
      await proxy?.close();
      await server.close();
    },
  };
}

const running = new Map<BrowserName, Promise<GlossBrowser>>();

/** The one browser of this kind for the whole e2e run (vitest runs e2e files in one process). */
export function getBrowser(name: BrowserName, { headless = true } = {}): Promise<GlossBrowser> {
  let b = running.get(name);
  if (!b) {
    b = startFixtureServer().then((server) =>
      name === 'chromium' ? launchChromium(server, { headless }) : launchFirefox(server),
    );
    running.set(name, b);
  }
  return b;
}

export async function closeAllBrowsers(): Promise<void> {
  for (const b of running.values()) {
    const browser = await b.catch(() => null);
    await browser?.close().catch(() => {});
    await browser?.server.close().catch(() => {});
  }
  running.clear();
}
