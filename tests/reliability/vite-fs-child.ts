// Child process of hardening.test.ts (jest cannot import vite, an ES module): vite with the repository's
// vite.config.ts (what `npm run dev` serves), asked for each path given as an argument; prints their statuses
// as JSON. Dependency pre-bundling is off: it is slow and has nothing to do with which files are served.
import { createServer as createHttpServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createServer as createViteServer } from 'vite';

const status = (port: number, path: string) =>
  new Promise<number>((resolveStatus, reject) => {
    request({ host: '127.0.0.1', port, path }, (res) => {
      res.resume();
      res.on('end', () => resolveStatus(res.statusCode ?? 0));
    })
      .on('error', reject)
      .end();
  });

const main = async (): Promise<void> => {
  const vite = await createViteServer({
    configFile: resolve(__dirname, '..', '..', 'vite.config.ts'),
    server: { middlewareMode: true, hmr: false },
    optimizeDeps: { noDiscovery: true, include: [] },
    appType: 'mpa',
  });
  const server = createHttpServer((req, res) => vite.middlewares(req, res));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  try {
    const { port } = server.address() as AddressInfo;
    const statuses: Record<string, number> = {};
    for (const path of process.argv.slice(2)) statuses[path] = await status(port, path);
    process.stdout.write(`${JSON.stringify(statuses)}\n`);
  } finally {
    await vite.close();
    server.close();
  }
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
