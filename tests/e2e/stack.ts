// The embedded stack for browser tests, composed from the CLI's start pipeline: localgraph on an ephemeral
// port, the registers provisioned, the demo data seeded through Graph, and the web server serving the tab.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RegisterId } from '../../src/domain/schema/types';
import { createGraphClient } from '../../src/graph';
import { startLocalGraph, type LocalGraphHandle } from '../../src/localgraph';
import {
  openGovernanceSite,
  openRegisters,
  provisionGovernanceSite,
  type Registers,
} from '../../src/cli/pipeline/governance-site';
import { adminTokenProvider, localTokenProvider } from '../../src/cli/pipeline/local-identity';
import { seedDemo } from '../../src/cli/pipeline/seed-demo';
import { DEMO_PERSONA_SPECS } from '../../src/cli/seed';
import { buildFrontEnds } from '../../src/web/build';
import { startWebServer, type WebServer } from '../../src/web/server';
import type { DemoPersona } from '../../src/client/runtime-config';

export const EMAIL_DOMAIN = 'contoso.org';
const HOSTNAME = 'contoso.sharepoint.com';
const SITE_PATH = '/sites/governance';

export interface TabStack {
  readonly graph: LocalGraphHandle;
  readonly web: WebServer;
  /** Admin-side repositories (app token), to read back and to change records behind the page's back. */
  readonly registers: Registers;
  readonly personas: readonly DemoPersona[];
  /** Repositories acting as a given person (delegated token). */
  registersAs(upn: string): Promise<Registers>;
  close(): Promise<void>;
}

export { buildFrontEnds };

export const demoPersonas = (): DemoPersona[] =>
  DEMO_PERSONA_SPECS.map((p) => ({
    upn: `${p.ascii}@${EMAIL_DOMAIN}`,
    displayName: `${p.given} ${p.family}`,
    role: p.persona,
    mission: p.missionId,
  }));

export interface TabStackOptions {
  /** 'YYYY-MM-DD' the demo data's health is relative to. @defaultvalue today */
  readonly today?: string;
  /** A build to serve; when absent the front ends are built into a temporary folder first. */
  readonly distDir?: string;
  /** Kept for callers written before the build step: jest cannot load vite (ESM), so a build is always served. */
  readonly serve?: 'dev' | 'dist';
}

export const startTabStack = async (options: TabStackOptions = {}): Promise<TabStack> => {
  const dir = mkdtempSync(join(tmpdir(), 'gh-tab-'));
  const distDir = options.distDir ?? join(dir, 'web');
  if (!options.distDir) buildFrontEnds(distDir);
  const adminSecret = 'e2e-admin-secret';
  const graph = await startLocalGraph({
    dbPath: join(dir, 'graph.db'),
    port: 0,
    hostname: HOSTNAME,
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret,
  });
  const getToken = adminTokenProvider({ url: graph.url, adminSecret });
  const site = await openGovernanceSite({
    client: createGraphClient({ baseUrl: graph.url, getToken }),
    hostname: HOSTNAME,
    sitePath: SITE_PATH,
  });
  const report = await provisionGovernanceSite(site);
  const listIds = report.listIds as Record<RegisterId, string>;
  const registers = openRegisters(site, listIds);
  await seedDemo({
    site,
    registers,
    local: { url: graph.url, getToken },
    today: options.today ?? new Date().toISOString().slice(0, 10),
    emailDomain: EMAIL_DOMAIN,
  });
  const personas = demoPersonas();
  const web = await startWebServer({
    port: 0,
    graphBaseUrl: graph.url,
    mode: 'local',
    site: { hostname: HOSTNAME, path: SITE_PATH },
    personas,
    serve: 'dist',
    distDir,
  });
  return {
    graph,
    web,
    registers,
    personas,
    async registersAs(upn) {
      const client = createGraphClient({
        baseUrl: graph.url,
        getToken: localTokenProvider({ url: graph.url, credentials: { upn } }),
      });
      return openRegisters(
        await openGovernanceSite({ client, hostname: HOSTNAME, sitePath: SITE_PATH }),
        listIds,
      );
    },
    async close() {
      await web.close();
      await graph.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
};
