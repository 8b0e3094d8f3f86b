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
