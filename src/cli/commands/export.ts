// `export [--register x] [--out dir]`: one CSV per register, UTF-8 with BOM, formula-safe.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import { toIsoDate } from '../../domain/time';
import { createCliLogger } from '../output';
import { connectLocal, connectTenant } from '../pipeline/connect';
import { registerCsv } from '../pipeline/export-csv';
import { openGovernanceSite, openRegisters, registerListIds } from '../pipeline/governance-site';
import { EXIT } from './command';
import type { Command } from './command';

const ALIASES: Readonly<Record<string, RegisterId>> = {
  inventory: 'dataInventory',
  'data-inventory': 'dataInventory',
  datainventory: 'dataInventory',
  ai: 'aiRegistry',
  'ai-registry': 'aiRegistry',
  airegistry: 'aiRegistry',
  risks: 'riskRegister',
  'risk-register': 'riskRegister',
  riskregister: 'riskRegister',
};

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write each register to a CSV file (UTF-8 with BOM, opens cleanly in Excel).',
  help: [
    'Usage: npm run export -- [--register <name>] [--out <dir>] [--tenant]',
    '',
    'Options:',
    '  --register  inventory | ai | risks (or dataInventory, aiRegistry, riskRegister); default: all three',
    '  --out       output folder; default .data/exports',
    '  --tenant    read from the tenant in env/.env.dev instead of the embedded Graph',
    '',
    'Files are named <ListName>-<YYYY-MM-DD>.csv. Cells that a spreadsheet would run as a formula',
    '(starting with = + - @, tab or CR) are prefixed with a single quote.',
  ].join('\n'),
  options: { register: { type: 'string' }, out: { type: 'string' }, tenant: { type: 'boolean' } },
  run: async ({ values, output, loadConfig, now }) => {
    let registers: readonly RegisterId[] = REGISTER_IDS;
    if (typeof values.register === 'string') {
      const id = ALIASES[values.register.toLowerCase()] ?? REGISTER_IDS.find((r) => r === values.register);
      if (!id) {
        output.error(`export: unknown register '${values.register}' (use inventory, ai or risks).`);
        return EXIT.usage;
      }
      registers = [id];
    }
    const config = loadConfig({ tenant: values.tenant === true });
    const outDir = resolve(
      typeof values.out === 'string' ? values.out : join(config.rootDir, '.data', 'exports'),
    );
    const logger = createCliLogger({ output, level: 'warn', prefix: 'graph' });
    const connection =
      config.mode === 'tenant' ? connectTenant(config, { logger }) : await connectLocal(config, { logger });
    try {
      const site = await openGovernanceSite({
        client: connection.client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });
      const listIds = await registerListIds(site);
      const missing = registers.filter((id) => !listIds[id]);
      if (missing.length > 0) {
        output.error(`export: not provisioned yet: ${missing.join(', ')}. Run npm run provision first.`);
        return EXIT.failure;
      }
      const opened = openRegisters(site, listIds as Record<RegisterId, string>);
      mkdirSync(outDir, { recursive: true });
      const date = toIsoDate(now());
      for (const id of registers) {
        const schema = REGISTERS[id];
        const records = await opened.repositories[id].list({ top: 1000 });
        const file = join(outDir, `${schema.listName}-${date}.csv`);
        writeFileSync(file, registerCsv(schema, records), 'utf8');
        output.line(
          `${schema.displayName.en.padEnd(15)} ${String(records.length).padStart(6)} rows  ${relative(process.cwd(), file).startsWith('..') ? file : relative(process.cwd(), file)}`,
        );
      }
      return EXIT.ok;
    } finally {
      await connection.close();
    }
  },
};
