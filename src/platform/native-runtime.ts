/**
 * The extension's runtime as the browser itself gives it, without webextension-polyfill: for the
 * gate, which runs on every page of a supported site, where evaluating the polyfill (half of the
 * gate's bytes) would be most of its cost. Firefox has `browser`; Chrome's `chrome.runtime`
 * returns promises in Manifest V3. Only what the gate uses.
 */
interface NativeRuntime {
  id?: string;
  sendMessage(message: unknown): Promise<unknown>;
}

const runtime = (): NativeRuntime | undefined => {
  const g = globalThis as {
    browser?: { runtime?: NativeRuntime };
    chrome?: { runtime?: NativeRuntime };
  };
  return g.browser?.runtime ?? g.chrome?.runtime;
};

/** Send to the background; rejects when the extension is gone (reloaded, updated, removed). */
export function sendNativeMessage(message: unknown): Promise<unknown> {
  const r = runtime();
  return r ? r.sendMessage(message) : Promise.reject(new Error('Gloss: no extension runtime'));
}

/** False once the extension that injected this script is gone. */
export function extensionRuntimeAlive(): boolean {
  try {
    return Boolean(runtime()?.id);
  } catch {
    return false;
  }
}
