// The Teams app icons, drawn in code and written as real PNG files (no image tool needed):
// color.png 192×192 (full colour, opaque) and outline.png 32×32 (white on transparent), as Teams requires.
// Run `npx tsx src/web/app-icons.ts` to write them into appPackage/.
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = readonly [number, number, number, number];
/** A shape as a test "is this point inside?", in icon units (0..1). */
type Shape = (x: number, y: number) => boolean;

// Brand colours of the app package (Teams shows them around the icon; not used by the UI).
const BRAND: Rgba = [15, 108, 189, 255];
const WHITE: Rgba = [255, 255, 255, 255];

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Uint8Array): number => {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

const chunk = (type: string, data: Uint8Array): Buffer => {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
};

/** Encodes RGBA pixels (row-major) as a PNG: colour type 6, 8 bits, no interlace. */
export const encodePng = (width: number, height: number, rgba: Uint8Array): Buffer => {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    raw.set(rgba.subarray(y * width * 4, (y + 1) * width * 4), y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', new Uint8Array(0)),
  ]);
};

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };

/** A thick line from (ax, ay) to (bx, by) with round caps. */
const stroke =
  (ax: number, ay: number, bx: number, by: number, width: number): Shape =>
  (x, y) => {
    const dx = bx - ax;
    const dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= (width / 2) ** 2;
  };

/** The glyph: three register rows, the last one ticked ("reviewed"). */
const glyph = (): Shape[] => [
  roundedRect(0.22, 0.24, 0.78, 0.34, 0.05),
  roundedRect(0.22, 0.45, 0.78, 0.55, 0.05),
  roundedRect(0.22, 0.66, 0.5, 0.76, 0.05),
  stroke(0.57, 0.71, 0.64, 0.78, 0.08),
  stroke(0.64, 0.78, 0.8, 0.61, 0.08),
];

/** Paints layers of shapes, 4×4 supersampled for smooth edges. */
const paint = (size: number, layers: readonly { shapes: Shape[]; color: Rgba }[]): Uint8Array => {
  const out = new Uint8Array(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (const layer of layers) {
        let hits = 0;
        for (let sy = 0; sy < samples; sy++) {
          for (let sx = 0; sx < samples; sx++) {
            const x = (px + (sx + 0.5) / samples) / size;
            const y = (py + (sy + 0.5) / samples) / size;
            if (layer.shapes.some((shape) => shape(x, y))) hits++;
          }
        }
        const cover = (hits / (samples * samples)) * (layer.color[3] / 255);
        // "over" compositing, straight alpha
        const outA = cover + a * (1 - cover);
        if (outA > 0) {
          r = (layer.color[0] * cover + r * a * (1 - cover)) / outA;
          g = (layer.color[1] * cover + g * a * (1 - cover)) / outA;
          b = (layer.color[2] * cover + b * a * (1 - cover)) / outA;
        }
        a = outA;
      }
      out.set([Math.round(r), Math.round(g), Math.round(b), Math.round(a * 255)], (py * size + px) * 4);
    }
  }
  return out;
};

/** 192×192, opaque: the glyph in white on the brand colour. */
export const colorIcon = (size = 192): Buffer =>
  encodePng(
    size,
    size,
    paint(size, [
      { shapes: [() => true], color: BRAND },
      { shapes: glyph(), color: WHITE },
    ]),
  );

/** 32×32: the glyph in white on a transparent background. */
export const outlineIcon = (size = 32): Buffer =>
  encodePng(size, size, paint(size, [{ shapes: glyph(), color: WHITE }]));

export const writeAppIcons = (dir: string): void => {
  writeFileSync(join(dir, 'color.png'), colorIcon());
  writeFileSync(join(dir, 'outline.png'), outlineIcon());
};

if (require.main === module) writeAppIcons(resolve(__dirname, '..', '..', 'appPackage'));
