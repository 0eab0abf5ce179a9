/**
 * The background (Chrome service worker / Firefox event page): per-tab state and the badge,
 * the answers to the gate's probes (from the catalogue index), engine injection for candidate
 * pages, on-demand checks, the keyboard command, the context menu. It trusts no message: each is
 * shape-checked and must come from Gloss's own contexts.
 */

import {
  ENGINE_CANDIDATE_KEY,
  ENGINE_PORT,
  type EngineCandidate,
  GATE_HANDLE,
  GATE_REQUEST_FLAG,
  type PageState,
  type ProbeMessage,
  parse,
  type Replies,
  type ToBackground,
  ToBackgroundSchema,
} from '../messages/protocol';
import { browser, type Runtime } from '../platform/browser';
import { TOGGLE_HIGHLIGHTS_COMMAND } from '../platform/commands';
import { updateSettings } from '../platform/settings';
import { showBadge } from './badge';
import { forgetProbes, packFile, probeSessions, readCatalogue } from './catalogue';
import { siteAccess, watchNoteSites } from './note-sites';
import { clearTabState, getTabState, setTabState } from './tab-state';

export const ENGINE_FILE = 'content/engine.js';
export const GATE_FILE = 'content/gate.js';
const CHECK_PAGE_MENU = 'gloss-check-page';
const NOTE_MENU = 'gloss-note-selection';
const HIGHLIGHT_MENU = 'gloss-highlight-selection';

readCatalogue();

/**
 * Inject the engine with its candidate: the candidate's description first (a function with
 * arguments), then the article's pack script (only that pack; the browser reads it from the
 * package) and the engine, which finds both in its world. Without a candidate (null: the reader
 * asked and no known article is here) the engine serves the reader's notes only.
 */
async function injectEngine(tabId: number, candidate: EngineCandidate | null) {
  const target = { tabId, frameIds: [0] };
  await browser.scripting.executeScript({
    target,
    func: (key: string, value: unknown) => {
      (globalThis as Record<string, unknown>)[key] = value;
    },
    args: [ENGINE_CANDIDATE_KEY, candidate],
  });
  const files = candidate ? [packFile(candidate.articleId), ENGINE_FILE] : [ENGINE_FILE];
  await browser.scripting.executeScript({ target, files });
}

/** A probe from a page's gate: answer from the index; on a candidate, inject the engine. */
async function answerProbe(probe: ProbeMessage, tabId: number): Promise<Replies['gloss/probe']> {
  const answer = (await probeSessions()).answer(`${tabId}`, probe);
  if (answer.verdict === 'candidate') {
    const loading: PageState = { status: 'loading', articleId: answer.articleId };
    await setTabState(tabId, loading);
    await showBadge(tabId, loading).catch(() => {});
    await injectEngine(tabId, {
      articleId: answer.articleId,
      recognisedBy: answer.by,
      requested: probe.requested,
      url: probe.url,
    });
  } else if (answer.verdict === 'none' && probe.requested && probe.done) {
    // The reader asked, and the whole page was read: no article Gloss knows is on it. The
    // engine still comes, without a candidate, for the reader's own notes on the page.
    const none: PageState = { status: 'none' };
    await setTabState(tabId, none);
    await showBadge(tabId, none).catch(() => {});
    await injectEngine(tabId, null);
  }
  return answer;
}

/**
 * Runs in the page's content-script world: asks a live gate to read the whole page, or, with no
 * gate there, leaves the request for the gate about to be injected. True when a gate was asked.
 */
function askGate(handle: string, requestFlag: string): boolean {
  const w = globalThis as unknown as Record<symbol, unknown>;
  const gate = w[Symbol.for(handle)] as { alive(): boolean; request(): void } | undefined;
  if (gate?.alive()) {
    gate.request();
    return true;
  }
  w[Symbol.for(requestFlag)] = true;
  return false;
}

/**
 * The reader asked Gloss to look at this tab (popup button or context menu): the gate reads the
 * whole page, flagged `requested`, and the index answers with lower thresholds (the request is
 * itself evidence; the engine gets the flag too). Outside Gloss's host permissions the browser
 * allows this only through activeTab, i.e. when the request comes from the reader. A gate
 * already on the page is asked; else one is injected for this request only.
 */
async function checkPage(tabId: number): Promise<Replies['gloss/check-page']> {
  try {
    const target = { tabId, frameIds: [0] };
    const [asked] = await browser.scripting.executeScript({
      target,
      func: askGate,
      args: [GATE_HANDLE, GATE_REQUEST_FLAG],
    });
    if (asked?.result !== true)
      await browser.scripting.executeScript({ target, files: [GATE_FILE] });
    return { ok: true };
  } catch (error) {
    const state: PageState = {
      status: 'error',
      reason: 'page-unreadable',
      detail: String(error).slice(0, 500),
    };
    await setTabState(tabId, state);
    await showBadge(tabId, state).catch(() => {});
    return { ok: false };
  }
}

/** Only Gloss's own pages and content scripts may talk to the background. */
function isOwnSender(sender: Runtime.MessageSender): boolean {
  return sender.id === browser.runtime.id;
}
/** The popup, side panel or an "open in a tab" view: a page of ours, not a content script. */
const isExtensionPage = (sender: Runtime.MessageSender) =>
  typeof sender.url === 'string' && sender.url.startsWith(browser.runtime.getURL(''));

