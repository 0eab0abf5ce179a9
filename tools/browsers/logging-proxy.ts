/**
 * A proxy in front of the fixture server that records every connection a browser makes: the
 * browsers are pointed at it for everything, so a request from Gloss to anywhere at all (an
 * analytics host, a font, a CDN) would show up here. It forwards only to the fixture server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';

export interface LoggingProxy {
  port: number;
  /** "CONNECT host:port" for https, "GET http://…" for plain http. */
  log: string[];
  close(): Promise<void>;
}

export async function startLoggingProxy(
  fixturePort: number,
  fixtureHosts: string[],
): Promise<LoggingProxy> {
  const log: string[] = [];
  const server: Server = createServer((req, res) => {
    // Plain http through the proxy: recorded and refused (the fixtures are https only).
    log.push(`${req.method} ${req.url}`);
    res.writeHead(403).end();
  });
  server.on('connect', (req, client, head) => {
    const target = req.url ?? '';
    log.push(`CONNECT ${target}`);
    const host = target.replace(/:\d+$/, '');
    if (!fixtureHosts.includes(host)) {
      client.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    const upstream = connect(fixturePort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    port: (server.address() as AddressInfo).port,
    log,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
