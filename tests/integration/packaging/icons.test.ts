import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { convertIcon } from 'app-builder-lib/out/util/iconConverter';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { packagerConfig } from '../../../build/electron-builder.config';
import { buildIcons, ICNS_ENTRIES, ICO_SIZES, LINUX_SIZES } from '../../../build/icons';

const ROOT = resolve(import.meta.dirname, '../../..');
const ICONS = join(ROOT, 'build', 'icons');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): number {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  const width = png.readUInt32BE(16);
  expect(png.readUInt32BE(20)).toBe(width);
  return width;
}

interface IcoImage {
  readonly size: number;
  readonly data: Buffer;
}

function readIco(file: Buffer): IcoImage[] {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)]).toEqual([0, 1]);
  return Array.from({ length: file.readUInt16LE(4) }, (_, index) => {
    const entry = 6 + 16 * index;
    const size = file.readUInt8(entry) || 256;
    expect(file.readUInt8(entry + 1) || 256).toBe(size);
    expect(file.readUInt16LE(entry + 6)).toBe(32);
    const offset = file.readUInt32LE(entry + 12);
    return { size, data: file.subarray(offset, offset + file.readUInt32LE(entry + 8)) };
  });
}

function readIcns(file: Buffer): [string, Buffer][] {
  expect(file.toString('ascii', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4)).toBe(file.length);
  const entries: [string, Buffer][] = [];
  for (let at = 8; at < file.length;) {
    const length = file.readUInt32BE(at + 4);
    entries.push([file.toString('ascii', at, at + 4), file.subarray(at + 8, at + length)]);
    at += length;
  }
  return entries;
}

/** Largest difference of any channel of any pixel between two PNGs of one size. */
async function pixelDifference(a: Buffer, b: Buffer): Promise<number> {
  const [left, right] = await Promise.all([a, b].map((png) => sharp(png).ensureAlpha().raw().toBuffer()));
  let worst = 0;
  for (let i = 0; i < (left as Buffer).length; i += 1) {
    worst = Math.max(worst, Math.abs(((left as Buffer)[i] as number) - ((right as Buffer)[i] as number)));
  }
  return worst;
}

let rendered: Map<string, Buffer>;
let scratch: string;

beforeAll(async () => {
  rendered = await buildIcons(await readFile(join(ROOT, 'build', 'icon.svg')));
  scratch = await mkdtemp(join(tmpdir(), 'polyseek-icons-'));
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('app icons (build/icons, rendered from build/icon.svg)', () => {
  it('has a PNG per Linux size, named as electron-builder reads it', async () => {
    for (const size of LINUX_SIZES) {
      expect(pngSize(await readFile(join(ICONS, 'png', `${size}x${size}.png`)))).toBe(size);
    }
  });

  it('has a Windows .ico with 32-bit BMP images below 256 px and a PNG at 256 px', async () => {
    const images = readIco(await readFile(join(ICONS, 'icon.ico')));
    expect(images.map((image) => image.size)).toEqual([...ICO_SIZES]);
    for (const { size, data } of images) {
      if (size === 256) {
        expect(pngSize(data)).toBe(256);
        continue;
      }
      expect(data.readUInt32LE(0)).toBe(40); // BITMAPINFOHEADER
      expect([data.readInt32LE(4), data.readInt32LE(8), data.readUInt16LE(14)]).toEqual([size, size * 2, 32]);
      expect(data.length).toBe(40 + size * size * 4 + Math.ceil(size / 32) * 4 * size);
    }
  });

  it('has a macOS .icns of PNG entries up to 1024 px', async () => {
    const entries = readIcns(await readFile(join(ICONS, 'icon.icns')));
    expect(entries.map(([type, png]) => [type, pngSize(png)])).toEqual(ICNS_ENTRIES.map(([t, s]) => [t, s]));
  });

  it('matches what build/icon.svg renders to (rerun `npm run icons` after editing it)', async () => {
    for (const size of LINUX_SIZES) {
      const name = `png/${size}x${size}.png`;
      const difference = await pixelDifference(await readFile(join(ICONS, name)), rendered.get(name) as Buffer);
      expect(difference, name).toBeLessThanOrEqual(8);
    }
    const checkedIn = readIcns(await readFile(join(ICONS, 'icon.icns')));
    const fresh = readIcns(rendered.get('icon.icns') as Buffer);
    const [, big] = checkedIn.find(([type]) => type === 'ic10') as [string, Buffer];
    const [, bigFresh] = fresh.find(([type]) => type === 'ic10') as [string, Buffer];
    expect(await pixelDifference(big, bigFresh)).toBeLessThanOrEqual(8);
  });

  it('is taken by electron-builder as it is, with no conversion tool to download', async () => {
    const config = packagerConfig();
    const roots = [join(ROOT, 'build'), ROOT];
    const cases = [
      ['set', config.linux?.icon, join(ICONS, 'png', '512x512.png')],
      ['icns', config.mac?.icon, join(ICONS, 'icon.icns')],
      ['ico', config.win?.icon, join(ICONS, 'icon.ico')],
    ] as const;
    for (const [format, icon, largest] of cases) {
      const result = await convertIcon({
        sources: [icon as string],
        fallbackSources: [],
        roots,
        format,
        outDir: scratch,
      });
      expect(result.isFallback, format).toBe(false);
      expect(result.icons.at(-1)?.file, format).toBe(largest);
    }
  });
});
