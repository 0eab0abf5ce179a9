/**
 * The background trusts no message: shape-checked, and only from Gloss's own contexts. And the
 * keyboard command toggles all highlights. Browser APIs are replaced by a recording fake.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { GATE_HANDLE, GATE_REQUEST_FLAG } from '../../src/messages/protocol';

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener> = {};
/** Every listener of an event is called; the first one's answer is the event's. */
const on = (name: string) => ({
  addListener: (fn: Listener) => {
    const before = listeners[name];
    listeners[name] = before
      ? (...args: unknown[]) => {
          const answer = before(...args);
          fn(...args);
          return answer;
        }
      : fn;
  },
});
const granted = new Set<string>();
const storage = new Map<string, unknown>();
const calls: Array<[string, unknown]> = [];

vi.mock('../../src/platform/browser', () => ({
  browser: {
    runtime: {
      id: 'gloss-id',
      getURL: (p: string) => `chrome-extension://gloss-id/${p}`,
      getManifest: () => ({ content_scripts: [{ matches: ['https://www.straitstimes.com/*'] }] }),
      onMessage: on('message'),
      onConnect: on('connect'),
      onInstalled: on('installed'),
    },
    commands: { onCommand: on('command') },
    permissions: {
      contains: async ({ origins }: { origins: string[] }) =>
        origins.every((o) => granted.has(o) || o === 'https://www.straitstimes.com/*'),
    },
    windows: {
      create: async (details: unknown) => {
        calls.push(['window', details]);
        return {};
      },
    },
    contextMenus: { create: () => {}, onClicked: on('menu') },
    tabs: { onUpdated: on('updated'), onRemoved: on('removed'), query: async () => [] },
    scripting: {
      executeScript: async (details: unknown) => {
        calls.push(['executeScript', details]);
        return [];
      },
    },
    action: {
      setBadgeText: async (d: unknown) => calls.push(['badge', d]),
      setTitle: async () => {},
      setBadgeBackgroundColor: async () => {},
    },
    i18n: { getMessage: (k: string) => k },
    storage: {
      local: {
        get: async (k: string | null) =>
          k === null ? Object.fromEntries(storage) : storage.has(k) ? { [k]: storage.get(k) } : {},
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, v);
        },
      },
      session: {
        get: async (k: string) => (storage.has(k) ? { [k]: storage.get(k) } : {}),
        set: async (items: Record<string, unknown>) => {
          for (const [k, v] of Object.entries(items)) storage.set(k, v);
        },
        remove: async (k: string) => storage.delete(k),
      },
      onChanged: { addListener: () => {}, removeListener: () => {} },
    },
  },
}));

/** The package's files: the catalogue index as the build writes it from the real packs. */
const packageReads: string[] = [];
vi.mock('../../src/platform/package-files', async () => {
  const { loadPacks } = await import('../../src/annotations/packs');
  const { catalogueIndexFile } = await import('../../src/detection/catalogue-build');
  const index = catalogueIndexFile(loadPacks().packs);
  return {
    readPackageFile: async (path: string) => {
      packageReads.push(path);
      if (path !== index.fileName) throw new Error(`no ${path} in the package`);
      return index.source.slice().buffer;
    },
  };
});

await import('../../src/background/main');
const send = (message: unknown, sender: Record<string, unknown>) =>
  listeners.message?.(message, sender) as Promise<unknown> | undefined;

const contentScript = {
  id: 'gloss-id',
  tab: { id: 7 },
  frameId: 0,
  url: 'https://www.straitstimes.com/x',
};
const popup = { id: 'gloss-id', url: 'chrome-extension://gloss-id/src/popup/index.html' };

beforeEach(() => {
  storage.clear();
  calls.length = 0;
  granted.clear();
});

