import { MemoryWorkbook } from '../../src/addin/excel/memory-workbook';
import { createSyncEngine } from '../../src/addin/sync/engine';
import { AI_REGISTRY, DATA_INVENTORY } from '../../src/domain/registers';
import { MISSIONS, REGION_IDS } from '../../src/domain/reference';
import {
  createRegisterRepository,
  provisionRegisters,
  siteUserDirectory,
  type RegisterRepository,
} from '../../src/graph';
import { asset, byTitle, CUSTODIAN, OTHER, startHarness, type Harness } from './harness';

describe('lookup cells against localgraph (AI registry -> data inventory)', () => {
  let h: Harness;
  let adminAi: RegisterRepository;
  let focalAi: RegisterRepository;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    h = await startHarness([asset(1), asset(2), asset(3, { Title: 'Twin' }), asset(4, { Title: 'twin' })]);
    const report = await provisionRegisters({
      client: h.adminClient,
      siteId: h.siteId,
      schemas: [DATA_INVENTORY, AI_REGISTRY],
      choices: { missions: MISSIONS.map((m) => m.id), regions: [...REGION_IDS] },
    });
    const listId = report.listIds[AI_REGISTRY.id] ?? '';
    const repo = (client: Harness['adminClient']) =>
      createRegisterRepository({
        client,
        siteId: h.siteId,
        listId,
        schema: AI_REGISTRY,
        people: siteUserDirectory(client, h.siteId),
      });
    adminAi = repo(h.adminClient);
    focalAi = repo(h.focalClient);
    for (const title of ['Asset 0001', 'Asset 0002']) ids[title] = (await byTitle(h.admin, title))?.id ?? '';
    const seeded = await adminAi.applyBatch([
      {
        key: 's',
        kind: 'create',
        values: {
          Title: 'Case triage assistant',
          purpose: 'Summarises case notes for caseworkers.',
          provider: 'Contoso AI',
          deploymentStatus: 'Pilot',
          mission: 'kenya',
          region: 'africa',
          custodian: CUSTODIAN,
          businessOwner: OTHER,
          aiActRole: 'Deployer',
          riskTier: 'Limited',
          verificationStatus: 'Draft',
          reviewCycle: 'Annual',
          lastReviewed: '2025-03-01',
          dataAssets: [ids['Asset 0001'] ?? ''],
        },
      },
    ]);
    expect(seeded[0]?.status).toBe('saved');
  });
  afterAll(() => h.close());

  it('pulls "id – title", sees no change, and pushes ids typed as titles; unknown and ambiguous titles are refused', async () => {
    const workbook = new MemoryWorkbook();
    const engine = createSyncEngine({
      workbook,
      gateway: focalAi,
      schema: AI_REGISTRY,
      mission: 'kenya',
      locale: 'es',
      now: () => new Date('2025-06-01T10:00:00Z'),
      lookups: async () => h.focal,
    });
    const id1 = ids['Asset 0001'] ?? '';
    const id2 = ids['Asset 0002'] ?? '';
    await engine.pull();
    const c = engine.layout.fieldCols.get('dataAssets') ?? -1;
    expect((await workbook.readRows(engine.tableName))[0]?.[c]).toBe(`${id1} – Asset 0001`);
    expect(await engine.pending()).toBe(0);
    expect((await engine.push()).sent).toBe(0);

    workbook.enter(engine.tableName, 0, c, `asset 0002; ${id1} – Asset 0001`);
    const saved = await engine.push();
    expect(saved.counts).toMatchObject({ saved: 1, invalid: 0 });
    const stored = (await byTitle(adminAi, 'Case triage assistant'))?.values.dataAssets;
    expect([...(stored as string[])].sort()).toEqual([id1, id2].sort());
    const cell = String((await workbook.readRows(engine.tableName))[0]?.[c]);
    expect(cell.split('; ').sort()).toEqual([`${id1} – Asset 0001`, `${id2} – Asset 0002`].sort());
    expect((await engine.push()).sent).toBe(0);

    for (const [typed, reason] of [
      ['Nowhere', /ningún elemento se llama «Nowhere»/],
      ['TWIN', /varios elementos se llaman «TWIN»/],
    ] as const) {
      workbook.enter(engine.tableName, 0, c, typed);
      const refused = await engine.push();
      expect(refused.sent).toBe(0);
      expect(refused.counts.invalid).toBe(1);
      expect(refused.rows[0]?.message).toMatch(reason);
      expect(workbook.view()[0]?.rows[0]?.notes[c]).toMatch(reason);
    }
  });
});
