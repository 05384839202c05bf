// `start`: the embedded default. Runs localgraph on .data/graph.db, provisions the registers, loads the
// demo data the first time, grants the demo people their site roles, prints the URLs and stays up
// until Ctrl-C.
import { join } from 'node:path';
import { REGISTERS, REGISTER_IDS } from '../../domain/registers';
import type { RegisterId } from '../../domain/schema/types';
import { toIsoDate } from '../../domain/time';
import { REMINDER_SCHEDULE } from '../../bot';
import { createGraphClient } from '../../graph';
import type { LocalGraphHandle } from '../../localgraph';
import type { LocalConfig } from '../config';
import { createCliLogger } from '../output';
import type { Output } from '../output';
import { startEmbeddedGraph } from '../pipeline/connect';
import {
  isListEmpty,
  openGovernanceSite,
  openRegisters,
  provisionGovernanceSite,
  provisionSummary,
} from '../pipeline/governance-site';
import { provisionGovernanceUnitLists } from '../pipeline/governance-unit-lists';
import { adminTokenProvider } from '../pipeline/local-identity';
import { ensureDemoRoleAssignments, seedDemo, seedSummary } from '../pipeline/seed-demo';
import { DEMO_PERSONA_SPECS } from '../seed';
import { EXIT } from './command';
import { createEmbeddedBot } from './remind';
import { ensureFrontEndsBuilt } from '../../web/build';
import { startWebServer } from '../../web/server';
import type { WebServer } from '../../web/server';
import type { Command } from './command';

function printUrls(
  output: Output,
  config: LocalConfig,
  urls: { graph: string; site: string; web: WebServer },
): void {
  const personas = DEMO_PERSONA_SPECS.map(
    (p) =>
      `    ${`${p.given} ${p.family}`.padEnd(16)} ${`${p.ascii}@${config.demoEmailDomain}`.padEnd(32)} ${p.description}`,
  );
  output.line('');
  output.line('Governance Hub is running (embedded mode).');
  output.line(`  Teams tab        ${urls.web.tabUrl}`);
  output.line(
    `  Excel workbook   ${urls.web.url}/workbook/  (a local workbook with the task pane beside it)`,
  );
  output.line(`  Excel task pane  ${urls.web.url}/taskpane/  (the page Excel loads)`);
  output.line(
    `  Bot chat         http://localhost:${config.ports.bot}/chat/  (reminders: hourly, 09:00 in each person's zone; or npm run remind)`,
  );
  output.line(`  Graph (v1.0)     ${urls.graph}/v1.0`);
  output.line(`  Governance site  ${urls.site}`);
  output.line('  Demo people (sign in as one of them):');
  for (const line of personas) output.line(line);
  output.line('');
  output.line('Press Ctrl-C to stop.');
}

/** The port of a listen() that failed because it is taken (EADDRINUSE / EACCES), else undefined. */
export const listenFailurePort = (error: unknown): number | undefined => {
  const e = error as NodeJS.ErrnoException & { port?: unknown };
  return (e?.code === 'EADDRINUSE' || e?.code === 'EACCES') && typeof e.port === 'number'
    ? e.port
    : undefined;
};

/** Resolves when the signal aborts (Ctrl-C / SIGTERM). */
const untilAborted = (signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  });

