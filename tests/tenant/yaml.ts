// YAML for the tenant tests (teamsapp.yml and friends), parsed with the `yaml` package.
import { parse } from 'yaml';

export function loadYaml(text: string, filename: string): unknown {
  try {
    return parse(text);
  } catch (error) {
    throw new Error(`${filename}: ${(error as Error).message}`);
  }
}
