// upsertItemsByKey against localgraph: one item per key, updated in place, unchanged items not written.
import {
  ConflictError,
  createGraphClient,
  createRegisterRepository,
  createUser,
  getSiteByPath,
  provisionGovernanceLists,
  siteUserDirectory,
  upsertItemsByKey,
} from '../../src/graph';
import type { RegisterRepository } from '../../src/graph';
import { REMINDER_OUTCOMES, reminderOutcomeKey, reminderOutcomeValues } from '../../src/domain/governance';
import type { ReminderOutcome } from '../../src/domain/governance';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import { REGISTER_IDS, REGISTERS } from '../../src/domain/registers';
import { startLocalGraph } from '../../src/localgraph';
import type { LocalGraphHandle } from '../../src/localgraph';

let handle: LocalGraphHandle;
let repo: RegisterRepository;

beforeAll(async () => {
  handle = await startLocalGraph({
    dbPath: ':memory:',
    port: 0,
    hostname: 'contoso.sharepoint.com',
    sites: [{ path: 'governance', displayName: 'Governance Hub' }],
    adminSecret: 'upsert-secret',
  });
  const response = await fetch(`${handle.url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ client_id: 'localgraph-admin', client_secret: 'upsert-secret' }),
  });
  const { access_token: token } = (await response.json()) as { access_token: string };
  const client = createGraphClient({ baseUrl: handle.url, getToken: async () => token });
  const siteId = String((await getSiteByPath(client, 'contoso.sharepoint.com', 'governance')).id);
  for (const key of ['amina', 'carlos', 'layla', 'grace'])
    await createUser(client, {
      displayName: key,
      userPrincipalName: `${key}@contoso.org`,
      mail: `${key}@contoso.org`,
    });
  const report = await provisionGovernanceLists({
    client,
    siteId,
    registers: REGISTER_IDS.map((id) => REGISTERS[id]),
    lists: [REMINDER_OUTCOMES],
    choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
  });
  repo = createRegisterRepository({
    client,
    siteId,
    listId: report.listIds[REMINDER_OUTCOMES.id]!,
    schema: REMINDER_OUTCOMES,
    people: siteUserDirectory(client, siteId),
  });
});

afterAll(async () => {
  await handle?.close();
});

const item = (recipient: string, extra: Partial<ReminderOutcome> = {}) => {
  const o: ReminderOutcome = {
    runId: 'remind-2025-06-02',
    runDate: '2025-06-02',
    recipient,
    mission: 'senegal',
    status: 'sent',
    records: 3,
    escalated: false,
    ...extra,
  };
  return { key: reminderOutcomeKey(o.runId, o.recipient), values: reminderOutcomeValues(o) };
};
const scope = [{ field: 'runId', op: 'eq' as const, value: 'remind-2025-06-02' }];

it('creates, then updates in place, never duplicates', async () => {
  const first = await upsertItemsByKey(repo, [item('amina@contoso.org'), item('carlos@contoso.org')], {
    scope,
  });
  expect(first).toEqual({ created: 2, updated: 0, unchanged: 0, failed: [] });

  const again = await upsertItemsByKey(
    repo,
    [
      item('amina@contoso.org', { status: 'acted', actedAt: '2025-06-02T15:00:00.000Z' }),
      item('carlos@contoso.org'),
      item('layla@contoso.org', { status: 'failed', failureReason: 'HTTP 403' }),
    ],
    { scope },
  );
  expect(again).toEqual({ created: 1, updated: 1, unchanged: 1, failed: [] });

  // A single key (a click) reads only that item.
  const one = await upsertItemsByKey(
    repo,
    [item('layla@contoso.org', { status: 'failed', failureReason: 'HTTP 403' })],
    {
      scope,
    },
  );
  expect(one.unchanged).toBe(1);

  const all = await repo.list({ filter: scope });
  expect(all).toHaveLength(3);
  const amina = all.find((r) => r.values.Title === 'remind-2025-06-02/amina@contoso.org');
  expect(amina?.values).toMatchObject({ status: 'acted', recipient: 'amina@contoso.org', recordCount: 3 });
});

it('a stale read (412) is retried on a fresh read', async () => {
  const real = repo;
  let calls = 0;
  // The first batch answers 412 for the update, as SharePoint does when the item changed meanwhile.
  const flaky: RegisterRepository = {
    ...real,
    list: (o) => real.list(o),
    applyBatch: async (ops, o) => {
      calls += 1;
      if (calls === 1) {
        return ops.map((op) => ({
          key: op.key,
          status: 'conflict' as const,
          error: new ConflictError({
            status: 412,
            code: 'preconditionFailed',
            message: 'stale',
            body: undefined,
          }),
        }));
      }
      return real.applyBatch(ops, o);
    },
  };
  const result = await upsertItemsByKey(flaky, [item('carlos@contoso.org', { status: 'acted' })], { scope });
  expect(result).toMatchObject({ updated: 1, failed: [] });
  expect(calls).toBe(2);
  expect(await repo.list({ filter: scope })).toHaveLength(3);
});

it('counts an empty value as unchanged, since SharePoint omits empty values when read', async () => {
  // Written as '', read back as absent: a second run must not rewrite the item (it did, on every
  // `npm start`, for officers' GovernanceRoles with no missions, before empty values compared equal).
  const empty = () => {
    const { key, values } = item('grace@contoso.org');
    return { key, values: { ...values, failureReason: '' } };
  };
  expect(await upsertItemsByKey(repo, [empty()], { scope })).toMatchObject({ created: 1 });
  expect(await upsertItemsByKey(repo, [empty()], { scope })).toEqual({
    created: 0,
    updated: 0,
    unchanged: 1,
    failed: [],
  });
});