export const startCommand: Command = {
  name: 'start',
  summary: 'Run the embedded Graph with the three registers and demo data; print the URLs.',
  help: [
    'Usage: npm start [-- --verbose]',
    '',
    'Embedded mode (env/.env.local): starts the local Graph emulator on LOCALGRAPH_PORT with its SQLite',
    'file in DATA_DIR (.data/graph.db), provisions the three register lists, loads the demo data the first',
    'time (when the data inventory is empty), gives the demo people their site roles, and prints the URLs.',
    'Stays up until Ctrl-C. Delete .data/ (or run npm run seed -- --reset) to start from fresh demo data.',
    '',
    'Tenant mode is not started from here: provision and deploy with teamsapp.yml (Agents Toolkit), and',
    'use `npm run provision -- --tenant` for the lists.',
    '',
    'The front ends are built into dist/web (vite, compressed when served) the first time and again whenever',
    'their sources changed since the last build; `npm run dev` serves them from source with hot reload instead.',
    '',
    'Options:',
    '  --verbose   log every Graph request',
    '  --dev       serve the front ends from source with vite (hot reload; npm run dev)',
  ].join('\n'),
  options: { verbose: { type: 'boolean' }, tenant: { type: 'boolean' }, dev: { type: 'boolean' } },
  run: async ({ values, output, loadConfig, now, signal }) => {
    const config = loadConfig({ tenant: values.tenant === true });
    if (config.mode !== 'local') {
      output.error(
        'start: GRAPH_MODE=tenant. In a tenant the app runs where teamsapp.yml deployed it; use the Agents ' +
          'Toolkit (teamsapp.yml) to provision and deploy, and `npm run provision -- --tenant` for the lists. ' +
          'Serving the front ends locally against a tenant comes with the tab, add-in and bot issues.',
      );
      return EXIT.usage;
    }
    // The built front ends (a fraction of the dev server's bytes and first-paint time), rebuilt when a
    // source changed since the build in dist/web; --dev: vite from source with hot reload.
    const distDir = join(config.rootDir, 'dist', 'web');
    if (values.dev !== true) {
      output.line('Front ends: checking the build in dist/web…');
      try {
        output.line(ensureFrontEndsBuilt(distDir).built ? '  built' : '  up to date');
      } catch (error) {
        // execFileSync keeps vite's report on the error.
        const e = error as { stdout?: Buffer; stderr?: Buffer; message?: string };
        output.error(
          `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}`.trim() || String(e.message),
        );
        output.error('start: the front-end build failed (above); `npm run dev` serves them from source.');
        return EXIT.failure;
      }
    }
    const logger = createCliLogger({
      output,
      level: values.verbose ? 'debug' : 'warn',
      prefix: 'localgraph',
    });
    let handle: LocalGraphHandle;
    try {
      handle = await startEmbeddedGraph(config, { logger });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        output.error(
          `start: port ${config.localGraph.port} is in use. Is \`npm start\` already running? ` +
            'Otherwise set LOCALGRAPH_PORT in env/.env.local (0 picks a free port).',
        );
        return EXIT.failure;
      }
      throw error;
    }
    try {
      output.line(`Embedded Graph on ${handle.url} (database ${config.localGraph.dbPath})`);
      const getToken = adminTokenProvider({ url: handle.url, adminSecret: handle.adminSecret });
      const client = createGraphClient({ baseUrl: handle.url, getToken, logger });
      const site = await openGovernanceSite({
        client,
        hostname: config.site.hostname,
        sitePath: config.site.path,
      });

      output.line('Provisioning the registers:');
      const report = await provisionGovernanceSite(site);
      for (const line of provisionSummary(report)) output.line(line);
      const listIds = report.listIds as Record<RegisterId, string>;
      const registers = openRegisters(site, listIds);

      if (await isListEmpty(site, listIds.dataInventory)) {
        const today = toIsoDate(now());
        output.line(`First run: loading the demo data (reference date ${today})…`);
        const seeded = await seedDemo({
          site,
          registers,
          local: { url: handle.url, getToken },
          today,
          emailDomain: config.demoEmailDomain,
          onProgress: (message) => output.line(`  ${message}`),
        });
        for (const line of seedSummary(seeded)) output.line(line);
      } else {
        output.line('Demo data already loaded (npm run seed -- --reset reloads it).');
        // A .data/ seeded before the GovernanceRoles list existed gets the demo roles now (idempotent).
        await ensureDemoRoleAssignments({
          site,
          today: toIsoDate(now()),
          emailDomain: config.demoEmailDomain,
        });
        for (const id of REGISTER_IDS) {
          // One cheap request per register is enough to show it is there.
          const empty = await isListEmpty(site, listIds[id]);
          output.line(`  ${REGISTERS[id].displayName.en.padEnd(15)} ${empty ? 'empty' : 'has items'}`);
        }
      }
      // After seeding, so the readers' group holds every demo person.
      const unit = await provisionGovernanceUnitLists(site, { url: handle.url, getToken });
      output.line(`Governance unit lists: ${unit.restricted.join(', ')} writable by officers only`);
      if (signal.aborted) return EXIT.ok;
      // The reminder bot, its local connector and chat page; reminders on a schedule (croner).
      // A listener that cannot start (a port in use) ends the command with a clear message, and closes what did
      // start first: a bot or connector left listening would keep the process up forever.
      let embeddedBot: Awaited<ReturnType<typeof createEmbeddedBot>> | undefined;
      let web: WebServer | undefined;
      let stopSchedule: (() => void) | undefined;
      try {
        embeddedBot = await createEmbeddedBot({
          config,
          site,
          localUrl: handle.url,
          adminToken: getToken,
          logger: createCliLogger({ output, level: values.verbose ? 'debug' : 'warn', prefix: 'bot' }),
          withConnector: true,
        });
        // Hourly (each person at 09:00 in their zone) and once now: catches up a run missed or interrupted.
        stopSchedule = embeddedBot.bot.schedule(
          REMINDER_SCHEDULE,
          (result) => {
            if (result instanceof Error) output.error(`reminder run failed: ${result.message}`);
            else output.line(`Reminder run ${result.runId}: ${result.outcome}, sent ${result.sent}.`);
          },
          { runAtStart: true },
        );
        web = await startWebServer({
          port: config.ports.tab,
          graphBaseUrl: handle.url,
          mode: 'local',
          serve: values.dev === true ? 'dev' : 'dist',
          distDir,
          site: config.site,
          personas: DEMO_PERSONA_SPECS.map((p) => ({
            upn: `${p.ascii}@${config.demoEmailDomain}`,
            displayName: `${p.given} ${p.family}`,
            role: p.persona,
            mission: p.missionId,
          })),
          logger: createCliLogger({ output, level: values.verbose ? 'debug' : 'warn', prefix: 'web' }),
        });
      } catch (error) {
        stopSchedule?.();
        await web?.close();
        await embeddedBot?.close();
        const port = listenFailurePort(error);
        if (port === undefined) throw error;
        output.error(
          `start: port ${port} is in use (${port === config.ports.bot ? 'BOT_PORT: bot chat' : port === config.ports.tab ? 'TAB_PORT: front ends' : 'a listener'}). ` +
            'Is `npm start` already running? Otherwise set that port in env/.env.local (0 picks a free one).',
        );
        return EXIT.failure;
      }
      // Only the front ends' own origin may get a person's token from the embedded sign-in (/local/token).
      const webPort = new URL(web.url).port;
      handle.allowSignInOrigins([`http://127.0.0.1:${webPort}`, `http://localhost:${webPort}`]);
      printUrls(output, config, { graph: handle.url, site: site.webUrl, web });
      try {
        await untilAborted(signal);
      } finally {
        stopSchedule?.();
        await web.close();
        await embeddedBot.close();
      }
      output.line('Stopping…');
      return EXIT.ok;
    } finally {
      await handle.close();
      output.line('Embedded Graph closed.');
    }
  },
};
