/**
 * The UI's effects, as hooks: which tab it describes, that tab's page state (kept fresh), the
 * highlight settings, the keyboard shortcut, and the reveal message to the content script.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { tabStateKey } from '../background/tab-state';
import { type PageState, PageStateSchema, parse } from '../messages/protocol';
import { sendUiToBackground, sendUiToContent } from '../messages/send';
import { browser } from '../platform/browser';
import { TOGGLE_HIGHLIGHTS_COMMAND } from '../platform/commands';
import {
  onSettingsChanged,
  readSettings,
  type Settings,
  updateSettings,
} from '../platform/settings';

export type Host = 'popup' | 'sidepanel';

/** `?tab=<id>` from the page address, if any. */
export function tabParam(search = location.search): number | null {
  const param = new URLSearchParams(search).get('tab');
  return param !== null && /^\d{1,10}$/.test(param) ? Number(param) : null;
}

/**
 * The tab the UI describes: `?tab=<id>` if given; otherwise the active tab of this window, and,
 * when `follow` is set (the side panel), whichever tab becomes active in this window later.
 * `undefined` while unknown, `null` when there is no tab.
 */
export function useTabId(follow: boolean): number | null | undefined {
  const fixed = tabParam();
  const [tabId, setTabId] = useState<number | null | undefined>(fixed ?? undefined);
  useEffect(() => {
    if (fixed !== null) return;
    let alive = true;
    let windowId: number | undefined;
    browser.tabs
      .query({ active: true, currentWindow: true })
      .then(([tab]) => {
        if (!alive) return;
        windowId = tab?.windowId;
        setTabId(tab?.id ?? null);
      })
      .catch(() => alive && setTabId(null));
    if (!follow)
      return () => {
        alive = false;
      };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (windowId === undefined || info.windowId === windowId) setTabId(info.tabId);
    };
    browser.tabs.onActivated.addListener(onActivated);
    return () => {
      alive = false;
      browser.tabs.onActivated.removeListener(onActivated);
    };
  }, [fixed, follow]);
  return tabId;
}

export type TabState = { status: 'pending' } | PageState;

/** Don't trust the background's answer more than any other message. */
const asPageState = (v: unknown): PageState => parse(PageStateSchema, v) ?? { status: 'none' };

export const POLL_MS = 1000;

/**
 * The page state of a tab, fetched from the background and refreshed when it changes: on
 * storage.session changes (through `storage.onChanged`, area 'session': Firefox has no
 * `storage.session.onChanged`), when the tab navigates, and every second while the UI is visible.
 */
export function useTabState(tabId: number | null | undefined): {
  state: TabState;
  refresh: () => void;
} {
  const [state, setState] = useState<TabState>({ status: 'pending' });
  const last = useRef('');
  const fetchState = useCallback(async () => {
    if (tabId === undefined) return;
    let next: PageState;
    if (tabId === null) next = { status: 'none' };
    else {
      try {
        next = asPageState(await sendUiToBackground({ type: 'gloss/get-tab-state', tabId }));
      } catch (error) {
        const detail = String((error as Error)?.message ?? error).slice(0, 500);
        next = { status: 'error', reason: 'no-answer', detail };
      }
    }
    const json = JSON.stringify(next);
    if (json !== last.current) {
      last.current = json;
      setState(next);
    }
  }, [tabId]);

  useEffect(() => {
    last.current = '';
    setState({ status: 'pending' });
    if (tabId === undefined) return;
    fetchState();
    if (tabId === null) return;
    const key = tabStateKey(tabId);
    const onStorage = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && key in changes) fetchState();
    };
    const onUpdated = (id: number, change: { status?: string; url?: string }) => {
      if (id === tabId && (change.status || change.url)) fetchState();
    };
    browser.storage.onChanged.addListener(onStorage);
    browser.tabs.onUpdated.addListener(onUpdated);
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') fetchState();
    }, POLL_MS);
    return () => {
      clearInterval(timer);
      browser.storage.onChanged.removeListener(onStorage);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, [tabId, fetchState]);

  return { state, refresh: fetchState };
}

/** The highlight settings, live, and a way to change them (shared with every Gloss context). */
export function useSettings(): [Settings | null, (change: (s: Settings) => Settings) => void] {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    readSettings().then((s) => alive && setSettings(s));
    const stop = onSettingsChanged((s) => setSettings(s));
    return () => {
      alive = false;
      stop();
    };
  }, []);
  const change = useCallback((fn: (s: Settings) => Settings) => {
    setSettings((s) => (s ? fn(s) : s));
    updateSettings(fn)
      .then(setSettings)
      .catch(() => readSettings().then(setSettings));
  }, []);
  return [settings, change];
}

export const DEFAULT_SHORTCUT = 'Alt+Shift+G';

/** The keyboard shortcut of the toggle command, as the browser has it ('' if unassigned). */
export function useShortcut(): string {
  const [shortcut, setShortcut] = useState(DEFAULT_SHORTCUT);
  useEffect(() => {
    let alive = true;
    Promise.resolve()
      .then(() => browser.commands.getAll())
      .then((commands) => {
        const command = commands.find((c) => c.name === TOGGLE_HIGHLIGHTS_COMMAND);
        if (alive && command && typeof command.shortcut === 'string') setShortcut(command.shortcut);
      })
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, []);
  return shortcut;
}

/** Asks the content script of `tabId` to scroll to an annotation and flash it. */
export async function reveal(tabId: number, annotationId: string): Promise<boolean> {
  try {
    const answer = await sendUiToContent(tabId, { type: 'gloss/reveal', annotationId });
    return answer === true;
  } catch {
    return false;
  }
}
