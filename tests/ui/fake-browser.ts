/**
 * A stand-in for `src/platform/browser` in UI unit tests: i18n from the real English catalogue
 * (and a record of every key asked for that it lacks), storage, tabs, runtime and commands.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PageState } from '../../src/messages/protocol';

type Listener = (...args: never[]) => unknown;

export const CATALOGUE: Record<
  string,
  { message: string; placeholders?: Record<string, { content: string }> }
> = JSON.parse(
  readFileSync(resolve(import.meta.dirname, '../../assets/_locales/en/messages.json'), 'utf8'),
);

/** getMessage as the browsers do it: named placeholders, their $1 contents, and $$ → $. */
export function getMessage(key: string, subs?: string | string[]): string {
  const entry = CATALOGUE[key];
  if (!entry) {
    fake.missingKeys.add(key);
    return '';
  }
  const args = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
  const fill = (s: string) => s.replace(/\$(\d)/g, (_, n) => args[Number(n) - 1] ?? '');
  return entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const placeholder = entry.placeholders?.[name.toLowerCase()];
    return placeholder ? fill(placeholder.content) : whole;
  });
}

class Event<L extends Listener> {
  listeners = new Set<L>();
  addListener = (l: L) => void this.listeners.add(l);
  removeListener = (l: L) => void this.listeners.delete(l);
  hasListener = (l: L) => this.listeners.has(l);
  emit(...args: Parameters<L>) {
    for (const l of this.listeners) l(...args);
  }
}

export interface Fake {
  missingKeys: Set<string>;
  local: Map<string, unknown>;
  tabStates: Map<number, PageState>;
  activeTab: { id: number; windowId: number } | null;
  /** Messages to content scripts, but the notes tab's questions (see `pageNotes`). */
  sent: Array<{ tabId: number; message: unknown }>;
  /** What a tab's notes layer answers to 'gloss/get-notes' (none: nothing answers, as with no engine). */
  pageNotes: Map<number, unknown>;
  /** What the browser's prompt answers to permissions.request, and what was asked. */
  grantAnswer: boolean;
  requested: string[][];
  /** When set, storage.local.set throws it (a full quota, a broken disk). */
  refuseWrites: Error | null;
  /** What the permissions API holds: origins granted beyond the manifest's. */
  grantedOrigins: Set<string>;
  runtimeSent: unknown[];
  revealAnswer: boolean;
  shortcut: string | null;
  storageChanged: Event<(changes: Record<string, unknown>, area: string) => void>;
  tabActivated: Event<(info: { tabId: number; windowId: number }) => void>;
  tabUpdated: Event<(tabId: number, change: { status?: string; url?: string }) => void>;
}

export const fake: Fake = {
  missingKeys: new Set(),
  local: new Map(),
  tabStates: new Map(),
  activeTab: { id: 7, windowId: 1 },
  sent: [],
  pageNotes: new Map(),
  grantedOrigins: new Set(),
  refuseWrites: null,
  grantAnswer: true,
  requested: [],
  runtimeSent: [],
  revealAnswer: true,
  shortcut: 'Alt+Shift+G',
  storageChanged: new Event(),
  tabActivated: new Event(),
  tabUpdated: new Event(),
};

export function resetFake() {
  fake.missingKeys.clear();
  fake.local.clear();
  fake.tabStates.clear();
  fake.activeTab = { id: 7, windowId: 1 };
  fake.sent = [];
  fake.pageNotes.clear();
  fake.grantedOrigins.clear();
  fake.refuseWrites = null;
  fake.grantAnswer = true;
  fake.requested = [];
  fake.runtimeSent = [];
  fake.revealAnswer = true;
  fake.shortcut = 'Alt+Shift+G';
  fake.storageChanged.listeners.clear();
  fake.tabActivated.listeners.clear();
  fake.tabUpdated.listeners.clear();
}

export const browser = {
  i18n: { getMessage, getUILanguage: () => 'en' },
  runtime: {
    id: 'gloss-test',
    getURL: (p: string) => `chrome-extension://gloss-test/${p.replace(/^\//, '')}`,
    sendMessage: async (message: { type: string; tabId: number }) => {
      fake.runtimeSent.push(message);
      if (message.type === 'gloss/get-tab-state')
        return fake.tabStates.get(message.tabId) ?? { status: 'none' };
      return null;
    },
  },
  tabs: {
    query: async () => (fake.activeTab ? [fake.activeTab] : []),
    sendMessage: async (tabId: number, message: { type?: string }) => {
      if (message.type === 'gloss/get-notes') {
        if (!fake.pageNotes.has(tabId))
          throw new Error('Could not establish connection. Receiving end does not exist.');
        return fake.pageNotes.get(tabId);
      }
      fake.sent.push({ tabId, message });
      return fake.revealAnswer;
    },
    onActivated: fake.tabActivated,
    onUpdated: fake.tabUpdated,
  },
  storage: {
    local: {
      get: async (key: string | null) =>
        key === null
          ? Object.fromEntries(fake.local)
          : fake.local.has(key)
            ? { [key]: fake.local.get(key) }
            : {},
      remove: async (key: string) => {
        const oldValue = fake.local.get(key);
        fake.local.delete(key);
        fake.storageChanged.emit({ [key]: { oldValue } }, 'local');
      },
      set: async (items: Record<string, unknown>) => {
        if (fake.refuseWrites) throw fake.refuseWrites;
        const changes: Record<string, { newValue: unknown; oldValue?: unknown }> = {};
        for (const [k, v] of Object.entries(items)) {
          changes[k] = { newValue: v, oldValue: fake.local.get(k) };
          fake.local.set(k, structuredClone(v));
        }
        fake.storageChanged.emit(changes, 'local');
      },
    },
    onChanged: fake.storageChanged,
  },
  permissions: {
    contains: async ({ origins }: { origins: string[] }) =>
      origins.every((o) => fake.grantedOrigins.has(o)),
    request: async ({ origins }: { origins: string[] }) => {
      fake.requested.push(origins);
      if (fake.grantAnswer) for (const o of origins) fake.grantedOrigins.add(o);
      return fake.grantAnswer;
    },
  },
  commands: {
    getAll: async () =>
      fake.shortcut === null
        ? []
        : [{ name: 'toggle-highlights', shortcut: fake.shortcut, description: '' }],
  },
};
