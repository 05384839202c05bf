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

  it('a material change to a verified system from Excel re-opens its verification; other edits keep it', async () => {
    const created = await adminAi.applyBatch([
      {
        key: 'v',
        kind: 'create',
        values: {
          Title: 'Verified screening model',
          purpose: 'Flags incomplete registrations.',
          provider: 'Contoso AI',
          deploymentStatus: 'In production',
          mission: 'kenya',
          region: 'africa',
          custodian: CUSTODIAN,
          businessOwner: OTHER,
          aiActRole: 'Deployer',
          riskTier: 'Limited',
          verificationStatus: 'Verified',
          verifiedBy: OTHER,
          verifiedOn: '2025-05-01',
          reviewCycle: 'Annual',
          lastReviewed: '2025-03-01',
          dataAssets: [ids['Asset 0001'] ?? ''],
        },
      },
    ]);
    expect(created[0]?.status).toBe('saved');
    const workbook = new MemoryWorkbook();
    const engine = createSyncEngine({
      workbook,
      gateway: focalAi,
      schema: AI_REGISTRY,
      mission: 'kenya',
      locale: 'en',
      now: () => new Date('2025-06-01T10:00:00Z'),
      lookups: async () => h.focal,
    });
    await engine.pull();
    const rows = await workbook.readRows(engine.tableName);
    const title = engine.layout.fieldCols.get('Title') ?? -1;
    const row = rows.findIndex((r) => r[title] === 'Verified screening model');
    const reviewed = engine.layout.fieldCols.get('lastReviewed') ?? -1;
    // Not material: the verification stands.
    workbook.enter(engine.tableName, row, reviewed, '2025-05-20');
    expect((await engine.push()).counts.saved).toBe(1);
    expect((await byTitle(adminAi, 'Verified screening model'))?.values).toMatchObject({
      verificationStatus: 'Verified',
      verifiedBy: OTHER,
    });
    // The data assets are material: back to submitted, verifier cleared, and the sheet shows it.
    const assets = engine.layout.fieldCols.get('dataAssets') ?? -1;
    workbook.enter(engine.tableName, row, assets, 'Asset 0002');
    expect((await engine.push()).counts.saved).toBe(1);
    const after = (await byTitle(adminAi, 'Verified screening model'))?.values;
    expect(after?.verificationStatus).toBe('Submitted');
    expect(after?.verifiedBy ?? null).toBeNull();
    const status = engine.layout.fieldCols.get('verificationStatus') ?? -1;
    expect((await workbook.readRows(engine.tableName))[row]?.[status]).toBe('Submitted');
  });
});
