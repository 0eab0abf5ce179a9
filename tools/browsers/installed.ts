/**
 * The browsers Gloss is tested, demonstrated, photographed and measured in: Debian's Chromium and
 * Firefox ESR (`apt-get install chromium firefox-esr`), and the Chromium flags every tool runs it
 * with.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';
export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** No sandbox (containers), no GPU, and nothing that talks to the network on its own. */
export const CHROMIUM_FLAGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium flags that load the unpacked extension in `dist` (dist/chrome) and no other. */
export const loadExtensionFlags = (dist: string): string[] => [
  `--disable-extensions-except=${dist}`,
  `--load-extension=${dist}`,
];

/** Chromium's flag that sends these hosts to a local server (the fixture pages). */
export const hostResolverFlag = (hosts: readonly string[], port: number): string =>
  `--host-resolver-rules=${hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`).join(',')}`;
