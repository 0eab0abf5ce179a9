/**
 * An https server for the fixture pages under their real host names. A page's file is
 * tests/fixtures/pages/<host>/<path>.html (a path ending in "/" serves index.html). The
 * certificate is made at test time with openssl and covers every fixture host, so the browsers
 * see real https hosts (straitstimes.com is HSTS-preloaded: plain http would fail).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, normalize, resolve } from 'node:path';

export const PAGES_DIR = resolve(import.meta.dirname, '../../tests/fixtures/pages');

/**
 * A host Gloss does not run on that serves every fixture page as it is, at
 * /<real host>/<path>: the same page without Gloss, to compare text and layout against.
 */
export const PLAIN_HOST = 'plain.gloss.test';

/** Every host that has fixture pages, and the plain host. */
export function fixtureHosts(): string[] {
  const hosts = readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && d.name.includes('.'))
    .map((d) => d.name);
  return [...hosts, PLAIN_HOST].sort();
}

function makeCertificate(hosts: string[]): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-cert-'));
  const san = hosts.map((h) => `DNS:${h}`).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=gloss-fixtures',
      '-addext',
      `subjectAltName=${san},IP:127.0.0.1`,
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export function fileForRequest(requestHost: string, path: string): string | null {
  let host = requestHost;
  let clean = decodeURIComponent(path.split(/[?#]/)[0] ?? '/');
  if (host === PLAIN_HOST) {
    const [, first = '', ...rest] = clean.split('/');
    host = first;
    clean = `/${rest.join('/')}`;
  }
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return null;
  const rel = clean.endsWith('/') ? `${clean}index.html` : `${clean}.html`;
  const file = normalize(join(PAGES_DIR, host, rel));
  if (!file.startsWith(join(PAGES_DIR, host))) return null;
  return existsSync(file) ? file : null;
}

export interface FixtureServer {
  port: number;
  hosts: string[];
  /** Requests the server saw, for checks that nothing unexpected was fetched. */
  requests: string[];
  close(): Promise<void>;
}

export async function startFixtureServer(): Promise<FixtureServer> {
  const hosts = fixtureHosts();
  const requests: string[] = [];
  const server: Server = createServer(makeCertificate(hosts), (req, res) => {
    const host = (req.headers.host ?? '').replace(/:\d+$/, '');
    requests.push(`${host}${req.url}`);
    const file = fileForRequest(host, req.url ?? '/');
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts,
    requests,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