describe('the background', () => {
  test('starts reading the catalogue index as it starts, before any probe', () => {
    expect(packageReads).toEqual(['catalogue/index.bin']);
  });

  const CANONICAL =
    'https://www.straitstimes.com/asia/east-asia/chinas-xi-tells-trump-taiwans-return-key-to-post-war-order-xinhua-reports';
  const probe = (over: Record<string, unknown> = {}) => ({
    type: 'gloss/probe',
    doc: 'doc-1',
    seq: 0,
    url: CANONICAL,
    meta: { titles: [], kind: 'article' },
    text: [],
    requested: false,
    done: false,
    ...over,
  });

  test('a probe at a known address: the engine is injected with that article, and its pack', async () => {
    expect(await send(probe(), contentScript)).toEqual({
      verdict: 'candidate',
      articleId: '2025-11-24-trump-xi-call',
      by: 'url',
    });
    const [setCandidate, engine] = calls
      .filter(([name]) => name === 'executeScript')
      .map(([, d]) => d as { target: unknown; files?: string[]; args?: unknown[] });
    expect(setCandidate?.target).toEqual({ tabId: 7, frameIds: [0] });
    expect(setCandidate?.args?.[1]).toEqual({
      articleId: '2025-11-24-trump-xi-call',
      recognisedBy: 'url',
      requested: false,
      url: CANONICAL,
    });
    // Only the candidate's pack, then the engine.
    expect(engine).toEqual({
      target: { tabId: 7, frameIds: [0] },
      files: ['packs/2025-11-24-trump-xi-call.js', 'content/engine.js'],
    });
  });

  test('a probe of an unknown page: no engine; the reader asking and nothing found: said so', async () => {
    const other = { url: 'https://www.straitstimes.com/world/other-story' };
    expect(await send(probe(other), contentScript)).toEqual({ verdict: 'none' });
    expect(calls).toEqual([]);
    await send(probe({ ...other, doc: 'doc-2', requested: true, done: true }), contentScript);
    expect(calls).toContainEqual(['badge', { tabId: 7, text: '' }]);
    expect(await send({ type: 'gloss/get-tab-state', tabId: 7 }, popup)).toEqual({
      status: 'none',
    });
  });

  test('a probe the background has no count for (it slept): asked to send everything again', async () => {
    expect(await send(probe({ doc: 'doc-9', seq: 3, meta: undefined }), contentScript)).toEqual({
      verdict: 'resend',
    });
  });

  test('a gate in a frame is not answered: Gloss annotates top-level pages only', async () => {
    expect(await send(probe(), { ...contentScript, frameId: 2 })).toEqual({ verdict: 'none' });
    expect(calls).toEqual([]);
  });

  test('ignores messages from another extension', () => {
    expect(send(probe(), { ...contentScript, id: 'evil' })).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test('ignores malformed messages', () => {
    expect(send(probe({ doc: '<script>' }), contentScript)).toBeUndefined();
    expect(send(probe({ text: [15] }), contentScript)).toBeUndefined();
    expect(send(probe({ text: ['word '.repeat(300_000)] }), contentScript)).toBeUndefined();
    expect(send(probe({ meta: { titles: [], kind: 'poem' } }), contentScript)).toBeUndefined();
    expect(send('gloss/probe', contentScript)).toBeUndefined();
  });

  test('answers tab state to its own pages only, not to content scripts', async () => {
    await send(
      {
        type: 'gloss/page-state',
        state: {
          status: 'article',
          articleId: 'a',
          recognisedBy: 'url',
          anchored: { 'entity-person': ['m1'] },
          orphans: [],
        },
      },
      contentScript,
    );
    expect(calls).toContainEqual(['badge', { tabId: 7, text: '1' }]);
    expect(await send({ type: 'gloss/get-tab-state', tabId: 7 }, contentScript)).toBeNull();
    expect(await send({ type: 'gloss/get-tab-state', tabId: 7 }, popup)).toMatchObject({
      status: 'article',
    });
  });

  test('takes page state only from the top frame', async () => {
    await send(
      { type: 'gloss/page-state', state: { status: 'none' } },
      { ...contentScript, frameId: 3 },
    );
    expect(calls).toEqual([]);
  });

  test('a check the reader asks for, with no gate on the page: the request is left for the gate, then a gate is injected', async () => {
    expect(await send({ type: 'gloss/check-page', tabId: 7 }, popup)).toEqual({ ok: true });
    const injections = calls.filter(([what]) => what === 'executeScript').map(([, d]) => d);
    expect(injections).toHaveLength(2);
    const [ask, gate] = injections as Array<{
      target: unknown;
      func?: (handle: string, flag: string) => boolean;
      args?: [string, string];
      files?: string[];
    }>;
    expect(ask?.target).toEqual({ tabId: 7, frameIds: [0] });
    expect(ask?.args).toEqual([GATE_HANDLE, GATE_REQUEST_FLAG]);
    expect(gate).toEqual({ target: { tabId: 7, frameIds: [0] }, files: ['content/gate.js'] });
    // What the injected function does in a page's world without a gate: it leaves the flag.
    const world = globalThis as unknown as Record<symbol, unknown>;
    expect(ask?.func?.(GATE_HANDLE, GATE_REQUEST_FLAG)).toBe(false);
    expect(world[Symbol.for(GATE_REQUEST_FLAG)]).toBe(true);
    delete world[Symbol.for(GATE_REQUEST_FLAG)];
  });

  test('a check the reader asks for, with a live gate on the page: that gate is asked to read the whole page', () => {
    const world = globalThis as unknown as Record<symbol, unknown>;
    const asked: string[] = [];
    world[Symbol.for(GATE_HANDLE)] = { alive: () => true, request: () => asked.push('request') };
    void send({ type: 'gloss/check-page', tabId: 7 }, popup);
    const [ask] = calls.map(([, d]) => d) as Array<{
      func?: (handle: string, flag: string) => boolean;
    }>;
    expect(ask?.func?.(GATE_HANDLE, GATE_REQUEST_FLAG)).toBe(true);
    expect(asked).toEqual(['request']);
    expect(world[Symbol.for(GATE_REQUEST_FLAG)]).toBeUndefined();
    delete world[Symbol.for(GATE_HANDLE)];
  });

  test('lets content scripts not ask for a check of another tab', async () => {
    expect(await send({ type: 'gloss/check-page', tabId: 9 }, contentScript)).toBeNull();
    expect(calls).toEqual([]);
  });

  test('the keyboard command turns all highlights off, then on again', async () => {
    await listeners.command?.('toggle-highlights');
    expect(storage.get('gloss.settings.v1')).toEqual({
      enabled: false,
      hiddenCategories: [],
      readingMode: 'everything',
    });
    await listeners.command?.('toggle-highlights');
    expect(storage.get('gloss.settings.v1')).toEqual({
      enabled: true,
      hiddenCategories: [],
      readingMode: 'everything',
    });
  });
});

describe('the reader’s notes on a site Gloss does not support', () => {
  const onBlog = {
    id: 'gloss-id',
    tab: { id: 9 },
    frameId: 0,
    url: 'https://blog.example.org/post/1#c',
  };
  const grantPage =
    'chrome-extension://gloss-id/src/grant/index.html?site=https%3A%2F%2Fblog.example.org%2F*';

  test('the page asks whether Gloss keeps its site: no, and nothing opens', async () => {
    expect(await send({ type: 'gloss/site-access', ask: false }, onBlog)).toEqual({ kept: false });
    expect(calls).toEqual([]);
  });

  test('the reader wants it kept: Gloss opens its page that asks, for the sender’s site only', async () => {
    expect(await send({ type: 'gloss/site-access', ask: true }, onBlog)).toEqual({ kept: false });
    expect(calls).toEqual([['window', { url: grantPage, type: 'popup', width: 460, height: 420 }]]);
  });

  test('a granted or supported site is kept: nothing to ask', async () => {
    granted.add('https://blog.example.org/*');
    expect(await send({ type: 'gloss/site-access', ask: true }, onBlog)).toEqual({ kept: true });
    expect(await send({ type: 'gloss/site-access', ask: true }, contentScript)).toEqual({
      kept: true,
    });
    expect(calls).toEqual([]);
  });

  test('only a page’s top frame asks, never Gloss’s own pages', async () => {
    expect(await send({ type: 'gloss/site-access', ask: true }, { ...onBlog, frameId: 3 })).toEqual(
      {
        kept: false,
      },
    );
    expect(await send({ type: 'gloss/site-access', ask: true }, popup)).toBeNull();
    expect(calls).toEqual([]);
  });

  const noteOn = (url: string) => ({
    format: 1,
    note: {
      id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
      type: 'Annotation',
      motivation: 'highlighting',
      created: '2026-12-07T19:00:00.000Z',
      modified: '2026-12-07T19:00:00.000Z',
      body: [],
      target: {
        type: 'SpecificResource',
        source: url,
        selector: [{ type: 'TextQuoteSelector', exact: 'words', prefix: '', suffix: '' }],
      },
    },
  });
  const loaded = async (url: string) => {
    await listeners.updated?.(9, { status: 'complete' }, { id: 9, url });
    await new Promise((r) => setTimeout(r, 10));
  };
  /** The engine files injected (the candidate's description before them is a function). */
  const injected = () =>
    calls.filter(([what, details]) => what === 'executeScript' && 'files' in (details as object));

  test('a page of a granted site with notes gets the engine when it has loaded', async () => {
    granted.add('https://blog.example.org/*');
    storage.set(
      'gloss.note.urn:uuid:00000000-0000-4000-8000-000000000001',
      noteOn('https://blog.example.org/post/1'),
    );
    await loaded('https://blog.example.org/post/1#comments');
    expect(injected()).toEqual([
      ['executeScript', { target: { tabId: 9, frameIds: [0] }, files: ['content/engine.js'] }],
    ]);
  });

  test('no engine where the page has no notes, the site is not granted, or the gate runs', async () => {
    storage.set(
      'gloss.note.urn:uuid:00000000-0000-4000-8000-000000000001',
      noteOn('https://blog.example.org/post/1'),
    );
    await loaded('https://blog.example.org/post/1'); // not granted
    granted.add('https://blog.example.org/*');
    await loaded('https://blog.example.org/post/2'); // no notes there
    storage.set(
      'gloss.note.urn:uuid:00000000-0000-4000-8000-000000000001',
      noteOn('https://www.straitstimes.com/x'),
    );
    await loaded('https://www.straitstimes.com/x'); // a supported site: the gate's
    expect(injected()).toEqual([]);
  });
});
