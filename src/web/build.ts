// Building the front ends and measuring what the first visit downloads. Node only.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const repoRoot = resolve(__dirname, '..', '..');

/**
 * `vite build` with the project's vite.config.ts into `outDir`, in a child process (vite is ESM-only; jest and
 * the CommonJS entry points cannot load it in-process).
 */
export const buildFrontEnds = (outDir: string): void => {
  execFileSync(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--outDir', outDir, '--emptyOutDir'],
    { cwd: repoRoot, stdio: 'pipe' },
  );
};

export interface FirstLoad {
  /** JS files the page loads before anything is clicked: the entry and its static imports (modulepreload). */
  readonly files: readonly { readonly path: string; readonly bytes: number; readonly gzipBytes: number }[];
  readonly gzipBytes: number;
}

/** What a page of the build (e.g. 'tab') loads first; lazy chunks (React.lazy) are not counted. */
export const firstLoadJs = (distDir: string, page: string): FirstLoad => {
  const html = readFileSync(join(distDir, page, 'index.html'), 'utf8');
  const urls = [
    ...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  const files = [...new Set(urls)].map((url) => {
    const content = readFileSync(join(distDir, url.replace(/^\//, '')));
    return { path: url, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
};
