/**
 * The one module that touches browser extension APIs. Everything else imports `browser` from
 * here, so unit tests replace this file (vi.mock) and dropping webextension-polyfill later is a
 * one-file change.
 */
import browser from 'webextension-polyfill';

export type { Browser, Runtime, Storage, Tabs } from 'webextension-polyfill';
export { browser };
