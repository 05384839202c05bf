// Building the front ends and measuring what the first visit downloads. Node only.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
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

/** What a build is made from: the front ends' code and everything it imports, and the build's own settings. */
const BUILD_INPUTS = ['src', 'vite.config.ts', 'tsconfig.json', 'package-lock.json'] as const;
/** Node-only code no front end imports (eslint's layer rules keep it so): changing it needs no rebuild. */
const NODE_ONLY = new Set(
  ['src/localgraph', 'src/cli', 'src/server', 'src/bot'].map((p) => join(repoRoot, p)),
);
/** Written into the build folder: the hash of the inputs it was built from. */
const SOURCE_HASH_FILE = '.source-hash';

const inputFiles = (path: string): string[] => {
  if (!existsSync(path) || NODE_ONLY.has(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => inputFiles(join(path, name)));
};

/** sha256 over the path and content of every build input: equal hashes, equal builds. */
export const frontEndSourceHash = (): string => {
  const hash = createHash('sha256');
  for (const file of BUILD_INPUTS.flatMap((p) => inputFiles(join(repoRoot, p)))) {
    hash.update(relative(repoRoot, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
};

/**
 * Builds into `outDir` unless it already holds a build of the current sources (`npm start`: build once,
 * rebuild when a source changed). Returns whether it built.
 */
export const ensureFrontEndsBuilt = (outDir: string): { readonly built: boolean } => {
  const hash = frontEndSourceHash();
  const stamp = join(outDir, SOURCE_HASH_FILE);
  const current =
    existsSync(join(outDir, 'tab', 'index.html')) &&
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8') === hash;
  if (current) return { built: false };
  buildFrontEnds(outDir);
  writeFileSync(stamp, hash);
  return { built: true };
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
