// `provision [--tenant]`: create the three register lists and the governance unit's lists (and any missing
// column) on the governance site. Embedded: also the officers-only permission (localgraph admin routes);
// tenant: prints the SharePoint REST follow-up that sets it (Graph v1.0 has no list permissions).
import { connectLocal, connectTenant } from '../pipeline/connect';
import { openGovernanceSite, provisionGovernanceSite, provisionSummary } from '../pipeline/governance-site';
import {
  createGovernanceUnitLists,
  officersPermissionFollowUp,
  provisionGovernanceUnitLists,
} from '../pipeline/governance-unit-lists';
import { createCliLogger } from '../output';
import { EXIT } from './command';
import type { Command } from './command';

export const provisionCommand: Command = {
  name: 'provision',
  summary: "Create or update the register lists and the governance unit's lists on the site (idempotent).",
  help: [
    'Usage: npm run provision -- [--tenant] [--verbose]',
    '',
    "Creates the Data inventory, AI registry and Risk register lists and the governance unit's lists",
    '(AiVerifications, ScorecardSnapshots, GovernanceSettings) from the domain schemas, or adds the columns',
    'an existing list lacks. Safe to run again: unchanged lists are left alone. With --tenant it then prints',
    'the command that makes the officers-only lists writable by the officers alone',
    "(scripts/set-officers-permission.ts: SharePoint REST, a site owner's delegated token).",
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
      // The unit's lists look up into the registers, so they come second.
      const unit = await createGovernanceUnitLists(site);
      const registers = new Set([...report.created, ...report.unchanged]);
      const unitOnly = {
        created: unit.report.created.filter((n) => !registers.has(n)),
        unchanged: unit.report.unchanged.filter((n) => !registers.has(n)),
        addedColumns: unit.report.addedColumns.filter((a) => !registers.has(a.list)),
      };
      for (const line of provisionSummary({ ...unit.report, ...unitOnly })) output.line(line);
      const changes =
        report.created.length +
        report.addedColumns.length +
        unitOnly.created.length +
        unitOnly.addedColumns.length;
      output.line(changes === 0 ? 'Nothing to do: every list and column already exists.' : 'Done.');
      if (config.mode === 'tenant') {
        for (const line of officersPermissionFollowUp({ envName: config.envName })) output.line(line);
      } else if (connection.localUrl) {
        const roles = await provisionGovernanceUnitLists(site, {
          url: connection.localUrl,
          getToken: connection.getToken,
        });
        output.line(`Officers-only lists (local permissions set): ${roles.restricted.join(', ')}`);
      }
      return EXIT.ok;
    } finally {
      await connection.close();
    }
  },
};
