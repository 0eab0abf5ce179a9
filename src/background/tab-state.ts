/**
 * What the content script found in each tab, kept in storage.session so it survives the
 * service worker (Chrome) or event page (Firefox) going to sleep, and never touches the disk.
 */

import type { PageState } from '../messages/protocol';
import { browser } from '../platform/browser';

const key = (tabId: number) => `gloss.tab.${tabId}`;

export async function getTabState(tabId: number): Promise<PageState> {
  try {
    const stored = await browser.storage.session.get(key(tabId));
    return (stored[key(tabId)] as PageState | undefined) ?? { status: 'none' };
  } catch {
    return { status: 'none' };
  }
}

export async function setTabState(tabId: number, state: PageState): Promise<void> {
  await browser.storage.session.set({ [key(tabId)]: state });
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(key(tabId));
}
