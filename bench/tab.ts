// Tab figures: the pages as a browser gets them from the server `npm start` uses (bench/tab-page.ts: bytes on
// the wire and first paint for sign-in, My records and the scorecard), and the time to filter and sort 10,000
// rows with the very functions "All records" uses. `npx tsx bench/tab.ts` prints them; bench/run.ts imports
// runTabBench() and prints its rows.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MISSIONS } from '../src/domain/reference';
import { SENSITIVITY } from '../src/domain/registers';
import type { RegisterId } from '../src/domain/schema/types';
import { EMPTY_FILTER, visibleRows, type RowFilter, type SortKey } from '../src/tab/records/filter';
import { toRows } from '../src/tab/records/record-rows';
import type { TabRecord } from '../src/tab/services/tab-services';
import { firstLoadJs } from '../src/web/build';
import { measureTabPages, type PageFigure } from './tab-page';

/** One line of the bench table. */
export interface TabBenchRow {
  readonly figure: string;
  readonly measured: string;
  readonly target: string;
  readonly met: 'yes' | 'NO';
}

export interface TabBenchResult {
  readonly firstLoadGzipBytes: number;
  readonly firstLoadFiles: number;
  /** Median over the filter/sort cases, 10,000 rows. */
  readonly filterMs: number;
  readonly filterMaxMs: number;
  readonly filterRows: number;
  /** Building the rows (health of every record), once per load. */
  readonly rowsBuildMs: number;
  /** Every figure, with its target, for the table. */
  readonly rows: readonly TabBenchRow[];
}

const SIGN_IN_BYTES_TARGET = 250 * 1024;
const FIRST_PAINT_TARGET_MS = 1000;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
const ms = (n: number) => `${n.toFixed(0)} ms`;

const pageRows = (name: string, figure: PageFigure, bytesTarget?: number): TabBenchRow[] => [
  {
    figure: `Tab ${name}: bytes transferred (cold, ${figure.requests} requests)`,
    measured: `${kb(figure.bytes)} (app files ${kb(figure.appBytes)})`,
    target: bytesTarget === undefined ? 'reported' : `≤ ${kb(bytesTarget)}`,
    met: bytesTarget === undefined || figure.bytes <= bytesTarget ? 'yes' : 'NO',
  },
  {
    figure: `Tab ${name}: first contentful paint (shown at ${ms(figure.shownMs)})`,
    measured: ms(figure.firstPaintMs),
    target: `≤ ${ms(FIRST_PAINT_TARGET_MS)}`,
    met: figure.firstPaintMs <= FIRST_PAINT_TARGET_MS ? 'yes' : 'NO',
  },
];

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
  // Builds dist/web when its sources changed, as npm start does; the first-load figure reads that build.
  const pages = await measureTabPages({ log });
  const firstLoad = firstLoadJs(join(__dirname, '..', 'dist', 'web'), 'tab');

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
  const filterMs = median(times);
  return {
    rows: [
      ...pageRows('sign-in', pages.signIn, SIGN_IN_BYTES_TARGET),
      ...pageRows('My records', pages.myRecords),
      ...pageRows('scorecard', pages.scorecard),
      {
        figure: `Tab filter + sort over ${rows.length.toLocaleString('en-US')} rows (median)`,
        measured: ms(filterMs),
        target: '< 100 ms',
        met: filterMs < 100 ? 'yes' : 'NO',
      },
    ],
    firstLoadGzipBytes: firstLoad.gzipBytes,
    firstLoadFiles: firstLoad.files.length,
    filterMs,
    filterMaxMs: Math.max(...times),
    filterRows: rows.length,
    rowsBuildMs,
  };
};

if (require.main === module) {
  void runTabBench({ log: (line) => process.stderr.write(`${line}\n`) }).then((r) => {
    for (const row of r.rows) console.log(`${row.figure}: ${row.measured} (target ${row.target}) ${row.met}`);
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
