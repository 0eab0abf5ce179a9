/**
 * Gloss loaded into the two real browsers, behind one small interface so every e2e test runs the
 * same steps in both: Debian's Chromium through playwright-core, Debian's Firefox ESR through
 * puppeteer-core over WebDriver BiDi. One browser of each kind per test run (see `getBrowser`).
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { BrowserContext, CDPSession, Page as PwPage } from 'playwright-core';
import puppeteer, { type Browser as PpBrowser, type Page as PpPage } from 'puppeteer-core';
import { firefoxActionWidget, GECKO_ID } from '../build/firefox';
import { launchChromiumWithExtension } from './chromium';
import { type FixtureServer, startFixtureServer } from './fixture-server';
import { FIREFOX_PATH, hostResolverFlag } from './installed';
import { startLoggingProxy } from './logging-proxy';

export type BrowserName = 'chromium' | 'firefox';
export const BROWSERS: BrowserName[] = ['chromium', 'firefox'];

export const DIST = resolve(import.meta.dirname, '../../dist');
export const ARTIFACTS = resolve(import.meta.dirname, '../../artifacts/e2e');
const FIREFOX_EXTENSION_UUID = '6f0c5a0e-2b1d-4c52-9d8e-0a11ce5e7e57';
/** Firefox's id for Gloss's toolbar button. */
const FIREFOX_ACTION_WIDGET = firefoxActionWidget();

export interface TestPage {
  /** Runs `fn` in the page (the page's main world for web pages). */
  evaluate<A, R>(fn: (arg: A) => R, arg: A): Promise<Awaited<R>>;
  /** Waits until `fn` returns a truthy value in the page. */
  waitFor<A>(fn: (arg: A) => unknown, arg: A, timeoutMs?: number): Promise<void>;
  screenshot(file: string): Promise<void>;
  click(selector: string): Promise<void>;
  keyboard(keys: string): Promise<void>;
  mouseMove(x: number, y: number): Promise<void>;
  /** A real click at a point of the viewport (what is there may be in a closed shadow root). */
  mouseClick(x: number, y: number): Promise<void>;
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
  /** The reader's gestures on the browser's own UI, and the views it opens there (see `BrowserUi`). */
  ui: BrowserUi;
  close(): Promise<void>;
}

/**
 * What the reader does on the browser's own UI, which page automation does not reach: press Gloss's
 * toolbar button; and the documents the browser then shows for Gloss outside any tab (the action's
 * popup, the side panel), as test pages whose `click` is a trusted click, with the user activation
 * a real one gives. Their `evaluate` carries no user gesture of its own. `keyboard` and `mouseMove`
 * are not supported in these views; `errors` is collected in Chromium only.
 *
 * - Chromium: CDP `Extensions.triggerAction` on the tab target (the toolbar button's own code path:
 *   it opens the popup and grants activeTab), and CDP sessions on the popup and panel targets
 *   (playwright does not attach to them), with clicks by `Input.dispatchMouseEvent`.
 * - Firefox: mouse clicks synthesized in the browser window, as WebDriver BiDi's own input actions
 *   do, by a script run in the browser's chrome scope (allowed by --remote-allow-system-access):
 *   on the Extensions button, then on Gloss's item in its panel; then on the views' buttons; and
 *   on the page's context menu. BiDi gives no browsing context to the popup's or the sidebar's
 *   documents (only tabs' and, with system access, chrome windows'; see bugzilla 1996311), so they
 *   are read through an extension page of Gloss's, by `browser.extension.getViews`.
 */
export interface BrowserUi {
  /**
   * Presses Gloss's toolbar button while the tab showing `url` is the active tab (activate it
   * first); resolves with the popup it opens.
   */
  pressAction(url: string): Promise<TestPage>;
  /** The side panel (Firefox: the sidebar) the browser shows for Gloss, once it is open. */
  sidePanel(timeoutMs?: number): Promise<TestPage>;
  /** Whether the browser shows Gloss's popup / side panel now. */
  isOpen(view: UiView): Promise<boolean>;
  /**
   * Right-clicks the active tab, showing `url`, at `at` (CSS pixels of its viewport), and chooses
   * the item `label` of the page's context menu. Firefox only: Chromium's context menu is native
   * UI that neither CDP nor playwright can operate.
   */
  chooseFromContextMenu?(url: string, label: string, at: { x: number; y: number }): Promise<void>;
}

