/**
 * What the content script found in each tab, kept in storage.session so it survives the
 * service worker (Chrome) or event page (Firefox) going to sleep, and never touches the disk.
 */

import type { PageState } from '../messages/protocol';
import { browser } from '../platform/browser';

/** The storage.session key of a tab's state (the popup and side panel watch it change). */
export const tabStateKey = (tabId: number) => `gloss.tab.${tabId}`;

export async function getTabState(tabId: number): Promise<PageState> {
  try {
    const stored = await browser.storage.session.get(tabStateKey(tabId));
    return (stored[tabStateKey(tabId)] as PageState | undefined) ?? { status: 'none' };
  } catch {
    return { status: 'none' };
  }
}

export async function setTabState(tabId: number, state: PageState): Promise<void> {
  await browser.storage.session.set({ [tabStateKey(tabId)]: state });
}

export async function clearTabState(tabId: number): Promise<void> {
  await browser.storage.session.remove(tabStateKey(tabId));
}
