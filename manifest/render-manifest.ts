// Renders manifest/manifest.xml for one environment: `npx tsx manifest/render-manifest.ts local|dev`.
// Tooling beside the manifest (like teamsapp.yml), so it reads env/ itself; nothing under src/ does.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';

/** Replaces every ${{NAME}}; throws naming the first variable without a value. */
export const renderTemplate = (
  template: string,
  vars: Readonly<Record<string, string | undefined>>,
): string =>
  template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_, name: string) => {
    const value = vars[name];
    if (!value) throw new Error(`manifest: ${name} has no value (set it in env/)`);
    return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  });

/** KEY=value lines; # comments and blank lines ignored. */
export const parseEnv = (text: string): Record<string, string> =>
  Object.fromEntries(
    text
      .split(/\r?\n/)
      .map((line) => /^\s*([A-Z0-9_]+)\s*=\s*(.*?)\s*$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', (m[2] ?? '').replace(/^"(.*)"$/, '$1')]),
  );

/** Where the task pane is served: ADDIN_ENDPOINT, else TAB_ENDPOINT (same web app), else https://localhost:TAB_PORT. */
export const addinEndpoint = (env: Readonly<Record<string, string | undefined>>): string | undefined =>
  (
    env.ADDIN_ENDPOINT ||
    env.TAB_ENDPOINT ||
    (env.TAB_PORT ? `https://localhost:${env.TAB_PORT}` : undefined)
  )?.replace(/\/+$/, '');

export const renderManifest = (template: string, env: Readonly<Record<string, string | undefined>>): string =>
  renderTemplate(template, { ...env, ADDIN_ENDPOINT: addinEndpoint(env) });

if (process.argv[1]?.endsWith('render-manifest.ts')) {
  const envName = process.argv[2] ?? 'local';
  const root = resolve(__dirname, '..');
  const read = (file: string) => (existsSync(file) ? parseEnv(readFileSync(file, 'utf8')) : {});
  const env = {
    ...read(resolve(root, `env/.env.${envName}`)),
    ...read(resolve(root, `env/.env.${envName}.user`)),
  };
  const xml = renderManifest(readFileSync(resolve(__dirname, 'manifest.xml'), 'utf8'), env);
  mkdirSync(resolve(__dirname, 'build'), { recursive: true });
  const out = resolve(__dirname, 'build', `manifest.${envName}.xml`);
  writeFileSync(out, xml);
  process.stdout.write(`${out}\n`);
}