export type UiView = 'popup' | 'sidepanel';
const VIEW_PATHS: Record<UiView, string> = {
  popup: 'src/popup/index.html',
  sidepanel: 'src/sidepanel/index.html',
};

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
    mouseClick: (x, y) => page.mouse.click(x, y),
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
    mouseClick: (x, y) => page.mouse.click(x, y),
    close: () => page.close(),
  };
}

/** Launch options: a proxy port sends every request of the browser through a logging proxy. */
export interface LaunchOptions {
  headless?: boolean;
  proxyPort?: number;
  /** The unpacked extension to load, if not dist/<browser> (e.g. a copy holding more sites). */
  extensionDir?: string;
}

async function launchChromium(
  server: FixtureServer,
  { headless = true, proxyPort, extensionDir }: LaunchOptions = {},
): Promise<GlossBrowser> {
  const dist = extensionDir ?? join(DIST, 'chrome');
  const routing = proxyPort
    ? [`--proxy-server=http://127.0.0.1:${proxyPort}`, '--proxy-bypass-list=<-loopback>']
    : [hostResolverFlag(server.hosts, server.port)];
  const launched = await launchChromiumWithExtension(dist, { routing, headless });
  const { context, extensionBase: base } = launched;
  const extensionId = new URL(base).host;
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
    ui: chromiumUi(context, extensionId, base),
    close: async () => {
      await context.close();
    },
  };
}

