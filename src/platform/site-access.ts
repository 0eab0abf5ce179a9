/**
 * Gloss on a site it does not support: the reader's notes there come back on later visits only if
 * the reader lets Gloss read that site. Gloss asks for it then (an optional host permission, one
 * site at a time), never up front; the browsers keep the grant, and the reader can take it back in
 * their extension settings.
 *
 * A site is a scheme and a host name, as match patterns name them (`https://www.example.com/*`):
 * match patterns have no port, so a grant covers the host on every port.
 */
import { browser } from './browser';

/** The match pattern of the site of `url`, or null for anything but an http(s) page. */
export function sitePattern(url: string): string | null {
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
    // A host name or an IP address: never a wildcard or anything else a pattern would widen.
    if (!/^([a-z0-9-]+\.)*[a-z0-9-]+$|^\[[0-9a-f:.]+\]$/i.test(u.hostname)) return null;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return null;
  }
}

/** The host name a site pattern names, for the reader ("www.example.com"). */
export const siteName = (pattern: string) =>
  pattern.replace(/^https?:\/\//, '').replace(/\/\*$/, '');

/** The sites Gloss supports by itself (its gate's content script runs there). */
export function supportedSites(): string[] {
  return browser.runtime.getManifest().content_scripts?.flatMap((c) => c.matches ?? []) ?? [];
}

/** Does Gloss come back to this site by itself: a supported site, or one the reader granted? */
export async function keepsSite(pattern: string): Promise<boolean> {
  try {
    return await browser.permissions.contains({ origins: [pattern] });
  } catch {
    return false;
  }
}

/**
 * Asks the reader (the browser's own prompt) to let Gloss read this site. Call it first thing in a
 * click handler: the browsers ask only in a user gesture, and Firefox loses it at the first await.
 */
export function requestSite(pattern: string): Promise<boolean> {
  return browser.permissions.request({ origins: [pattern] }).catch(() => false);
}
