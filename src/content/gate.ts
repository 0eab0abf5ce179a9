/**
 * The gate: the only Gloss code that runs on every page of a supported site. It reads the page's
 * URL and metadata, compares them with a small catalog of known articles, and only on a match asks
 * the background to inject the engine (src/content/engine.ts). Elsewhere it does nothing more.
 */
import { catalog } from 'virtual:gloss-catalog';
import { type GateMatch, gate, probeLead } from '../detection/detect';
import { sendContentToBackground } from '../messages/send';
import { readPageMetadata } from './metadata';
import { mark } from './timing';

mark('gate-start');

/** The last article and URL this gate asked about: ask once per URL. */
let asked = '';

/** Text of the page's opening paragraphs: a few element reads, never a full-page scan. */
function openingText(): string {
  const root = document.querySelector('article, [itemprop="articleBody"], main') ?? document.body;
  let text = '';
  for (const p of root?.querySelectorAll('p') ?? []) {
    text += ` ${p.textContent ?? ''}`;
    if (text.length > 3000) break;
  }
  return text;
}

const looksLikeAnArticle = () =>
  document.querySelector('meta[property="og:type"]')?.getAttribute('content') === 'article' ||
  document.querySelector('article') !== null;

function findCandidate(): GateMatch | null {
  const byMetadata = gate(readPageMetadata(document, location.href), catalog);
  if (byMetadata || !looksLikeAnArticle()) return byMetadata;
  const articleId = probeLead(openingText(), catalog);
  return articleId ? { articleId, by: 'text' } : null;
}

function check() {
  const match = findCandidate();
  if (!match) return;
  // Ask once per URL: SPA navigations may bring a new article.
  const key = `${match.articleId} ${location.href}`;
  if (asked === key) return;
  asked = key;
  mark('gate-probe');
  sendContentToBackground({ type: 'gloss/candidate', articleId: match.articleId }).catch(stop);
}

// Single-page apps change the URL and the head without a page load: re-check when they do.
let lastUrl = location.href;
const onChange = () => {
  if (location.href === lastUrl) return;
  lastUrl = location.href;
  check();
};
const observer = new MutationObserver(onChange);

/** The extension was reloaded or removed: this gate is stale; stop watching. */
function stop() {
  observer.disconnect();
  removeEventListener('popstate', onChange);
}

check();
observer.observe(document.head ?? document.documentElement, { childList: true, subtree: true });
addEventListener('popstate', onChange);
