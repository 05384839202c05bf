// The localgraph process of restart.test.ts: the embedded Graph on a SQLite file, in its own process so the
// test can SIGKILL it mid-write (no close(), no checkpoint: whatever SQLite has committed is in the WAL).
// Prints `ready <url>` once it listens. argv: dbPath adminSecret.
import { startLocalGraph } from '../../src/localgraph';

const main = async (): Promise<void> => {
  const [dbPath, adminSecret] = process.argv.slice(2);
  const graph = await startLocalGraph({
    dbPath: dbPath ?? '',
    port: 0,
    hostname: 'contoso.sharepoint.com',
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret,
  });
  process.stdout.write(`ready ${graph.url}\n`);
};

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
