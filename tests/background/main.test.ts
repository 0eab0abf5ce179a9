/**
 * The background trusts no message: shape-checked, and only from Gloss's own contexts. And the
 * keyboard command toggles all highlights. Browser APIs are replaced by a recording fake.
 */
import { beforeEach, describe, expect, test, vi } from 'vitest';
import { REQUESTED_FLAG } from '../../src/messages/protocol';

type Listener = (...args: unknown[]) => unknown;
const listeners: Record<string, Listener> = {};
const on = (name: string) => ({ addListener: (fn: Listener) => (listeners[name] = fn) });
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
        get: async (k: string) => (storage.has(k) ? { [k]: storage.get(k) } : {}),
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
});

describe('the background', () => {
  test("injects the engine when Gloss's own gate finds a candidate", async () => {
    await send({ type: 'gloss/candidate', articleId: 'a-1' }, contentScript);
    expect(calls).toContainEqual([
      'executeScript',
      { target: { tabId: 7, frameIds: [0] }, files: ['content/engine.js'] },
    ]);
  });

  test('ignores messages from another extension', () => {
    expect(
      send({ type: 'gloss/candidate', articleId: 'a-1' }, { ...contentScript, id: 'evil' }),
    ).toBeUndefined();
    expect(calls).toEqual([]);
  });

  test('ignores malformed messages', () => {
    expect(send({ type: 'gloss/candidate', articleId: '<script>' }, contentScript)).toBeUndefined();
    expect(send('gloss/candidate', contentScript)).toBeUndefined();
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

  test('a check the reader asks for marks the page as asked for, then injects the engine', async () => {
    expect(await send({ type: 'gloss/check-page', tabId: 7 }, popup)).toEqual({ ok: true });
    const injections = calls.filter(([what]) => what === 'executeScript').map(([, d]) => d);
    expect(injections).toHaveLength(2);
    const [flag, engine] = injections as Array<{
      target: unknown;
      func?: (flag: string) => void;
      args?: string[];
      files?: string[];
    }>;
    expect(flag?.target).toEqual({ tabId: 7 });
    expect(flag?.args).toEqual([REQUESTED_FLAG]);
    expect(engine).toEqual({ target: { tabId: 7 }, files: ['content/engine.js'] });
    // What the injected function does in the page's world: the engine's flag is set.
    const key = Symbol.for(flag?.args?.[0] ?? '');
    flag?.func?.(...(flag.args as [string]));
    const world = globalThis as unknown as Record<symbol, unknown>;
    expect(world[key]).toBe(true);
    delete world[key];
  });

  test('lets content scripts not ask for a check of another tab', async () => {
    expect(await send({ type: 'gloss/check-page', tabId: 9 }, contentScript)).toBeNull();
    expect(calls).toEqual([]);
  });

  test('the keyboard command turns all highlights off, then on again', async () => {
    await listeners.command?.('toggle-highlights');
    expect(storage.get('gloss.settings.v1')).toEqual({ enabled: false, hiddenCategories: [] });
    await listeners.command?.('toggle-highlights');
    expect(storage.get('gloss.settings.v1')).toEqual({ enabled: true, hiddenCategories: [] });
  });
});
