// YAML for the tenant tests. No YAML parser is a declared dependency: js-yaml 4 is installed only because
// eslint (@eslint/eslintrc) depends on it, so it is loaded through createRequire with a narrow type here.
// If a future eslint drops it, these tests say so instead of failing obscurely.
import { createRequire } from 'node:module';

interface JsYaml {
  load(text: string, options?: { filename?: string }): unknown;
}

export function loadYaml(text: string, filename: string): unknown {
  let yaml: JsYaml;
  try {
    yaml = createRequire(__filename)('js-yaml') as JsYaml;
  } catch {
    throw new Error('js-yaml is not installed (it comes with eslint); cannot parse ' + filename);
  }
  return yaml.load(text, { filename });
}
