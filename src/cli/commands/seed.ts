// `seed [--reset]`: load the demo data into the embedded Graph, through Graph (never into SQLite).
import { isIsoDate, toIsoDate } from '../../domain/time';
import type { RegisterId } from '../../domain/schema/types';
import { createCliLogger } from '../output';
import { connectLocal } from '../pipeline/connect';
import {
  isListEmpty,
  openGovernanceSite,
  openRegisters,
  provisionGovernanceSite,
} from '../pipeline/governance-site';
import { seedDemo, seedSummary } from '../pipeline/seed-demo';
import { EXIT } from './command';
import type { Command } from './command';

export const seedCommand: Command = {
  name: 'seed',
  summary: 'Load the demo people and records into the embedded Graph (first time, or --reset).',
  help: [
    'Usage: npm run seed -- [--reset] [--seed <text>] [--date YYYY-MM-DD]',
    '',
    'Generates the demo data set (75 people, 420 data assets, 48 AI systems, 64 risks; about 55% healthy,',
    '25% stale, 15% incomplete, 5% without a custodian, relative to today) and writes it through Graph:',
    'people via POST /users, records via $batch. Provisions the lists first if needed.',
    '',
    'Options:',
    '  --reset   delete every item of the three registers first, then load again',
    '  --seed    generator seed (default governance-hub-demo): same seed and date, same data',
    '  --date    reference date for freshness (default: today, UTC)',
    '',
    'Embedded mode only: demo people are never created in a real tenant.',
  ].join('\n'),
  options: {
    reset: { type: 'boolean' },
    seed: { type: 'string' },
    date: { type: 'string' },
    tenant: { type: 'boolean' },
  },
  run: async ({ values, output, loadConfig, now }) => {
    if (values.tenant === true) {
      output.error(
        'seed: not available with --tenant. Demo people and records are for the embedded Graph only.',
      );
      return EXIT.usage;
    }
    const today = typeof values.date === 'string' ? values.date : toIsoDate(now());
    if (!isIsoDate(today)) {
      output.error(`seed: --date must be YYYY-MM-DD (got '${today}').`);
      return EXIT.usage;
    }
    const config = loadConfig({ tenant: false });
    if (config.mode !== 'local') {
      output.error('seed: GRAPH_MODE is tenant; seeding is for the embedded Graph only.');
      return EXIT.usage;
    }
    const logger = createCliLogger({ output, level: 'warn', prefix: 'graph' });
    const connection = await connectLocal(config, { logger });
    try {
      output.line(`Seeding via ${connection.description}`);
      const site = await openGovernanceSite({
        client: connection.client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });
      const report = await provisionGovernanceSite(site);
      const listIds = report.listIds as Record<RegisterId, string>;
      if (values.reset !== true && !(await isListEmpty(site, listIds.dataInventory))) {
        output.line('The data inventory already has items: nothing loaded. Use --reset to replace them.');
        return EXIT.ok;
      }
      const seeded = await seedDemo({
        site,
        registers: openRegisters(site, listIds),
        local: { url: connection.localUrl ?? connection.baseUrl, getToken: connection.getToken },
        today,
        emailDomain: config.demoEmailDomain,
        reset: values.reset === true,
        ...(typeof values.seed === 'string' ? { seed: values.seed } : {}),
        onProgress: (message) => output.line(`  ${message}`),
      });
      output.line(`Loaded (reference date ${today}):`);
      for (const line of seedSummary(seeded)) output.line(line);
      return seeded.registers.some((r) => r.rejected.length > 0) ? EXIT.failure : EXIT.ok;
    } finally {
      await connection.close();
    }
  },
};
