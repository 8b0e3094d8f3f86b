/**
 * Start and stop the resdiff web server (Node's http through @hono/node-server).
 */
import { serve, type ServerType } from '@hono/node-server';
import { InputError } from '../errors.js';
import { createApp, type AppOptions } from './app.js';

export { createApp } from './app.js';
export type { AppOptions, ResdiffApp } from './app.js';

/** Where and what to serve. */
export interface ServerOptions extends AppOptions {
  /** Port (default 8080; 0 picks a free one). */
  port?: number;
  /** Interface to bind (default 127.0.0.1: only this machine can connect). */
  host?: string;
}

/** A running server. */
export interface RunningServer {
  /** "http://127.0.0.1:8080/" */
  url: string;
  port: number;
  host: string;
  /** Stop accepting connections, finish open ones, release the renderers. */
  close(): Promise<void>;
}

/** How long close() lets running requests finish before it drops their connections. */
const CLOSE_GRACE_MS = 3000;

/** True for addresses only this machine can reach. */
export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  // 127.1 and 127.0.1 are the short forms of 127.0.0.1 that inet_aton (and Node) accept.
  return h === 'localhost' || h === '::1' || /^127(?:\.\d{1,3}){0,3}$/.test(h) || h === '::ffff:127.0.0.1';
}

/**
 * Start the server.
 *
 * @param options corpus, upload limit, port and host
 * @throws InputError when the port is taken or the address cannot be bound
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  // "[::1]" as written in a URL is the address ::1.
  const host = (options.host ?? '127.0.0.1').replace(/^\[(.*)\]$/, '$1');
  const port = options.port ?? 8080;
  const app = createApp(options);
  let server: ServerType | undefined;
  const actualPort = await new Promise<number>((resolve, reject) => {
    try {
      server = serve({ fetch: app.fetch, port, hostname: host }, (info) => resolve(info.port));
      server.once('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EADDRINUSE') reject(new InputError(`port ${port} is already in use; choose another with --port`));
        else if (e.code === 'EADDRNOTAVAIL' || e.code === 'ENOTFOUND') reject(new InputError(`cannot bind to ${host}: no such address on this machine`));
        else if (e.code === 'EACCES') reject(new InputError(`not allowed to bind to ${host}:${port} (ports under 1024 need privileges)`));
        else reject(e);
      });
    } catch (e) {
      reject(e);
    }
  });
  const shown = host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;
  return {
    url: `http://${shown}:${actualPort}/`,
    port: actualPort,
    host,
    close() {
      closed ??= (async () => {
        await new Promise<void>((resolve) => {
          if (!server) return resolve();
          const s = server as ServerType & { closeIdleConnections?: () => void; closeAllConnections?: () => void };
          s.close(() => resolve());
          // Idle keep-alive connections would hold close() open; so would a connection whose
          // request was still running (it turns idle, kept alive, after close() looked). After a
          // grace period for answers on their way, every connection is dropped: close() is bounded.
          s.closeIdleConnections?.();
          setTimeout(() => s.closeAllConnections?.(), CLOSE_GRACE_MS).unref();
        });
        await app.dispose();
      })();
      return closed;
    },
  };
}
