// Reads the Agents Toolkit project files the way the toolkit does, for the tenant tests: lifecycle steps,
// the variables each step writes, the Bicep outputs arm/deploy writes, and every ${{VAR}} a profile uses.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { placeholdersIn } from '../../scripts/lib/env-files';
import { loadYaml } from './yaml';

export const ROOT = join(__dirname, '..', '..');

export interface Step {
  readonly uses: string;
  readonly name?: string;
  readonly with?: Record<string, unknown>;
  readonly writeToEnvironmentFile?: Record<string, string>;
}

export interface ToolkitProject {
  readonly file: string;
  readonly version: string;
  readonly environmentFolderPath?: string;
  readonly provision: readonly Step[];
  readonly deploy: readonly Step[];
  readonly publish: readonly Step[];
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readProject(file: string): ToolkitProject {
  const doc = loadYaml(readFileSync(join(ROOT, file), 'utf8'), file);
  if (!isRecord(doc)) throw new Error(`${file} is not a YAML mapping`);
  const steps = (key: string): Step[] => {
    const list = doc[key];
    if (list === undefined || list === null) return [];
    if (!Array.isArray(list)) throw new Error(`${file}: ${key} is not a list`);
    return list.map((s, i) => {
      if (!isRecord(s) || typeof s.uses !== 'string') throw new Error(`${file}: ${key}[${i}] has no uses`);
      return s as unknown as Step;
    });
  };
  return {
    file,
    version: String(doc.version),
    ...(typeof doc.environmentFolderPath === 'string'
      ? { environmentFolderPath: doc.environmentFolderPath }
      : {}),
    provision: steps('provision'),
    deploy: steps('deploy'),
    publish: steps('publish'),
  };
}

export const allSteps = (p: ToolkitProject): Step[] => [...p.provision, ...p.deploy, ...p.publish];

/** Names of the outputs of a Bicep file (`output NAME type = ...`), which arm/deploy writes to env/. */
export function bicepOutputs(bicepFile: string): string[] {
  const text = readFileSync(join(ROOT, bicepFile), 'utf8');
  return [...text.matchAll(/^output\s+([A-Za-z_][A-Za-z0-9_]*)\s+\w+\s*=/gm)].map((m) => m[1] as string);
}

/** Variables a project's steps produce: writeToEnvironmentFile targets and Bicep outputs. */
export function producedVariables(p: ToolkitProject): Set<string> {
  const produced = new Set<string>();
  for (const step of allSteps(p)) {
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) produced.add(name);
    if (step.uses === 'arm/deploy') {
      const templates = step.with?.templates;
      for (const t of Array.isArray(templates) ? templates : []) {
        if (isRecord(t) && typeof t.path === 'string') for (const o of bicepOutputs(t.path)) produced.add(o);
      }
    }
  }
  return produced;
}

/**
 * Set by the toolkit itself, not by a file or a step's writeToEnvironmentFile:
 * TEAMSFX_ENV is the --env name; aadApp/create generates AAD_APP_ACCESS_AS_USER_PERMISSION_ID (the id of the
 * access_as_user scope in aad.manifest.json) when it is absent.
 */
export const TOOLKIT_IMPLICIT = ['TEAMSFX_ENV', 'AAD_APP_ACCESS_AS_USER_PERMISSION_ID'] as const;

/** Files (relative to ROOT) under a folder, skipping build output. */
export function filesUnder(folder: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir)) {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) {
        if (entry !== 'build' && entry !== 'node_modules') walk(full);
      } else if (extensions.some((e) => entry.toLowerCase().endsWith(e))) out.push(relative(ROOT, full));
    }
  };
  walk(join(ROOT, folder));
  return out.sort();
}

/** Placeholders used in a file, with the file name. */
export function placeholdersOf(file: string): { file: string; name: string }[] {
  return placeholdersIn(readFileSync(join(ROOT, file), 'utf8')).map((name) => ({ file, name }));
}

/** Paths a project's steps name (manifests, templates, parameters, ignore files). */
export function referencedPaths(p: ToolkitProject): { step: string; path: string }[] {
  const out: { step: string; path: string }[] = [];
  for (const step of allSteps(p)) {
    const w = step.with ?? {};
    for (const key of ['manifestPath', 'ignoreFile']) {
      if (typeof w[key] === 'string') out.push({ step: step.uses, path: w[key] });
    }
    for (const t of Array.isArray(w.templates) ? w.templates : []) {
      if (isRecord(t)) {
        for (const key of ['path', 'parameters']) {
          if (typeof t[key] === 'string') out.push({ step: step.uses, path: t[key] });
        }
      }
    }
  }
  return out;
}
