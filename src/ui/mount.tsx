import { render } from 'preact';
import { t } from '../platform/i18n';
import { App } from './App';
import type { Host } from './hooks';

/**
 * Renders the UI into `#app` at once: the first frame is the loading state, drawn before any
 * await, so the popup is never blank.
 */
export function mount(host: Host, root = document.getElementById('app')) {
  document.documentElement.dataset.host = host;
  document.title = t('appName');
  if (root) render(<App host={host} />, root);
}
