// Tab figures: first-load JS of /tab/ (gzipped, lazy chunks excluded) and the time to filter and sort 10,000
// rows with the very functions "All records" uses. `npx tsx bench/tab.ts` prints them; bench/run.ts imports
// runTabBench() for its table.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MISSIONS } from '../src/domain/reference';
import { SENSITIVITY } from '../src/domain/registers';
import type { RegisterId } from '../src/domain/schema/types';
import { EMPTY_FILTER, visibleRows, type RowFilter, type SortKey } from '../src/tab/records/filter';
import { toRows } from '../src/tab/records/record-rows';
import type { TabRecord } from '../src/tab/services/tab-services';
import { buildFrontEnds, firstLoadJs } from '../src/web/build';

export interface TabBenchResult {
  readonly firstLoadGzipBytes: number;
  readonly firstLoadFiles: number;
  /** Median over the filter/sort cases, 10,000 rows. */
  readonly filterMs: number;
  readonly filterMaxMs: number;
  readonly filterRows: number;
  /** Building the rows (health of every record), once per load. */
  readonly rowsBuildMs: number;
}

const ROWS = 10_000;

/** 10,000 records across the three registers, with a realistic spread of missions, sensitivity and age. */
export const syntheticRecords = (count = ROWS): TabRecord[] => {
  const registers: RegisterId[] = [
    'dataInventory',
    'dataInventory',
    'dataInventory',
    'aiRegistry',
    'riskRegister',
  ];
  return Array.from({ length: count }, (_, i) => {
    const mission = MISSIONS[i % MISSIONS.length] as (typeof MISSIONS)[number];
    const register = registers[i % registers.length] as RegisterId;
    const month = String((i % 12) + 1).padStart(2, '0');
    return {
      register,
      record: {
        id: String(i + 1),
        eTag: `"e,${i}"`,
        modifiedAt: `2026-${month}-15T10:00:00Z`,
        values: {
          Title: `${['Case', 'Payroll', 'Survey', 'Registry', 'Dashboard'][i % 5]} records ${i} – ${mission.name.en}`,
          mission: mission.id,
          region: mission.region,
          sensitivity: register === 'dataInventory' ? (SENSITIVITY[i % SENSITIVITY.length] as string) : null,
          custodian: i % 20 === 0 ? null : `person${i % 300}@contoso.org`,
          owner: `owner${i % 50}@contoso.org`,
          lastReviewed: i % 7 === 0 ? null : `${2024 + (i % 3)}-${month}-01`,
          reviewCycle: 'Annual',
          description: i % 9 === 0 ? null : 'Kept for case management.',
        },
      },
    };
  });
};

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] as number;
};

export const runTabBench = async (
  options: { log?: (line: string) => void } = {},
): Promise<TabBenchResult> => {
  const log = options.log ?? (() => undefined);
  const dir = mkdtempSync(join(tmpdir(), 'gh-tab-bench-'));
  try {
    log('tab: vite build…');
    buildFrontEnds(dir);
    const firstLoad = firstLoadJs(dir, 'tab');

    log(`tab: ${ROWS} rows…`);
    const records = syntheticRecords();
    const t0 = performance.now();
    const rows = toRows(records, { now: '2026-06-30' });
    const rowsBuildMs = performance.now() - t0;

    const cases: [RowFilter, SortKey][] = [
      [EMPTY_FILTER, 'health'],
      [{ ...EMPTY_FILTER, query: 'payroll' }, 'title'],
      [{ ...EMPTY_FILTER, mission: 'kenya', health: 'attention' }, 'lastReviewed'],
      [{ ...EMPTY_FILTER, region: 'africa', sensitivity: 'Confidential' }, 'modified'],
      [{ ...EMPTY_FILTER, register: 'aiRegistry', query: 'records 1' }, 'health'],
    ];
    visibleRows(rows, EMPTY_FILTER, 'health'); // warm up the JIT
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const [filter, sort] of cases) {
        const start = performance.now();
        visibleRows(rows, filter, sort);
        times.push(performance.now() - start);
      }
    }
    return {
      firstLoadGzipBytes: firstLoad.gzipBytes,
      firstLoadFiles: firstLoad.files.length,
      filterMs: median(times),
      filterMaxMs: Math.max(...times),
      filterRows: rows.length,
      rowsBuildMs,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
};

if (require.main === module) {
  void runTabBench({ log: (line) => process.stderr.write(`${line}\n`) }).then((r) => {
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `first-load JS of /tab/ (gzip, ${r.firstLoadFiles} files): ${kb(r.firstLoadGzipBytes)} (target ≤ 250 KB)`,
    );
    console.log(
      `filter + sort ${r.filterRows} rows: median ${r.filterMs.toFixed(1)} ms, max ${r.filterMaxMs.toFixed(1)} ms (target < 100 ms)`,
    );
    console.log(
      `building ${r.filterRows} rows with their health (once per load): ${r.rowsBuildMs.toFixed(0)} ms`,
    );
  });
}
