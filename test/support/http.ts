import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Requests to the in-process app (`app.request`), answers parsed as JSON. */

/** A JSON answer, loosely typed for assertions. */
export interface Json {
  [k: string]: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** Anything with Hono's in-process `request`. */
export interface Requestable {
  request(path: string, init?: RequestInit): Response | Promise<Response>;
}

/** GET `path` and parse the JSON body; a non-JSON body fails with its status and start. */
export async function requestJson(app: Requestable, path: string): Promise<{ status: number; body: Json; res: Response; text: string }> {
  const res = await app.request(path);
  const text = await res.text();
  let body: Json;
  try {
    body = JSON.parse(text) as Json;
  } catch {
    throw new Error(`not JSON (${res.status}): ${text.slice(0, 200)}`);
  }
  return { status: res.status, body, res, text };
}

/** Start a local stand-in server on a free port of 127.0.0.1; its base URL ("http://127.0.0.1:PORT"). */
export async function listenLocal(server: Server): Promise<string> {
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Stop a local stand-in server, dropping open connections first so that closing cannot wait on them. */
export async function closeLocal(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((ok) => server.close(() => ok()));
}

/** A port of 127.0.0.1 that was free a moment ago: a connection to it is refused, nothing leaves the machine. */
export async function refusedPort(): Promise<number> {
  const probe = createServer();
  const port = Number(new URL(await listenLocal(probe)).port);
  await closeLocal(probe);
  return port;
}
