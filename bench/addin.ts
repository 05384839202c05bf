// The Excel add-in's push, measured: a 5,000-row mission pulled into the in-memory workbook, 2,000 rows edited,
// pushed through the sync engine ($batch of 20 with If-Match), against localgraph with 30 ms added per HTTP round
// trip. Compared with one PATCH per row (a sample of 100, extrapolated). Then the same pull and push through the
// office.js adapter over the Excel fake, counting context.sync() round trips and the largest payload (targets:
// ≤ 60 syncs each, no payload over 4 MB). Prints a table; `npx tsx bench/addin.ts`.
import { performance } from 'node:perf_hooks';
import { createOfficeWorkbook } from '../src/addin/excel/office-workbook';
import { FakeExcel } from '../tests/addin/fake-excel';
import { asset, col, engineFor, startHarness } from '../tests/addin/harness';

/** A row of bench/run.ts's table. */
export interface BenchRow {
  figure: string;
  measured: string;
  target: string;
  met: '' | 'yes' | 'NO' | 'not measured';
}

/** The add-in's own figure: the office.js adapter over the Excel fake (tests/addin/fake-excel.ts). */
export interface OfficeAdapterFigures {
  /** context.sync() round trips: each a cross-process call in desktop Excel, an HTTP request in Excel on the web. */
  readonly pullSyncs: number;
  readonly pushSyncs: number;
  /** The largest request or response of one sync, in bytes of JSON. */
  readonly largestPayload: number;
  readonly saved: number;
}

const SYNC_TARGET = 60;
const PAYLOAD_TARGET = 4_000_000;

export interface AddinBenchResult {
  readonly rows: number;
  readonly edited: number;
  readonly pullMs: number;
  readonly pushMs: number;
  /** HTTP requests the push sent (each $batch envelope counts once). */
  readonly pushRequests: number;
  /** Write sub-requests inside those envelopes. */
  readonly pushWrites: number;
  readonly saved: number;
  /** Extrapolated from a sample: one PATCH per row, one after another. */
  readonly perRowMs: number;
  readonly perRowRequests: number;
  readonly requestRatio: number;
  readonly timeRatio: number;
  /** Rows someone else edited in SharePoint after the pull. */
  readonly refreshEdits: number;
  /** HTTP requests of the delta refresh that brought those edits in. */
  readonly refreshRequests: number;
  readonly refreshUpdated: number;
  readonly office: OfficeAdapterFigures;
  /** The office adapter's rows for the bench table. */
  readonly officeRows: readonly BenchRow[];
}

const ROWS = 5_000;
const EDITS = 2_000;
const SAMPLE = 100;
const LATENCY_MS = 30;
const REFRESH_EDITS = 20;

