// The ZIP writer/reader behind `npm run package`, and the PNG header reader behind the icon checks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readPngInfo } from '../../scripts/lib/png';
import { readZip, writeZip } from '../../scripts/lib/zip';
import { makePng } from './fixtures';

const hasUnzip = (() => {
  try {
    execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

describe('writeZip / readZip', () => {
  const entries = [
    { name: 'manifest.json', data: Buffer.from('{"a":1}\n'.repeat(50)) },
    { name: 'icons/color.png', data: makePng(192, 192) },
    { name: 'ar.json', data: Buffer.from('{"name.short":"مركز الحوكمة"}') },
    { name: 'empty.txt', data: Buffer.alloc(0) },
  ];

  it.each(['deflate', 'store'] as const)('round-trips entries with %s', (method) => {
    const zip = writeZip(entries, { method });
    const back = readZip(zip);
    expect(back.map((e) => e.name)).toEqual(entries.map((e) => e.name));
    back.forEach((e, i) =>
      expect(Buffer.compare(Buffer.from(e.data), Buffer.from(entries[i]?.data ?? []))).toBe(0),
    );
    expect(back.every((e) => e.method === method)).toBe(true);
  });

  it('compresses and is deterministic', () => {
    const a = writeZip(entries);
    expect(Buffer.compare(a, writeZip(entries))).toBe(0);
    const manifest = readZip(a).find((e) => e.name === 'manifest.json');
    expect(manifest?.compressedSize).toBeLessThan(400);
  });

  it('refuses duplicate, absolute and parent-relative names', () => {
    expect(() => writeZip([entries[0]!, entries[0]!])).toThrow(/duplicate/);
    for (const name of ['/x', '../x', 'a/../../x', 'a\\b', '']) {
      expect(() => writeZip([{ name, data: Buffer.alloc(1) }])).toThrow(/invalid zip entry name/);
    }
  });

  it('detects corruption', () => {
    const zip = writeZip([{ name: 'a.txt', data: Buffer.from('hello hello hello') }], { method: 'store' });
    const first = 30 + 'a.txt'.length; // first data byte
    zip.writeUInt8(zip.readUInt8(first) ^ 0xff, first);
    expect(() => readZip(zip)).toThrow(/CRC-32/);
    expect(() => readZip(Buffer.from('not a zip'))).toThrow(/not a zip/);
  });

  (hasUnzip ? it : it.skip)('is accepted by Info-ZIP unzip -t', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zip-test-'));
    const file = join(dir, 'a.zip');
    writeFileSync(file, writeZip(entries));
    expect(execFileSync('unzip', ['-t', file]).toString()).toMatch(/No errors detected/);
  });
});

describe('readPngInfo', () => {
  it('reads size, colour type and transparency from the header', () => {
    expect(readPngInfo(makePng(192, 192))).toEqual({
      width: 192,
      height: 192,
      colorType: 2,
      hasAlpha: false,
    });
    expect(readPngInfo(makePng(32, 32, 0))).toEqual({ width: 32, height: 32, colorType: 6, hasAlpha: true });
  });

  it('rejects what is not a PNG', () => {
    expect(() => readPngInfo(Buffer.from('GIF89a-------------------------------'))).toThrow(/not a PNG/);
  });
});
