// `provision [--tenant]`: create the three register lists and the governance unit's lists (and any missing
// column) on the governance site. Embedded: also the officers-only permission (localgraph admin routes);
// tenant: prints the SharePoint REST follow-up that sets it (Graph v1.0 has no list permissions).
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import { connectLocal, connectTenant } from '../pipeline/connect';
import { openGovernanceSite, provisionGovernanceSite, provisionSummary } from '../pipeline/governance-site';
import {
  createGovernanceUnitLists,
  officersPermissionFollowUp,
  provisionGovernanceUnitLists,
} from '../pipeline/governance-unit-lists';
import { readSchemaVersions, recordSchemaVersions } from '../pipeline/schema-versions';
import { createCliLogger } from '../output';
import { EXIT } from './command';
import type { Command } from './command';

export const provisionCommand: Command = {
  name: 'provision',
  summary: "Create or update the register lists and the governance unit's lists on the site (idempotent).",
  help: [
    'Usage: npm run provision -- [--tenant] [--dry-run] [--verbose]',
    '',
    "Creates the Data inventory, AI registry and Risk register lists and the governance unit's lists",
    '(AiVerifications, ScorecardSnapshots, GovernanceSettings) from the domain schemas, or adds the columns',
    'an existing list lacks. A list provisioned by an older schema version is migrated: values move to their',
    'new columns (e.g. URLs out of hyperlink columns, which Graph cannot write), the old columns are hidden,',
    'and the version is recorded in GovernanceSettings (schemaVersion.<List>). An interrupted migration',
    'continues where it stopped on the next run.',
    'Safe to run again: unchanged lists are left alone. With --tenant it then prints',
    'the command that makes the officers-only lists writable by the officers alone',
    "(scripts/set-officers-permission.ts: SharePoint REST, a site owner's delegated token).",
    '',
    'Options:',
    '  --tenant    use env/.env.dev (+ env/.env.dev.user): a real tenant, app-only token by client credentials',
    '              (the app needs Sites.Manage.All or Sites.FullControl.All on the site)',
    '  --dry-run   read the site and print the plan (lists, columns, migration steps); write nothing',
    '  --verbose   log every Graph request',
    '',
    'Without --tenant it uses the embedded Graph: the one `npm start` runs, or one started on .data/graph.db.',
  ].join('\n'),
  options: { tenant: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, verbose: { type: 'boolean' } },
  run: async ({ values, output, loadConfig }) => {
    const config = loadConfig({ tenant: values.tenant === true });
    const logger = createCliLogger({ output, level: values.verbose ? 'debug' : 'warn', prefix: 'graph' });
    const connection =
      config.mode === 'tenant' ? connectTenant(config, { logger }) : await connectLocal(config, { logger });
    const dryRun = values['dry-run'] === true;
    try {
      output.line(
        `${dryRun ? 'Plan (dry run, nothing is written) for' : 'Provisioning'} ${config.site.hostname}${config.site.path} via ${connection.description}`,
      );
      const site = await openGovernanceSite({
        client: connection.client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });
      const report = await provisionGovernanceSite(site, { dryRun });
      for (const line of provisionSummary(report)) output.line(line);
      // The unit's lists look up into the registers, so they come second.
      const unit = await createGovernanceUnitLists(site, { dryRun });
      const registers = new Set([
        ...report.created,
        ...report.unchanged,
        ...report.migrations.map((m) => m.list),
      ]);
      const unitOnly = {
        created: unit.report.created.filter((n) => !registers.has(n)),
        unchanged: unit.report.unchanged.filter((n) => !registers.has(n)),
        addedColumns: unit.report.addedColumns.filter((a) => !registers.has(a.list)),
        migrations: unit.report.migrations.filter((m) => !registers.has(m.list)),
      };
      for (const line of provisionSummary({ ...unit.report, ...unitOnly })) output.line(line);
      const settingsListId = unit.listIds.governanceSettings;
      if (dryRun) {
        const recorded =
          settingsListId && !unit.report.created.includes('GovernanceSettings')
            ? await readSchemaVersions(site, settingsListId)
            : {};
        for (const schema of REGISTER_IDS.map((id) => REGISTERS[id])) {
          const at = recorded[schema.listName];
          output.line(
            `  schema    ${schema.listName}: recorded ${at === undefined ? 'none' : `v${at}`}, current v${schema.version}`,
          );
        }
        output.line('Dry run: nothing was written.');
        return EXIT.ok;
      }
      if (settingsListId) await recordSchemaVersions(site, settingsListId, report);
      const changes =
        report.created.length +
        report.addedColumns.length +
        report.migrations.length +
        unitOnly.created.length +
        unitOnly.addedColumns.length;
      output.line(changes === 0 ? 'Nothing to do: every list and column already exists.' : 'Done.');
      if (report.migrations.some((m) => !m.complete)) {
        output.line('A migration is not complete: run provision again to finish it.');
      }
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
