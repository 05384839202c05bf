// Draws the add-in's ribbon and store icons (a sheet with a check mark, in the Fluent brand blue) as PNGs without
// any image library: `npx tsx manifest/make-icons.ts`. The PNGs are committed; this only documents their origin.
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf: Buffer): number => {
  let c = 0xffffffff;
  for (const b of buf) c = (crcTable[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer): Buffer => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
};

const distToSegment = (px: number, py: number, ax: number, ay: number, bx: number, by: number): number => {
  const t = Math.max(
    0,
    Math.min(1, ((px - ax) * (bx - ax) + (py - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
  );
  return Math.hypot(px - (ax + t * (bx - ax)), py - (ay + t * (by - ay)));
};

export const drawIcon = (size: number): Buffer => {
  const px = (x: number, y: number): [number, number, number, number] => {
    const u = x / size;
    const v = y / size;
    const r = 0.12; // rounded corners
    const cx = Math.min(Math.max(u, r), 1 - r);
    const cy = Math.min(Math.max(v, r), 1 - r);
    if (Math.hypot(u - cx, v - cy) > r) return [0, 0, 0, 0];
    // White sheet with grid lines on blue.
    const inSheet = u > 0.18 && u < 0.82 && v > 0.2 && v < 0.8;
    if (inSheet) {
      const line =
        Math.abs(((v - 0.2) / 0.6) * 4 - Math.round(((v - 0.2) / 0.6) * 4)) < 0.06 ||
        Math.abs(u - 0.42) < 0.02;
      // Check mark in green over the sheet: two strokes.
      const onCheck =
        distToSegment(u, v, 0.3, 0.52, 0.45, 0.67) < 0.055 ||
        distToSegment(u, v, 0.45, 0.67, 0.74, 0.36) < 0.055;
      if (onCheck) return [16, 124, 16, 255];
      return line ? [199, 224, 244, 255] : [255, 255, 255, 255];
    }
    return [15, 108, 189, 255];
  };
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = px(x + 0.5, y + 0.5);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
};

if (process.argv[1]?.endsWith('make-icons.ts')) {
  for (const size of [16, 32, 64, 80, 128, 192]) {
    writeFileSync(resolve(__dirname, 'assets', `icon-${size}.png`), drawIcon(size));
  }
}
