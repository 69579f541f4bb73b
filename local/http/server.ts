import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SiteResponse } from './types';

/**
 * The HTTP face of the site: turns Node requests into plain values for the site's dispatcher and writes its
 * `SiteResponse` back. Bodies: string as is, bytes as is, anything else as JSON.
 */
export interface IncomingSiteRequest {
  readonly method: string;
  readonly url: URL;
  readonly headers: Readonly<Record<string, string>>;
  readonly rawBody: string | undefined;
}

export type Dispatcher = (req: IncomingSiteRequest) => Promise<SiteResponse>;

const MAX_BODY_BYTES = 10 * 1024 * 1024;

export interface RunningServer {
  readonly port: number;
  close(): Promise<void>;
}

export function listen(dispatch: Dispatcher, port: number, host: string): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    void serve(dispatch, req, res);
  });
  // Browsers keep connections open; do not let them hold a test's close() for long.
  server.keepAliveTimeout = 1_000;
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address() as AddressInfo;
      resolve({
        port: address.port,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

async function serve(
  dispatch: Dispatcher,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): Promise<void> {
  try {
    const rawBody = await readBody(req);
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    const url = new URL(req.url ?? '/', `http://${headers.host ?? 'localhost'}`);
    const response = await dispatch({ method: req.method ?? 'GET', url, headers, rawBody });
    write(res, response);
  } catch (error) {
    const tooLarge = error instanceof BodyTooLargeError;
    write(res, {
      status: tooLarge ? 413 : 500,
      body: {
        errorMessages: [tooLarge ? 'Request body too large.' : `Internal error: ${(error as Error).message}`],
        errors: {},
      },
    });
    if (!tooLarge) console.error(error);
  }
}

class BodyTooLargeError extends Error {}

function readBody(req: http.IncomingMessage): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new BodyTooLargeError());
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(size === 0 ? undefined : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function write(res: http.ServerResponse, response: SiteResponse): void {
  const headers: Record<string, string> = { ...(response.headers ?? {}) };
  const lower = new Set(Object.keys(headers).map((h) => h.toLowerCase()));
  let payload: string | Uint8Array | undefined;
  if (response.body === undefined || response.body === null) {
    payload = undefined;
  } else if (typeof response.body === 'string') {
    payload = response.body;
    if (!lower.has('content-type')) headers['content-type'] = 'text/plain; charset=utf-8';
  } else if (response.body instanceof Uint8Array) {
    payload = response.body;
    if (!lower.has('content-type')) headers['content-type'] = 'application/octet-stream';
  } else {
    payload = JSON.stringify(response.body);
    if (!lower.has('content-type')) headers['content-type'] = 'application/json;charset=UTF-8';
  }
  res.writeHead(response.status, headers);
  res.end(payload);
}
