// Microsoft's XML manifest validator needs the internet, so the XML is converted to the unified JSON manifest with
// Microsoft's converter and that is validated offline against the schema @microsoft/app-manifest ships.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { convert } from 'office-addin-manifest-converter';
import { addinEndpoint, parseEnv, renderManifest } from '../../manifest/render-manifest';

const root = resolve(__dirname, '..', '..');
const template = readFileSync(resolve(root, 'manifest/manifest.xml'), 'utf8');

/**
 * @microsoft/app-manifest pulls in an ES module (strip-bom) that jest's CommonJS loader cannot require; plain Node
 * 20.19+ can, so the validation runs in a child process. Returns the schema errors.
 */
const validateUnified = (manifestFile: string): string[] => {
  const script = `
    const { AppManifestUtils } = require('@microsoft/app-manifest');
    const manifest = JSON.parse(require('node:fs').readFileSync(process.argv[1], 'utf8'));
    AppManifestUtils.validateAgainstSchema(manifest).then((errors) => process.stdout.write(JSON.stringify(errors)));
  `;
  const out = execFileSync(process.execPath, ['-e', script, manifestFile], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out) as string[];
};

const convertXml = async (xml: string): Promise<{ file: string; json: Record<string, unknown> }> => {
  const dir = mkdtempSync(join(tmpdir(), 'addin-manifest-'));
  writeFileSync(join(dir, 'manifest.xml'), xml);
  await convert(join(dir, 'manifest.xml'), join(dir, 'json'), false, undefined, undefined, false);
  const file = join(dir, 'json', 'manifest.json');
  return { file, json: JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> };
};

describe('Excel add-in manifest', () => {
  it('fills the endpoint from env: ADDIN_ENDPOINT, else TAB_ENDPOINT, else https://localhost:TAB_PORT', () => {
    expect(addinEndpoint({ ADDIN_ENDPOINT: 'https://a.example/', TAB_ENDPOINT: 'https://b.example' })).toBe(
      'https://a.example',
    );
    expect(addinEndpoint({ TAB_ENDPOINT: 'https://gh.azurewebsites.net' })).toBe(
      'https://gh.azurewebsites.net',
    );
    expect(addinEndpoint(parseEnv(readFileSync(resolve(root, 'env/.env.local'), 'utf8')))).toBe(
      'https://localhost:53000',
    );
    expect(() => renderManifest(template, {})).toThrow(/ADDIN_ENDPOINT has no value/);
  });

  it.each([
    ['local', { TAB_PORT: '53000' }, 'https://localhost:53000'],
    [
      'tenant',
      { TAB_ENDPOINT: 'https://governance-hub.azurewebsites.net' },
      'https://governance-hub.azurewebsites.net',
    ],
  ])('converts to a unified manifest that validates offline (%s)', async (_name, env, endpoint) => {
    const xml = renderManifest(template, env);
    expect(xml).not.toContain('${{');
    const { file, json } = await convertXml(xml);
    expect(validateUnified(file)).toEqual([]);
    const text = JSON.stringify(json);
    expect(text).toContain(`${endpoint}/taskpane/`);
    expect(text).toContain('"builtInTabId":"TabHome"');
    expect(text).toContain('"name":"ExcelApi"');
    expect(json.validDomains).toEqual([endpoint]);
  });
});

it('the offline validator does catch a broken manifest', async () => {
  const { file, json } = await convertXml(renderManifest(template, { TAB_PORT: '53000' }));
  delete json.id;
  writeFileSync(file, JSON.stringify(json));
  expect(validateUnified(file).join('\n')).toMatch(/id/);
});
