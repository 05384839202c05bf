// Adds the reminder bot (personal scope, commands) to appPackage/manifest.json and writes the fr/es/ar
// localisation files beside it. Idempotent; prints what it changed. Run once the Teams manifest exists:
//   npx tsx scripts/add-bot-to-manifest.ts
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  MANIFEST_LOCALES,
  checkCommandWords,
  localisationFile,
  withBotAndLocalisation,
} from './lib/manifest-bot';

const dir = resolve(__dirname, '..', 'appPackage');
const manifestPath = join(dir, 'manifest.json');
if (!existsSync(manifestPath)) {
  process.stderr.write(`${manifestPath} does not exist yet\n`);
  process.exit(1);
}
const problems = checkCommandWords();
if (problems.length > 0) {
  process.stderr.write(`${problems.join('\n')}\n`);
  process.exit(1);
}
const write = (path: string, json: unknown): void => {
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (before !== text) {
    writeFileSync(path, text);
    process.stdout.write(`wrote ${path}\n`);
  }
};
const manifest = withBotAndLocalisation(
  JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>,
);
write(manifestPath, manifest);
for (const locale of MANIFEST_LOCALES) {
  const { file, untranslated } = localisationFile(manifest, locale);
  write(join(dir, `${locale}.json`), file);
  if (untranslated.length > 0)
    process.stdout.write(`${locale}: no translation found for tab(s) ${untranslated.join(', ')}\n`);
}
