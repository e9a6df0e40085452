import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/connect.js';
import { createApp, type AppOptions } from './app.js';

/** Starts the HTTP server; resolves once it listens, with its port and a way to stop it. */
export function startServer(store: Store, port: number, options: AppOptions & { hostname?: string } = {}) {
  const app = createApp(store, options);
  return new Promise<{ server: ServerType; port: number; close: () => Promise<void> }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: options.hostname }, (info: AddressInfo) =>
      resolve({
        server,
        port: info.port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      }),
    );
    server.once('error', reject);
  });
}
