// Grants the reminder bot's app (application permission Sites.Selected) the `write` role on the governance
// site ONLY, with plain fetch to Microsoft Graph:  POST /v1.0/sites/{site-id}/permissions.
//
//   GRAPH_ADMIN_TOKEN=<token> npx tsx scripts/grant-site-permission.ts --env dev [--role write] [--dry-run]
//
// The token is obtained out of band by a SharePoint or Global administrator and must carry
// Sites.FullControl.All (docs/deploy.md, step 7, shows three ways). It is read from the environment, never
// from the command line. Site, app id and name come from env/.env.<env> (GOVERNANCE_SITE_HOSTNAME,
// GOVERNANCE_SITE_PATH, BOT_ID) unless given as options. Running it twice changes nothing.
import { resolve } from 'node:path';
import { parseArgs } from './lib/args';
import { readEnv } from './lib/env-files';
import { createJsonClient, describeToken, tokenFromEnv } from './lib/http';
import { type SiteRole, grantSitePermission } from './lib/site-permission';

const USAGE = `usage: GRAPH_ADMIN_TOKEN=... npx tsx scripts/grant-site-permission.ts [--env dev] [--app-id <guid>]
  [--display-name <name>] [--role read|write|manage|fullcontrol] [--site-hostname <host>] [--site-path </sites/x>] [--dry-run]
`;
const ROLES: readonly SiteRole[] = ['read', 'write', 'manage', 'fullcontrol'];

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    flags: ['dry-run', 'help'],
    values: ['env', 'app-id', 'display-name', 'role', 'site-hostname', 'site-path'],
  });
  if (args.flags.has('help')) {
    process.stdout.write(USAGE);
    return;
  }
  const env = readEnv({ rootDir: resolve(__dirname, '..'), envName: args.values.env ?? 'dev' }).values;
  const pick = (option: string, variable: string): string => {
    const value = args.values[option] ?? env[variable] ?? '';
    if (value.trim() === '')
      throw new Error(`give --${option} or set ${variable} in env/.env.${args.values.env ?? 'dev'}`);
    return value.trim();
  };
  const role = (args.values.role ?? 'write') as SiteRole;
  if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  const siteHostname = pick('site-hostname', 'GOVERNANCE_SITE_HOSTNAME');
  const sitePath = pick('site-path', 'GOVERNANCE_SITE_PATH');
  const appId = pick('app-id', 'BOT_ID');
  const displayName = args.values['display-name'] ?? 'Governance Hub reminder bot';
  const graphBaseUrl = env.GRAPH_BASE_URL?.trim() || 'https://graph.microsoft.com';
  const dryRun = args.flags.has('dry-run');

  const token = dryRun ? 'dry.run.token' : tokenFromEnv('GRAPH_ADMIN_TOKEN', process.env);
  if (!dryRun) {
    const t = describeToken(token);
    process.stdout.write(
      `token: aud=${t.aud ?? '?'} scp=${t.scp ?? '-'} roles=${(t.roles ?? []).join(' ') || '-'}\n`,
    );
    if (!`${t.scp ?? ''} ${(t.roles ?? []).join(' ')}`.includes('Sites.FullControl.All')) {
      process.stdout.write(
        'warning: the token does not show Sites.FullControl.All; Graph will probably answer 403\n',
      );
    }
  }
  const graph = createJsonClient({
    token,
    fetch: dryRun
      ? async (url, init) => {
          process.stdout.write(
            `[dry run] ${init.method ?? 'GET'} ${url}${init.body ? ` ${String(init.body)}` : ''}\n`,
          );
          const body = url.includes('/permissions')
            ? { id: 'dry-run', value: [], roles: [role] }
            : { id: '<site-id>' };
          return new Response(JSON.stringify(body), { status: 200 });
        }
      : fetch,
  });
  const result = await grantSitePermission({
    graph,
    graphBaseUrl,
    siteHostname,
    sitePath,
    appId,
    displayName,
    role,
  });
  process.stdout.write(
    `${result.action}: app ${appId} has [${result.roles.join(', ')}] on ${siteHostname}${sitePath} ` +
      `(site ${result.siteId}, permission ${result.permissionId})\n`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 1;
});
