// The add-in's push checks each row with the actor built from GovernanceRoles (read with the person's token
// through the Graph session, as in a tenant): a focal point of another mission is refused, nothing is sent.
import { createGraphSession } from '../../src/client/graph-session';
import { createAddinServices } from '../../src/addin/services/addin-services';
import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine, type SyncEngine } from '../../src/addin/sync/engine';
import {
  asset,
  byTitle,
  col,
  CUSTODIAN,
  FOCAL,
  HOST,
  rowOf,
  SCHEMA,
  startHarness,
  type Harness,
} from './harness';

const token = async (url: string, upn: string): Promise<string> => {
  const r = await fetch(`${url}/local/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ upn }),
  });
  return ((await r.json()) as { access_token: string }).access_token;
};

describe('add-in push with roles from GovernanceRoles', () => {
  let h: Harness;
  beforeAll(async () => {
    // Fatou answers for Senegal only; the sheet is Kenya's.
    h = await startHarness(
      [asset(1), asset(2)],
      [{ email: FOCAL, role: 'focalPoint', missions: ['senegal'], active: true }],
    );
  });
  afterAll(() => h.close());

  const engineAs = async (upn: string): Promise<{ engine: SyncEngine; workbook: MemoryWorkbook }> => {
    const bearer = await token(h.graph.url, upn);
    const services = createAddinServices(
      createGraphSession({
        config: { graphBaseUrl: h.graph.url, siteHostname: HOST, sitePath: '/sites/governance' },
        getToken: async () => bearer,
        retry: { delaySeconds: 0, maxRetries: 0 },
      }),
    );
    const [gateway, roles] = await Promise.all([
      services.gateway('dataInventory'),
      services.roles({ upn, displayName: upn }),
    ]);
    const workbook = new MemoryWorkbook();
    const engine = createSyncEngine({
      workbook,
      gateway,
      schema: SCHEMA,
      mission: 'kenya',
      locale: 'en',
      actor: (record) => roles.actor([record]),
      now: () => new Date('2025-06-01T10:00:00Z'),
    });
    return { engine, workbook };
  };

  it('refuses a focal point of another mission, row by row, and sends nothing', async () => {
    const { engine, workbook } = await engineAs(FOCAL);
    await engine.pull();
    const r = await rowOf(engine, workbook, 'Asset 0001');
    workbook.enter(engine.tableName, r, col(engine, 'retention'), 'Not my mission');
    const report = await engine.push();
    expect(report.rows[0]).toMatchObject({ status: 'rejected', code: 'notOwnMission' });
    expect(report.sent).toBe(0);
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.retention).toBe('7 years after case closure');
  });

  it('lets the custodian the record names push it (custodianship follows the record)', async () => {
    const { engine, workbook } = await engineAs(CUSTODIAN);
    await engine.pull();
    const r = await rowOf(engine, workbook, 'Asset 0002');
    workbook.enter(engine.tableName, r, col(engine, 'retention'), 'Set by the custodian');
    const report = await engine.push();
    expect(report.counts).toMatchObject({ saved: 1, rejected: 0 });
    expect((await byTitle(h.admin, 'Asset 0002'))?.values.retention).toBe('Set by the custodian');
  });
});