async function launchFirefox(
  server: FixtureServer,
  { proxyPort, extensionDir }: LaunchOptions = {},
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
    executablePath: FIREFOX_PATH,
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
      // An optional permission the extension asks for in the reader's click is granted without
      // the browser's prompt (a doorhanger); the click itself is still required by Firefox.
      'extensions.webextOptionalPermissionPrompts': false,
    },
  });
  await browser.installExtension(extensionDir ?? join(DIST, 'firefox'));
  const base = `moz-extension://${FIREFOX_EXTENSION_UUID}/`;
  const firstPage = (await browser.pages())[0];
  const openIn = async (url: string, waitForLoad: boolean) => {
    const page = await browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    const wrapped = wrapPuppeteer(page);
    if (waitForLoad) await page.goto(url, { waitUntil: 'load' });
    else {
      // BiDi may never report moz-extension:// navigations as done: start it, then wait on the
      // page until the extension page has loaded (the new tab's about:blank is 'complete' at
      // once). An evaluation that lands while the old document goes away fails inside BiDi
      // ("right-hand side of 'in' should be an object, got null"): try again until the deadline.
      page.goto(url).catch(() => {});
      const deadline = Date.now() + 15_000;
      for (;;) {
        try {
          await page.waitForFunction(
            () => location.protocol === 'moz-extension:' && document.readyState === 'complete',
            { timeout: Math.max(1, deadline - Date.now()) },
          );
          break;
        } catch (e) {
          if (Date.now() >= deadline) throw e;
          await new Promise((r) => setTimeout(r, 100));
        }
      }
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
    ui: firefoxUi(browser, base),
    close: async () => {
      await firstPage?.close().catch(() => {});
      await browser.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The browser's own UI (BrowserUi)
// ---------------------------------------------------------------------------------------------

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const withoutHash = (url: string) => url.split('#')[0];

/** Polls `get` until it returns something other than null/undefined, or throws after `timeoutMs`. */
async function poll<T>(what: string, get: () => Promise<T | null | undefined>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await get();
    if (value !== null && value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** A function and its argument as one expression, evaluated the same way by both browsers. */
const callExpression = (fn: unknown, arg: unknown) =>
  `(${String(fn)})(${JSON.stringify(arg ?? null)})`;
/** Whether the function's value (awaited) is truthy: what `waitFor` waits on, as a boolean. */
const truthyExpression = (fn: unknown, arg: unknown) =>
  `Promise.resolve(${callExpression(fn, arg)}).then((value) => !!value)`;

const unsupported = (what: string) => () =>
  Promise.reject(new Error(`${what} is not supported in a view of the browser's UI`));

/** The centre of the element, scrolled into view, in the view's CSS pixels (an expression). */
const centreOf = (selector: string) => `(() => {
  const el = document.querySelector(${JSON.stringify(selector)});
  if (!el) return null;
  el.scrollIntoView({ block: 'nearest' });
  const r = el.getBoundingClientRect();
  return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
})()`;

interface CdpResult {
  result?: { value?: unknown };
  exceptionDetails?: { text?: string; exception?: { description?: string } };
}
interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

function chromiumUi(context: BrowserContext, extensionId: string, base: string): BrowserUi {
  let session: Promise<CDPSession> | undefined;
  const routes = new Map<
    string,
    (message: {
      id?: number;
      method?: string;
      params?: unknown;
      result?: unknown;
      error?: { message: string };
    }) => void
  >();
  const cdp = () => {
    session ??= (async () => {
      const browser = context.browser();
      if (!browser) throw new Error('No browser behind the persistent context');
      const s = await browser.newBrowserCDPSession();
      s.on('Target.receivedMessageFromTarget', (e) => {
        routes.get(e.sessionId)?.(JSON.parse(e.message));
      });
      return s;
    })();
    return session;
  };
  const targets = async (filter?: Array<{ type?: string; exclude?: boolean }>) => {
    const s = await cdp();
    const { targetInfos } = await s.send('Target.getTargets', filter ? { filter } : {});
    return targetInfos;
  };
  /** The popup and the side panel are page targets at the view's own address, in no tab. */
  const viewTarget = async (view: UiView) =>
    (await targets()).find((t) => t.type === 'page' && t.url === base + VIEW_PATHS[view]) ?? null;

  /**
   * A CDP session on a target playwright does not attach to, through the browser session
   * (Target.attachToTarget without `flatten`, messages by Target.sendMessageToTarget), since
   * playwright's CDPSession cannot address a flat child session.
   */
  const attach = async (target: TargetInfo): Promise<TestPage> => {
    const s = await cdp();
    const { sessionId } = await s.send('Target.attachToTarget', {
      targetId: target.targetId,
      flatten: false,
    });
    let lastId = 0;
    const pending = new Map<
      number,
      { resolve: (v: unknown) => void; reject: (e: Error) => void }
    >();
    const errors: string[] = [];
    routes.set(sessionId, (message) => {
      if (message.id !== undefined) {
        const call = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) call?.reject(new Error(message.error.message));
        else call?.resolve(message.result);
      } else if (message.method === 'Runtime.exceptionThrown') {
        const { exceptionDetails } = message.params as CdpResult;
        errors.push(exceptionDetails?.exception?.description ?? exceptionDetails?.text ?? '?');
      }
    });
    const call = (method: string, params: object = {}) =>
      new Promise<unknown>((resolve, reject) => {
        const id = ++lastId;
        pending.set(id, { resolve, reject });
        s.send('Target.sendMessageToTarget', {
          sessionId,
          message: JSON.stringify({ id, method, params }),
        }).catch(reject);
      });
    await call('Runtime.enable');
    const evaluate = async (expression: string) => {
      const r = (await call('Runtime.evaluate', {
        expression,
        awaitPromise: true,
        returnByValue: true,
      })) as CdpResult;
      if (r.exceptionDetails)
        throw new Error(r.exceptionDetails.exception?.description ?? r.exceptionDetails.text);
      return r.result?.value;
    };
    const page: TestPage = {
      errors,
      // biome-ignore lint/suspicious/noExplicitAny: the drivers' own evaluate types are as loose
      evaluate: (fn, arg) => evaluate(callExpression(fn, arg)) as any,
      waitFor: async (fn, arg, timeoutMs = 10_000) => {
        await poll(
          'a condition in the view',
          async () => (await evaluate(truthyExpression(fn, arg))) || null,
          timeoutMs,
        );
      },
      screenshot: async (file) => {
        const { data } = (await call('Page.captureScreenshot', { format: 'png' })) as {
          data: string;
        };
        writeFileSync(file, Buffer.from(data, 'base64'));
      },
      click: async (selector) => {
        const at = await poll(
          selector,
          async () => (await evaluate(centreOf(selector))) as { x: number; y: number } | null,
        );
        for (const type of ['mouseMoved', 'mousePressed', 'mouseReleased'])
          await call('Input.dispatchMouseEvent', {
            type,
            x: at.x,
            y: at.y,
            button: 'left',
            clickCount: 1,
          });
      },
      keyboard: unsupported('keyboard'),
      mouseMove: unsupported('mouseMove'),
      mouseClick: unsupported('mouseClick'),
      close: async () => {
        await s.send('Target.closeTarget', { targetId: target.targetId }).catch(() => {});
        routes.delete(sessionId);
      },
    };
    return page;
  };

  return {
    pressAction: async (url) => {
      const s = await cdp();
      const tab = (await targets([{ type: 'tab' }])).find(
        (t) => t.type === 'tab' && withoutHash(t.url) === withoutHash(url),
      );
      if (!tab) throw new Error(`No tab shows ${url}`);
      await s.send('Extensions.triggerAction', { id: extensionId, targetId: tab.targetId });
      return attach(await poll('the popup', () => viewTarget('popup')));
    },
    sidePanel: async (timeoutMs) =>
      attach(await poll('the side panel', () => viewTarget('sidepanel'), timeoutMs)),
    isOpen: async (view) => (await viewTarget(view)) !== null,
  };
}

/** What a WebDriver BiDi script evaluation answers (only what is read here). */
interface BidiEvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text?: string };
}
interface BidiConnection {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function firefoxUi(browser: PpBrowser, base: string): BrowserUi {
  // puppeteer's BiDi browser keeps its connection public, untyped on the Browser class.
  const connection = (browser as unknown as { connection: BidiConnection }).connection;
  let chromeWindow: Promise<string> | undefined;

  /** Runs `expression` (its value awaited, JSON-serialisable) in the browser window's chrome scope. */
  const inChrome = async <T>(expression: string): Promise<T> => {
    chromeWindow ??= connection
      .send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })
      .then(({ result }) => {
        const { contexts } = result as { contexts: Array<{ context: string; url: string }> };
        const win = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
        if (!win) throw new Error(`No browser window: ${contexts.map((c) => c.url).join(', ')}`);
        return win.context;
      });
    const { result } = await connection.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${expression})))()`,
      target: { context: await chromeWindow },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    const r = result as BidiEvaluateResult;
    if (r.type === 'exception')
      throw new Error(`In the browser window: ${r.exceptionDetails?.text}`);
    return typeof r.result?.value === 'string' ? JSON.parse(r.result.value) : (undefined as T);
  };

  /**
   * Helpers for scripts in the browser window. Clicks are synthesized by the remote agent's own
   * event module, as WebDriver BiDi's input actions are: trusted events, hit-tested in the window
   * (so a click over a panel or a page lands in it). A panel ignores clicks while it opens or
   * resizes (its 'animating' attribute): `still` waits for it to be open and still.
   */
  const PRELUDE = `
    const { event } = ChromeUtils.importESModule('chrome://remote/content/shared/webdriver/Event.sys.mjs');
    const clickAt = (x, y, options = {}) => event.synthesizeMouseAtPoint(x, y, options, window);
    const click = async (el) => {
      const r = el.getBoundingClientRect();
      if (!r.width) throw new Error((el.id || el.localName) + ' is not shown');
      await clickAt(r.left + r.width / 2, r.top + r.height / 2);
    };
    const isStill = (panel) => panel?.state === 'open' && !panel.hasAttribute('animating');
    const still = (get, what) => new Promise((resolve, reject) => {
      const deadline = Date.now() + 5000;
      const check = () => {
        if (isStill(get())) resolve();
        else if (Date.now() > deadline) reject(new Error(what + ' did not open'));
        else setTimeout(check, 20);
      };
      check();
    });
    const assertActive = (url) => {
      const shown = gBrowser.selectedBrowser.currentURI.spec.split('#')[0];
      if (shown !== url) throw new Error('The active tab shows ' + shown);
    };
    // The <browser> elements showing a view of Gloss's, where they are in the window: the popup's
    // in a panel of the window's document, the sidebar's in the sidebar's own chrome document.
    const findViews = (url) => {
      const found = [];
      const visit = (doc, dx, dy) => {
        for (const b of doc.querySelectorAll('browser')) {
          if (b.closest('#tabbrowser-tabpanels')) continue;
          const r = b.getBoundingClientRect();
          if (b.currentURI?.spec === url && r.width > 0)
            found.push({ browser: b, panel: b.closest('panel'), x: dx + r.left, y: dy + r.top });
          else if (!b.isRemoteBrowser && b.contentDocument) visit(b.contentDocument, dx + r.left, dy + r.top);
        }
      };
      visit(document, 0, 0);
      return found;
    };
  `;
  const chromeScript = <T>(body: string) => inChrome<T>(`(async () => { ${PRELUDE}\n${body} })()`);
  const viewUrl = (view: UiView) => JSON.stringify(base + VIEW_PATHS[view]);

  /** An extension page of Gloss's, in a background tab, to reach the views through getViews. */
  let host: Promise<PpPage> | undefined;
  const hostPage = () => {
    host ??= (async () => {
      const page = await browser.newPage({ background: true });
      page.goto(`${base}src/popup/index.html?control=views`).catch(() => {});
      // Polled by hand, not with waitForFunction: an evaluation that meets the page between
      // about:blank and the extension page fails with a protocol error (the realm is gone), which
      // waitForFunction does not retry. Such an error here only means "not yet".
      await poll(
        'the host extension page',
        () =>
          page
            .evaluate(
              () =>
                location.protocol === 'moz-extension:' &&
                document.readyState === 'complete' &&
                // biome-ignore lint/suspicious/noExplicitAny: the extension page's own `browser`
                typeof (globalThis as any).browser?.extension?.getViews === 'function',
            )
            .then((ready) => ready || null)
            .catch(() => null),
        15_000,
      );
      return page;
    })();
    // A host that never came up is not kept: the next caller starts again rather than inheriting
    // the failure.
    const started = host;
    started.catch(() => {
      if (host === started) host = undefined;
    });
    return started;
  };
  const viewType = (view: UiView) => (view === 'popup' ? 'popup' : 'sidebar');

  /**
   * Evaluates `expression` in the view's window: extension pages of one extension share a process
   * in Firefox, and `getViews` hands the host page the view's window; `with` makes the view's
   * globals (document, CSS…) the expression's. Nothing of the host's runs in the view.
   */
  const inView = async (view: UiView, expression: string): Promise<unknown> =>
    (await hostPage()).evaluate(`(async () => {
      const w = browser.extension.getViews({ type: '${viewType(view)}' })[0];
      if (!w) throw new Error('Gloss has no ${viewType(view)} open');
      let result;
      with (w) { result = ${expression}; }
      return await result;
    })()`);

  const isOpen = async (view: UiView) =>
    Boolean(
      await (await hostPage()).evaluate(
        `browser.extension.getViews({ type: '${viewType(view)}' }).some((w) => w.document.readyState === 'complete')`,
      ),
    );

  const viewPage = (view: UiView): TestPage => ({
    errors: [],
    // biome-ignore lint/suspicious/noExplicitAny: the drivers' own evaluate types are as loose
    evaluate: (fn, arg) => inView(view, callExpression(fn, arg)) as any,
    waitFor: async (fn, arg, timeoutMs = 10_000) => {
      await poll(
        'a condition in the view',
        async () => (await inView(view, truthyExpression(fn, arg))) || null,
        timeoutMs,
      );
    },
    screenshot: async (file) => {
      const data = await chromeScript<string>(`
        const [found] = findViews(${viewUrl(view)});
        if (!found) throw new Error('Gloss has no ${viewType(view)} open');
        const bitmap = await found.browser.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
        const canvas = document.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
        canvas.width = bitmap.width;
        canvas.height = bitmap.height;
        canvas.getContext('2d').drawImage(bitmap, 0, 0);
        return canvas.toDataURL('image/png');
      `);
      writeFileSync(file, Buffer.from(data.replace(/^data:image\/png;base64,/, ''), 'base64'));
    },
    click: async (selector) => {
      const at = await poll(
        selector,
        async () => (await inView(view, centreOf(selector))) as { x: number; y: number } | null,
      );
      await chromeScript(`
        const [found] = findViews(${viewUrl(view)});
        if (!found) throw new Error('Gloss has no ${viewType(view)} open');
        if (found.panel) await still(() => found.panel, 'The popup');
        await clickAt(found.x + ${at.x}, found.y + ${at.y});
      `);
    },
    keyboard: unsupported('keyboard'),
    mouseMove: unsupported('mouseMove'),
    mouseClick: unsupported('mouseClick'),
    close: async () => {
      if (view === 'popup') await inView(view, 'window.close()').catch(() => {});
      else await inChrome('SidebarController.hide()');
    },
  });

  return {
    pressAction: async (url) => {
      await hostPage();
      await chromeScript(`
        assertActive(${JSON.stringify(withoutHash(url))});
        const id = ${JSON.stringify(FIREFOX_ACTION_WIDGET)};
        const button = (node) => node.querySelector('.unified-extensions-item-action-button') ?? node;
        if (CustomizableUI.getPlacementOfWidget(id)?.area !== 'unified-extensions-area') {
          // Pinned to the toolbar: the reader clicks it there.
          await click(button(CustomizableUI.getWidget(id).forWindow(window).node));
          return;
        }
        // In the Extensions panel, where Firefox puts an extension's button by default.
        await click(document.getElementById('unified-extensions-button'));
        await still(() => document.getElementById('unified-extensions-panel'), 'The Extensions panel');
        await click(button(document.getElementById(id)));
      `);
      await poll('the popup', async () => ((await isOpen('popup')) ? true : null));
      return viewPage('popup');
    },
    sidePanel: async (timeoutMs) => {
      await poll('the sidebar', async () => ((await isOpen('sidepanel')) ? true : null), timeoutMs);
      return viewPage('sidepanel');
    },
    isOpen,
    chooseFromContextMenu: async (url, label, at) => {
      await chromeScript(`
        assertActive(${JSON.stringify(withoutHash(url))});
        const menu = document.getElementById('contentAreaContextMenu');
        const page = gBrowser.selectedBrowser.getBoundingClientRect();
        const x = page.left + ${at.x};
        const y = page.top + ${at.y};
        for (const type of ['mousedown', 'contextmenu', 'mouseup'])
          await clickAt(x, y, { type, button: 2 });
        await still(() => menu, 'The context menu');
        const items = [...menu.querySelectorAll('menuitem')].filter((m) => !m.hidden);
        const item = items.find((m) => m.label === ${JSON.stringify(label)});
        if (!item) {
          menu.hidePopup();
          throw new Error('No "' + ${JSON.stringify(label)} + '" in the context menu: ' + items.map((m) => m.label).join(' | '));
        }
        await click(item);
      `);
    },
  };
}

/**
 * A browser of its own, with its own fixture server: for tests that restart the extension, or
 * (with `logRequests`) that must see every request the browser makes, through a logging proxy.
 */
export async function launchBrowser(
  name: BrowserName,
  { logRequests = false, extensionDir }: { logRequests?: boolean; extensionDir?: string } = {},
): Promise<GlossBrowser & { requestLog: string[] }> {
  const server = await startFixtureServer();
  const proxy = logRequests ? await startLoggingProxy(server.port, server.hosts) : null;
  const options: LaunchOptions = {
    ...(proxy ? { proxyPort: proxy.port } : {}),
    ...(extensionDir ? { extensionDir } : {}),
  };
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
