// A node:http transport for the Teams SDK (IHttpServerAdapter) that listens on a given host and an
// ephemeral port and can also be mounted inside another server (handle()).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { HttpRouteHandler, IHttpServerAdapter } from '@microsoft/teams.apps';
import { isAllowedHost, readLimitedBody } from '../web/guards';

const MAX_BODY = 1_000_000;

export class NodeHttpAdapter implements IHttpServerAdapter {
  private readonly routes = new Map<string, HttpRouteHandler>();
  private server?: http.Server;

  registerRoute(_method: 'POST', path: string, handler: HttpRouteHandler): void {
    this.routes.set(path, handler);
  }

  /** Handles a request if it is for one of the registered routes; false otherwise. */
  async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = req.method === 'POST' ? this.routes.get(path) : undefined;
    if (!handler) return false;
    const raw = await readLimitedBody(req, MAX_BODY);
    if (raw === undefined) {
      res.writeHead(413, { 'content-type': 'application/json' }).end('{"error":"request entity too large"}');
      return true;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw.toString('utf8') || '{}');
    } catch {
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"error":"invalid JSON"}');
      return true;
    }
    // An activity is an object; `null`, a number or an array would reach the SDK as one.
    if (typeof body !== 'object' || body === null || Array.isArray(body)) {
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"error":"an activity object is required"}');
      return true;
    }
    const headers: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers[k] = v;
    const response = await handler({ body, headers });
    if (response.body === undefined) res.writeHead(response.status).end();
    else
      res
        .writeHead(response.status, { 'content-type': 'application/json' })
        .end(JSON.stringify(response.body));
    return true;
  }

  async start(port: number | string): Promise<void> {
    await this.listen(Number(port), '127.0.0.1');
  }

  /** Listens and returns the base URL (port 0 picks a free one). */
  async listen(port: number, host: string): Promise<string> {
    const server = http.createServer((req, res) => {
      // Its own listener is the embedded mode's (loopback, unauthenticated activities): loopback names only, so a
      // page on another name resolving to 127.0.0.1 (DNS rebinding) cannot post activities. `serve` mounts
      // handle() on its public server instead, where Bot Framework tokens are checked.
      if (!isAllowedHost(req.headers.host)) {
        res.writeHead(421, { 'content-type': 'application/json' }).end('{"error":"misdirected request"}');
        return;
      }
      this.handle(req, res)
        .then((handled) => {
          if (!handled) res.writeHead(404).end();
        })
        .catch(() => {
          if (!res.headersSent) res.writeHead(500).end();
        });
    });
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const address = server.address() as AddressInfo;
    return `http://${host}:${address.port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
