// Runs the web server (vite in dev mode) in its own Node process for the browser test: jest's CommonJS loader
// cannot import vite (an ES module). Usage: tsx tests/addin/web-process.ts <graphUrl> <personasJson>.
// Prints "READY <url>" when listening; stops on SIGTERM.
import { startWebServer } from '../../src/web/server';

const [graphBaseUrl = '', personas = '[]'] = process.argv.slice(2);
void startWebServer({
  port: 0,
  graphBaseUrl,
  mode: 'local',
  site: { hostname: 'contoso.sharepoint.com', path: '/sites/governance' },
  personas: JSON.parse(personas) as [],
  serve: 'dev',
}).then((web) => {
  process.stdout.write(`READY ${web.url}\n`);
  process.on('SIGTERM', () => void web.close().then(() => process.exit(0)));
});
