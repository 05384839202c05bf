// npm run build (after the type-check): the front ends (tab, task pane, workbook page) built by vite into
// dist/web, which `serve` serves and teamsapp.yml's deploy step ships to App Service.
import { join, resolve } from 'node:path';
import { buildFrontEnds, firstLoadJs } from '../src/web/build';

const rootDir = resolve(__dirname, '..');
const outDir = join(rootDir, 'dist', 'web');

try {
  buildFrontEnds(outDir);
  const tab = firstLoadJs(outDir, 'tab');
  process.stdout.write(
    `Front ends built into ${outDir}\n  tab first load: ${(tab.gzipBytes / 1024).toFixed(1)} KiB gzip in ${tab.files.length} files\n`,
  );
} catch (error) {
  // execFileSync keeps vite's own report in stdout/stderr of the error.
  const e = error as { stdout?: Buffer; stderr?: Buffer; message?: string };
  process.stderr.write(
    `${e.stdout?.toString() ?? ''}${e.stderr?.toString() ?? ''}${e.stdout || e.stderr ? '' : (e.message ?? String(error))}\n`,
  );
  process.stderr.write('vite build failed: dist/web was not written.\n');
  process.exitCode = 1;
}
