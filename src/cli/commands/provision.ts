// `provision [--tenant]`: create the three register lists (and any missing column) on the governance site.
import { connectLocal, connectTenant } from '../pipeline/connect';
import { openGovernanceSite, provisionGovernanceSite, provisionSummary } from '../pipeline/governance-site';
import { createCliLogger } from '../output';
import { EXIT } from './command';
import type { Command } from './command';

export const provisionCommand: Command = {
  name: 'provision',
  summary: 'Create or update the three register lists on the governance site (idempotent).',
  help: [
    'Usage: npm run provision -- [--tenant] [--verbose]',
    '',
    'Creates the Data inventory, AI registry and Risk register lists from the domain schemas, or adds',
    'the columns an existing list lacks. Safe to run again: unchanged lists are left alone.',
    '',
    'Options:',
    '  --tenant    use env/.env.dev (+ env/.env.dev.user): a real tenant, app-only token by client credentials',
    '              (the app needs Sites.Manage.All or Sites.FullControl.All on the site)',
    '  --verbose   log every Graph request',
    '',
    'Without --tenant it uses the embedded Graph: the one `npm start` runs, or one started on .data/graph.db.',
  ].join('\n'),
  options: { tenant: { type: 'boolean' }, verbose: { type: 'boolean' } },
  run: async ({ values, output, loadConfig }) => {
    const config = loadConfig({ tenant: values.tenant === true });
    const logger = createCliLogger({ output, level: values.verbose ? 'debug' : 'warn', prefix: 'graph' });
    const connection =
      config.mode === 'tenant' ? connectTenant(config, { logger }) : await connectLocal(config, { logger });
    try {
      output.line(`Provisioning ${config.site.hostname}${config.site.path} via ${connection.description}`);
      const site = await openGovernanceSite({
        client: connection.client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });
      const report = await provisionGovernanceSite(site);
      for (const line of provisionSummary(report)) output.line(line);
      output.line(
        report.created.length + report.addedColumns.length === 0
          ? 'Nothing to do: every list and column already exists.'
          : 'Done.',
      );
      return EXIT.ok;
    } finally {
      await connection.close();
    }
  },
};
