/**
 * How the gate notices it should read again, at two costs (gate.ts picks one per moment):
 *  - 'page': every change of the document (one MutationObserver on the whole tree), while a page
 *    that says it is an article or a live page fills in, or an app shell has shown nothing yet;
 *  - 'address': only what a single-page app does when it moves on: a new URL (the Navigation
 *    API's `currententrychange` where the browser has it, `popstate`) and changes to the head
 *    (title, canonical link, og:type, JSON-LD). The body's churn (a ticker, teasers, comments)
 *    then costs the gate nothing.
 * `onChange` gets the records of the observer, or null for a URL event.
 */
export type WatchMode = 'page' | 'address';

const PAGE: MutationObserverInit = { childList: true, subtree: true, characterData: true };
const HEAD: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ['content', 'href'],
};

type NavigationTarget = EventTarget | undefined;

export class PageWatch {
  private current: WatchMode | null = null;
  private readonly observer: MutationObserver;
  private readonly navigation = (globalThis as { navigation?: NavigationTarget }).navigation;
  private readonly onAddress = () => this.onChange(null);

  constructor(private readonly onChange: (records: MutationRecord[] | null) => void) {
    this.observer = new MutationObserver((records) => onChange(records));
  }

  get mode(): WatchMode | null {
    return this.current;
  }

  set(mode: WatchMode) {
    if (mode === this.current) return;
    if (this.current === null) {
      addEventListener('popstate', this.onAddress);
      this.navigation?.addEventListener?.('currententrychange', this.onAddress);
    }
    this.current = mode;
    this.observer.disconnect();
    if (mode === 'page') this.observer.observe(document.documentElement, PAGE);
    else if (document.head) this.observer.observe(document.head, HEAD);
    else this.observer.observe(document.documentElement, { childList: true });
  }

  stop() {
    if (this.current === null) return;
    this.current = null;
    this.observer.disconnect();
    removeEventListener('popstate', this.onAddress);
    this.navigation?.removeEventListener?.('currententrychange', this.onAddress);
  }
}
