import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { loadPacks } from '../annotations/packs';
import { browser } from '../platform/browser';
import type { PageState } from '../platform/messages';

async function tabIdFromLocation(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function Popup() {
  const [state, setState] = useState<PageState | null>(null);
  useEffect(() => {
    tabIdFromLocation().then(async (tabId) => {
      if (tabId === null) return setState({ status: 'none' });
      setState(await browser.runtime.sendMessage({ type: 'gloss/get-tab-state', tabId }));
    });
  }, []);
  if (!state) return <p>Loading…</p>;
  if (state.status !== 'article' && state.status !== 'partial')
    return <p>No known article here.</p>;
  const pack = loadPacks().packs.find(
    (p: { article: { id: string; headline: string } }) => p.article.id === state.articleId,
  );
  return <h1>{pack?.article.headline}</h1>;
}

const app = document.getElementById('app');
if (app) render(<Popup />, app);
