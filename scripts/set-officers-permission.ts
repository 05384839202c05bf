// The officers-only verification permission on the governance site (SharePoint REST; Graph v1.0 has no API
// for list permissions). For each officers-only list of the domain (src/domain/governance: writers
// 'officers', e.g. AiVerifications, GovernanceSettings, GovernanceRoles, ReminderOutcomes) or the lists given with --list: breaks the list's
// permission inheritance and gives site owners Full Control, the governance officers' group Contribute, site
// members and visitors Read.
//
//   SHAREPOINT_ADMIN_TOKEN=<token> npx tsx scripts/set-officers-permission.ts --env dev [--list A,B] \
//     (--officers-group-id <Entra group object id> | --officers-sp-group "<SharePoint group name>") [--dry-run]
//
// The token's audience must be https://<tenant>.sharepoint.com (not Graph), delegated, from a site owner or
// SharePoint administrator (docs/deploy.md, step 9). SharePoint rejects app-only tokens obtained with a client
// secret. Site from env/.env.<env> (GOVERNANCE_SITE_HOSTNAME + GOVERNANCE_SITE_PATH) unless --site-url.
import { resolve } from 'node:path';
import { GOVERNANCE_LISTS } from '../src/domain/governance';
import { parseArgs } from './lib/args';
import { readEnv } from './lib/env-files';
import { createJsonClient, describeToken, tokenFromEnv } from './lib/http';
import { type OfficersPrincipal, setOfficersListPermission } from './lib/officers-list-permission';

const OFFICERS_ONLY_LISTS = GOVERNANCE_LISTS.filter((l) => l.writers === 'officers').map((l) => l.listName);

const USAGE = `usage: SHAREPOINT_ADMIN_TOKEN=... npx tsx scripts/set-officers-permission.ts [--env dev] [--list ${OFFICERS_ONLY_LISTS.join(',')}]
  (--officers-group-id <guid> | --officers-sp-group <name>) [--site-url https://contoso.sharepoint.com/sites/governance] [--dry-run]
`;

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2), {
    flags: ['dry-run', 'help'],
    values: ['env', 'list', 'officers-group-id', 'officers-sp-group', 'site-url'],
  });
  if (args.flags.has('help')) {
    process.stdout.write(USAGE);
    return;
  }
  const envName = args.values.env ?? 'dev';
  const env = readEnv({ rootDir: resolve(__dirname, '..'), envName }).values;
  const host = env.GOVERNANCE_SITE_HOSTNAME?.trim() ?? '';
  const path = env.GOVERNANCE_SITE_PATH?.trim() ?? '';
  const siteUrl = args.values['site-url'] ?? (host && path ? `https://${host}${path}` : '');
  if (siteUrl === '')
    throw new Error(`give --site-url or set GOVERNANCE_SITE_HOSTNAME/PATH in env/.env.${envName}`);
  // By default every list the domain marks as written by officers only (GOVERNANCE_LISTS, writers 'officers').
  const listNames = (args.values.list ?? OFFICERS_ONLY_LISTS.join(','))
    .split(',')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (listNames.length === 0) throw new Error('--list names no list');
  const groupId = args.values['officers-group-id'];
  const spGroup = args.values['officers-sp-group'];
  if ((groupId === undefined) === (spGroup === undefined)) {
    throw new Error('give exactly one of --officers-group-id and --officers-sp-group');
  }
  if (groupId !== undefined && !/^[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}$/i.test(groupId)) {
    throw new Error('--officers-group-id must be the group object id (a GUID)');
  }
  const officers: OfficersPrincipal =
    groupId !== undefined
      ? { kind: 'entraGroup', objectId: groupId }
      : { kind: 'spGroup', name: spGroup as string };

  const dryRun = args.flags.has('dry-run');
  const token = dryRun ? 'dry.run.token' : tokenFromEnv('SHAREPOINT_ADMIN_TOKEN', process.env);
  if (!dryRun) {
    const aud = describeToken(token).aud ?? '?';
    if (!aud.includes('sharepoint.com')) {
      process.stdout.write(
        `warning: token audience is ${aud}; SharePoint REST needs https://<tenant>.sharepoint.com\n`,
      );
    }
  }
  let nextId = 10;
  const sp = createJsonClient({
    token,
    headers: { Accept: 'application/json;odata=nometadata' },
    fetch: dryRun
      ? async (url, init) => {
          process.stdout.write(
            `[dry run] ${init.method ?? 'GET'} ${url}${init.body ? ` ${String(init.body)}` : ''}\n`,
          );
          const body =
            url.includes('RoleDefinitionBindings') || url.endsWith('RoleDefinitionBindings')
              ? { value: [] }
              : url.includes('roleassignments?')
                ? { value: [] }
                : {
                    Id: url.includes('GetList') ? '00000000-0000-0000-0000-000000000000' : nextId++,
                    Title: '(dry run)',
                    Name: 'role',
                    RoleTypeKind: 0,
                    HasUniqueRoleAssignments: false,
                  };
          return new Response(JSON.stringify(body), { status: 200 });
        }
      : fetch,
  });
  for (const listName of listNames) {
    const result = await setOfficersListPermission({ sp, siteUrl, listName, officers });
    process.stdout.write(
      `${listName} (${result.listId}): ${result.brokeInheritance ? 'inheritance broken; ' : 'already unique; '}` +
        result.changes.map((c) => `${c.action} ${c.principal}=${c.role}`).join(', ') +
        '\n',
    );
    if (result.otherWriters.length > 0) {
      process.stdout.write(
        `review: these can still write to ${listName}: ${result.otherWriters.join('; ')}\n`,
      );
    }
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exitCode = 1;
});
