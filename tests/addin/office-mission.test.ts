// A 5,000-row mission through the office.js adapter over the Excel fake (fake-excel.ts enforces Excel on the web's
// 5 MB per request and response): pull, 2,000 edits typed in Excel, push. Every request and response stays under
// 4 MB, and the context.sync() round trips stay within the targets (≤ 60 for the pull, ≤ 60 for the push),
// the same figures bench/addin.ts prints.
import { createOfficeWorkbook } from '../../src/addin/excel/office-workbook';
import { FakeExcel } from './fake-excel';
import { asset, byTitle, col, engineFor, startHarness, type Harness } from './harness';

jest.setTimeout(120_000);

const ROWS = 5_000;
const EDITS = 2_000;

describe('a 5,000-row mission through the office.js adapter', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(
      // Long descriptions: about 1 KB per row, so the body alone is over Excel on the web's 5 MB.
      Array.from({ length: ROWS }, (_, i) =>
        asset(i + 1, { description: `Registration of arrivals at transit centres, batch ${i}. `.repeat(8) }),
      ),
    );
  });
  afterAll(() => h.close());

  it('pulls and pushes 2,000 edits in chunks: no payload over 4 MB, ≤ 60 syncs each way', async () => {
    const excel = new FakeExcel();
    const { engine } = engineFor(h, { workbook: createOfficeWorkbook({ run: excel.run }) });
    expect((await engine.pull()).rows).toBe(ROWS);
    const pullSyncs = excel.stats.syncs;
    expect(pullSyncs).toBeLessThanOrEqual(60);
    // One read of the whole body would be over the limit: the adapter read and wrote it in pieces.
    expect(excel.stats.largestResponse).toBeLessThanOrEqual(4_000_000);
    expect(excel.stats.largestRequest).toBeLessThanOrEqual(4_000_000);

    const retention = col(engine, 'retention');
    for (let i = 0; i < EDITS; i++)
      expect(await excel.edit(engine.tableName, i * 2, retention, `Edited ${i}`)).toBe(true);
    // The pane's count after each edit reads the table and the snapshot once each.
    excel.stats.syncs = 0;
    expect(await engine.pendingIfPulled()).toBe(EDITS);
    const counted = excel.stats.syncs;
    excel.stats.syncs = 0;
    expect((await engine.hasSnapshot()) && (await engine.pending())).toBe(EDITS);
    expect(counted).toBeLessThan(excel.stats.syncs);
    expect(counted).toBeLessThanOrEqual(15);

    excel.stats.syncs = 0;
    const report = await engine.push();
    expect(report.counts).toMatchObject({ saved: EDITS, invalid: 0, conflict: 0, rejected: 0 });
    expect(excel.stats.syncs).toBeLessThanOrEqual(60);
    expect(Math.max(excel.stats.largestRequest, excel.stats.largestResponse)).toBeLessThanOrEqual(4_000_000);
    expect((await byTitle(h.admin, 'Asset 0001'))?.values.retention).toBe('Edited 0');
  });
});