export const runAddinBench = async (
  options: { rows?: number; edits?: number; log?: (line: string) => void } = {},
): Promise<AddinBenchResult> => {
  const rows = options.rows ?? ROWS;
  const edits = options.edits ?? EDITS;
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const h = await startHarness(Array.from({ length: rows }, (_, i) => asset(i + 1)));
  try {
    const { engine, workbook } = engineFor(h);
    h.graph.setFaults({ latencyMs: LATENCY_MS });
    let started = performance.now();
    await engine.pull();
    const pullMs = performance.now() - started;

    // Someone edits 20 rows in SharePoint; the pane's refresh brings them in with one delta request.
    h.graph.setFaults({ latencyMs: 0 });
    const others = (await h.admin.list({ top: 1000 })).slice(0, REFRESH_EDITS);
    for (const record of others)
      await h.admin.update(record.id ?? '', { hostingCountry: 'Kenya' }, record.eTag ?? '');
    h.graph.setFaults({ latencyMs: LATENCY_MS });
    h.requests.length = 0;
    const refreshed = await engine.refresh();
    const refreshRequests = h.requests.length;

    // A focal point edits 2,000 rows (every other one in the first 4,000) as a person would, cell by cell.
    const retention = col(engine, 'retention');
    for (let i = 0; i < edits; i++) workbook.enter(engine.tableName, i * 2, retention, `Edited ${i}`);

    h.requests.length = 0;
    started = performance.now();
    const report = await engine.push();
    const pushMs = performance.now() - started;
    const pushRequests = h.requests.length;

    // The same kind of edit, one PATCH per row, on a sample.
    const sample = (await h.focal.list({ top: 1000 })).slice(0, SAMPLE);
    h.requests.length = 0;
    started = performance.now();
    for (const record of sample)
      await h.focal.update(record.id ?? '', { retention: 'Per row' }, record.eTag ?? '');
    const perRowSampleMs = performance.now() - started;
    const perRowMs = (perRowSampleMs / sample.length) * edits;
    const perRowRequests = (h.requests.length / sample.length) * edits;

    // The same pull and push through the office.js adapter over the Excel fake: syncs and payloads.
    h.graph.setFaults({ latencyMs: 0 });
    const excel = new FakeExcel();
    const office = engineFor(h, { workbook: createOfficeWorkbook({ run: excel.run }) }).engine;
    excel.stats.syncs = 0;
    await office.pull();
    const pullSyncs = excel.stats.syncs;
    for (let i = 0; i < edits; i++) await excel.edit(office.tableName, i * 2, retention, `Office ${i}`);
    excel.stats.syncs = 0;
    const officeReport = await office.push();
    const pushSyncs = excel.stats.syncs;
    const officeFigures: OfficeAdapterFigures = {
      pullSyncs,
      pushSyncs,
      largestPayload: Math.max(excel.stats.largestRequest, excel.stats.largestResponse),
      saved: officeReport.counts.saved,
    };
    const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;
    const yes = (ok: boolean): BenchRow['met'] => (ok ? 'yes' : 'NO');
    const officeRows: BenchRow[] = [
      {
        figure: `Excel adapter pull of ${rows} rows: context.sync() round trips`,
        measured: String(pullSyncs),
        target: `≤ ${SYNC_TARGET}`,
        met: yes(pullSyncs <= SYNC_TARGET),
      },
      {
        figure: `Excel adapter push of ${edits} changed rows: context.sync() round trips`,
        measured: `${pushSyncs} (${officeReport.counts.saved} saved)`,
        target: `≤ ${SYNC_TARGET}`,
        met: yes(pushSyncs <= SYNC_TARGET && officeReport.counts.saved === edits),
      },
      {
        figure: 'Excel adapter: largest request or response of one sync',
        measured: mb(officeFigures.largestPayload),
        target: `≤ ${mb(PAYLOAD_TARGET)} (Excel on the web refuses 5 MB)`,
        met: yes(officeFigures.largestPayload <= PAYLOAD_TARGET),
      },
    ];

    const result: AddinBenchResult = {
      rows,
      edited: edits,
      pullMs,
      pushMs,
      pushRequests,
      pushWrites: report.sent,
      saved: report.counts.saved,
      perRowMs,
      perRowRequests,
      requestRatio: perRowRequests / pushRequests,
      timeRatio: perRowMs / pushMs,
      refreshEdits: others.length,
      refreshRequests,
      refreshUpdated: refreshed.updated,
      office: officeFigures,
      officeRows,
    };
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    log(
      `Excel add-in push: ${rows} rows in the mission, ${edits} edited, ${LATENCY_MS} ms latency per round trip`,
    );
    log(`  pull (delta read + table writes)      ${s(pullMs)}`);
    log(
      `  push, $batch of 20 with If-Match       ${s(pushMs)}  ${pushRequests} requests, ${report.sent} writes, ${report.counts.saved} saved`,
    );
    log(
      `  one PATCH per row (from ${SAMPLE} rows)      ${s(perRowMs)}  ${Math.round(perRowRequests)} requests`,
    );
    log(
      `  delta refresh after ${others.length} edits   ${refreshRequests} request(s), ${refreshed.updated} rows updated`,
    );
    log(
      `  ratio per-row / batched                requests ×${result.requestRatio.toFixed(1)}, time ×${result.timeRatio.toFixed(1)}`,
    );
    log('  office.js adapter over the Excel fake (figure | measured | target | met):');
    for (const row of officeRows) log(`    ${row.figure} | ${row.measured} | ${row.target} | ${row.met}`);
    return result;
  } finally {
    await h.close();
  }
};

if (process.argv[1]?.endsWith('addin.ts')) void runAddinBench();
