/**
 * The reader's notes on sites Gloss does not support.
 *
 * - After the first note on such a site, the page's notes layer asks whether Gloss keeps the site
 *   (`gloss/site-access`, ask: false) and, if the reader wants it, asks for it (ask: true): Gloss
 *   opens its small page that explains and asks (src/grant/), where the reader's click can reach
 *   the browser's permission prompt (a page's script cannot ask for a permission). The site is
 *   always the sender's, never a field of the message.
 * - On a site the reader granted, Gloss injects its engine into a page when it has finished
 *   loading and holds notes of the reader's (the notes layer then re-anchors them).
 *
 * Inject on navigation, rather than a content script registered for the granted sites
 * (scripting.registerContentScripts): no script of Gloss's runs in a page of the site that holds no
 * note, nothing is registered to keep in step with the grants (a grant taken back in the browser's
 * settings simply ends the injections, as `tabs.onUpdated` then reports no address), and the
 * background already listens to every tab's loading.
 */
import type { Replies } from '../messages/protocol';
import { pageKey } from '../notes/model';
import { readNotes } from '../notes/store';
import { browser, type Runtime } from '../platform/browser';
import { keepsSite, sitePattern, supportedSites } from '../platform/site-access';

export const GRANT_PAGE = 'src/grant/index.html';

/** The site-access question of a page's notes layer; `ask` opens the page that asks the reader. */
export async function siteAccess(
  sender: Runtime.MessageSender,
  ask: boolean,
): Promise<Replies['gloss/site-access']> {
  const pattern = sender.frameId === 0 && sender.url ? sitePattern(sender.url) : null;
  if (!pattern) return { kept: false };
  const kept = await keepsSite(pattern);
  if (ask && !kept) {
    const url = `${browser.runtime.getURL(GRANT_PAGE)}?site=${encodeURIComponent(pattern)}`;
    await browser.windows
      .create({ url, type: 'popup', width: 460, height: 420 })
      .catch(() => browser.tabs.create({ url }));
  }
  return { kept };
}

/** Does storage hold a note on the page at `url` (same page address, its hash aside)? */
async function hasNotesAt(url: string): Promise<boolean> {
  const here = pageKey(url);
  const { notes } = await readNotes();
  return notes.some((n) => pageKey(n.target.source) === here);
}

/**
 * A page of a granted site finished loading with notes of the reader's: bring the engine. The
 * supported sites are left to the gate.
 */
export function watchNoteSites(injectEngine: (tabId: number) => Promise<void>) {
  browser.tabs.onUpdated.addListener(
    async (tabId: number, change: { status?: string }, tab: { url?: string }) => {
      if (change.status !== 'complete' || !tab.url) return;
      const pattern = sitePattern(tab.url);
      if (!pattern || supportedSites().includes(pattern)) return;
      try {
        if (!(await keepsSite(pattern)) || !(await hasNotesAt(tab.url))) return;
        await injectEngine(tabId);
      } catch {
        // The tab went away or navigated on: its next load tries again.
      }
    },
  );
}
