// appPackage/manifest.json: placeholders filled with sample values, then validated offline against the
// manifest's own schema shipped in @microsoft/app-manifest; icons are real PNGs of the sizes Teams wants.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { colorIcon, outlineIcon } from '../../src/web/app-icons';
import { PERSONAL_TAB_ENTITY_ID } from '../../src/tab/deep-links';

const DIR = join(__dirname, '..', '..', 'appPackage');
const SAMPLES: Readonly<Record<string, string>> = {
  TEAMS_APP_ID: '2f3e4d5c-0000-4000-8000-00000000abcd',
  AAD_APP_CLIENT_ID: '7d1a0c2b-0000-4000-8000-00000000a11d',
  BOT_ID: '6a1c7a2e-0000-4000-8000-00000000b075',
  TAB_DOMAIN: 'govhub-web.azurewebsites.net',
  TAB_ENDPOINT: 'https://govhub-web.azurewebsites.net',
  APP_NAME_SUFFIX: '-dev',
};

const raw = readFileSync(join(DIR, 'manifest.json'), 'utf8');
const placeholders = [...new Set([...raw.matchAll(/\$\{\{([A-Z0-9_]+)\}\}/g)].map((m) => m[1] as string))];
const filled = raw.replace(
  /\$\{\{([A-Z0-9_]+)\}\}/g,
  (_m, name: string) => SAMPLES[name] ?? `missing-${name}`,
);
// any: the manifest is read as plain JSON here; validateAgainstSchema checks its shape.
const manifest = JSON.parse(filled) as any; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Width, height and pixels of an 8-bit RGBA, non-interlaced PNG (what app-icons.ts writes). */
const decodePng = (png: Buffer) => {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const data = inflateSync(Buffer.concat(idat));
  const alpha = (x: number, y: number) => data[y * (width * 4 + 1) + 1 + x * 4 + 3] as number;
  return { width, height, colorType: png[25], alpha };
};

describe('Teams app package', () => {
  it('uses only placeholders that env/ defines', () => {
    expect(placeholders.sort()).toEqual(
      Object.keys(SAMPLES)
        .filter((k) => placeholders.includes(k))
        .sort(),
    );
    for (const name of placeholders) expect(SAMPLES[name]).toBeDefined();
  });

  it("is valid against Microsoft's schema (offline, from @microsoft/app-manifest)", async () => {
    expect(manifest.manifestVersion).toMatch(/^1\.(19|2\d)$/);
    expect(await AppManifestUtils.validateAgainstSchema(manifest)).toEqual([]);
  });

  it('has a personal tab (deep links target it) and a team/group-chat tab, both on the tab endpoint', () => {
    const personal = manifest.staticTabs.find((t: { scopes: string[] }) => t.scopes.includes('personal'));
    expect(personal.entityId).toBe(PERSONAL_TAB_ENTITY_ID);
    expect(personal.contentUrl).toBe('https://govhub-web.azurewebsites.net/tab/');
    const shared = manifest.staticTabs.find((t: { scopes: string[] }) => t.scopes.includes('team'));
    expect(shared.scopes).toContain('groupChat');
    expect(manifest.validDomains).toContain('govhub-web.azurewebsites.net');
    expect(manifest.webApplicationInfo).toEqual({
      id: SAMPLES.AAD_APP_CLIENT_ID,
      resource: `api://${SAMPLES.TAB_DOMAIN}/${SAMPLES.AAD_APP_CLIENT_ID}`,
    });
  });

  it('ships a 192×192 opaque colour icon and a 32×32 transparent outline icon, as generated', () => {
    const color = readFileSync(join(DIR, manifest.icons.color));
    const outline = readFileSync(join(DIR, manifest.icons.outline));
    expect(color.equals(colorIcon())).toBe(true);
    expect(outline.equals(outlineIcon())).toBe(true);
    const c = decodePng(color);
    expect([c.width, c.height, c.colorType]).toEqual([192, 192, 6]);
    expect(c.alpha(0, 0)).toBe(255);
    const o = decodePng(outline);
    expect([o.width, o.height]).toEqual([32, 32]);
    expect(o.alpha(0, 0)).toBe(0);
  });
});
