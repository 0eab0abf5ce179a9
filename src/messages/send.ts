/**
 * Sending, typed per direction: each context can send only the messages of its direction. The
 * receiver parses what arrives (./protocol.ts), so these import only types and carry no validator
 * into the gate.
 */
import { browser } from '../platform/browser';
import type { ContentToBackground, UiToBackground, UiToContent } from './protocol';

/** Content script → background. Rejects when the extension is gone (reloaded, updated, removed). */
export const sendContentToBackground = (message: ContentToBackground): Promise<unknown> =>
  browser.runtime.sendMessage(message);

/** Popup / side panel → background; resolves with the background's answer, still to be parsed. */
export const sendUiToBackground = (message: UiToBackground): Promise<unknown> =>
  browser.runtime.sendMessage(message);

/** Popup / side panel → the content script of a tab; the answer is still to be parsed. */
export const sendUiToContent = (tabId: number, message: UiToContent): Promise<unknown> =>
  browser.tabs.sendMessage(tabId, message);