async function handle(
  message: ToBackground,
  sender: Runtime.MessageSender,
): Promise<Replies[ToBackground['type']] | null> {
  switch (message.type) {
    case 'gloss/probe': {
      // Gloss annotates top-level pages only: a gate in a frame is not asked about.
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return { verdict: 'none' };
      return answerProbe(message, tabId);
    }
    case 'gloss/page-state': {
      const tabId = sender.tab?.id;
      if (tabId === undefined || sender.frameId !== 0) return null;
      await setTabState(tabId, message.state);
      await showBadge(tabId, message.state);
      return null;
    }
    case 'gloss/get-tab-state':
      return isExtensionPage(sender) ? getTabState(message.tabId) : null;
    case 'gloss/check-page':
      return isExtensionPage(sender) ? checkPage(message.tabId) : null;
    // The reader's notes on a site Gloss does not support (note-sites.ts).
    case 'gloss/site-access':
      return sender.tab ? siteAccess(sender, message.ask) : null;
    default:
      return null;
  }
}

browser.runtime.onMessage.addListener((raw: unknown, sender: Runtime.MessageSender) => {
  if (!isOwnSender(sender)) return undefined;
  // UI → content messages travel by tabs.sendMessage and are not ours to answer.
  const message = parse(ToBackgroundSchema, raw);
  if (!message) return undefined;
  return handle(message, sender).catch((error: unknown) => {
    console.warn('Gloss: message failed', message.type, error);
    return null;
  });
});

// Engines keep a port open only to learn when the extension goes away (see engine.ts).
browser.runtime.onConnect.addListener((port: Runtime.Port) => {
  if (port.name !== ENGINE_PORT || port.sender?.id !== browser.runtime.id) port.disconnect();
});

/**
 * The reader's shortcut or context menu asks for a note on the selection: hand it to the engine
 * in the tab, injecting the engine first where there is none (the gesture grants activeTab).
 */
async function noteSelection(tabId: number, kind: 'highlight' | 'note') {
  const ask = async () => {
    const [first] = await browser.scripting.executeScript({
      target: { tabId },
      func: (k: string) => {
        const engine = (globalThis as Record<symbol, { noteSelection?(k: string): boolean }>)[
          Symbol.for('gloss.engine')
        ];
        return engine?.noteSelection ? engine.noteSelection(k) : null;
      },
      args: [kind],
    });
    return first?.result;
  };
  try {
    if ((await ask()) !== null) return;
    // No engine on the page yet: one without a candidate serves the reader's notes.
    await injectEngine(tabId, null);
    await ask();
  } catch (error) {
    console.warn('Gloss: could not note the selection', error);
  }
}

browser.commands.onCommand.addListener(async (command: string, tab?: { id?: number }) => {
  if (command === TOGGLE_HIGHLIGHTS_COMMAND)
    await updateSettings((s) => ({ ...s, enabled: !s.enabled }));
  const tabId = tab?.id ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id;
  if (tabId === undefined) return;
  if (command === 'note-selection') await noteSelection(tabId, 'note');
  if (command === 'highlight-selection') await noteSelection(tabId, 'highlight');
});

/**
 * After an install, update or reload, pages already open on supported sites have no gate
 * (Chrome does not inject into them; Firefox does, and a second gate only repeats a cheap check).
 */
async function gateOpenTabs() {
  const matches = browser.runtime.getManifest().content_scripts?.[0]?.matches ?? [];
  if (matches.length === 0) return;
  for (const tab of await browser.tabs.query({ url: matches })) {
    if (tab.id === undefined) continue;
    await browser.scripting
      .executeScript({ target: { tabId: tab.id }, files: [GATE_FILE] })
      .catch(() => {}); // A tab still loading or discarded gets its gate when it loads.
  }
}

browser.runtime.onInstalled.addListener(() => {
  gateOpenTabs().catch(() => {});
  browser.contextMenus.create({
    id: CHECK_PAGE_MENU,
    title: browser.i18n.getMessage('contextMenuCheckPage'),
    contexts: ['page'],
  });
  browser.contextMenus.create({
    id: NOTE_MENU,
    title: browser.i18n.getMessage('contextMenuNote'),
    contexts: ['selection'],
  });
  browser.contextMenus.create({
    id: HIGHLIGHT_MENU,
    title: browser.i18n.getMessage('contextMenuHighlight'),
    contexts: ['selection'],
  });
});

browser.contextMenus.onClicked.addListener(async (info, tab) => {
  if (tab?.id === undefined) return;
  if (info.menuItemId === CHECK_PAGE_MENU) await checkPage(tab.id);
  if (info.menuItemId === NOTE_MENU) await noteSelection(tab.id, 'note');
  if (info.menuItemId === HIGHLIGHT_MENU) await noteSelection(tab.id, 'highlight');
});

// A new page in the tab: forget the old page's findings.
browser.tabs.onUpdated.addListener(async (tabId: number, change: { status?: string }) => {
  if (change.status === 'loading') {
    const none: PageState = { status: 'none' };
    forgetProbes(tabId);
    await clearTabState(tabId);
    await showBadge(tabId, none).catch(() => {});
  }
});
// The reader's notes on the sites they let Gloss read (note-sites.ts).
watchNoteSites((tabId) => injectEngine(tabId, null));

browser.tabs.onRemoved.addListener((tabId: number) => {
  forgetProbes(tabId);
  clearTabState(tabId).catch(() => {});
});
