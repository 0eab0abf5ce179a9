/**
 * Open Gloss's side panel: Chrome's `sidePanel` or Firefox's `sidebarAction`.
 *
 * Both browsers only open the panel in response to a user action, and Firefox loses the user
 * gesture at the first `await`: call `openSidePanel` directly inside the click handler, before any
 * other asynchronous work.
 */
import { browser } from './browser';

interface ChromeSidePanel {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface FirefoxSidebarAction {
  open(): Promise<void>;
}

/** Can this browser open a side panel from an extension page? */
export function canOpenSidePanel(): boolean {
  const api = browser as unknown as {
    sidePanel?: Partial<ChromeSidePanel>;
    sidebarAction?: Partial<FirefoxSidebarAction>;
  };
  return typeof api.sidePanel?.open === 'function' || typeof api.sidebarAction?.open === 'function';
}

/** Opens the side panel (for `tabId` in Chrome). Rejects if the browser refuses. */
export function openSidePanel(tabId: number | null): Promise<void> {
  const api = browser as unknown as {
    sidePanel?: ChromeSidePanel;
    sidebarAction?: FirefoxSidebarAction;
  };
  if (api.sidePanel && typeof api.sidePanel.open === 'function') {
    if (tabId === null) return Promise.reject(new Error('No tab to open the side panel for'));
    return api.sidePanel.open({ tabId });
  }
  if (api.sidebarAction && typeof api.sidebarAction.open === 'function') {
    return api.sidebarAction.open();
  }
  return Promise.reject(new Error('This browser has no side panel for extensions'));
}
