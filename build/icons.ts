import sharp from 'sharp';

/** PNG sizes for Linux (hicolor theme sizes); electron-builder reads the size from the `NxN.png` name. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/**
 * Windows sizes: shell views, taskbar and the NSIS installer pick from these. Below 256 px they are
 * stored as 32-bit BMP, the form every Windows and NSIS reads; 256 px as PNG (Vista and later).
 */
export const ICO_SIZES = [16, 24, 32, 48, 64, 256] as const;

/**
 * macOS: type codes of PNG entries in an .icns file, by pixel size (the `@2x` types reuse larger renders).
 * 16 and 32 pt come only as `@2x` PNGs (ic11, ic12): the 1x PNG types (icp4, icp5) are not read by every
 * macOS, and the older RLE types would need their own encoder; Finder scales these down where needed.
 */
export const ICNS_ENTRIES = [
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic10', 1024],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
] as const;

/** The source image is drawn on a 1024 × 1024 canvas. */
const SOURCE_SIZE = 1024;

/** Renders the SVG at `size` px (at the density that gives that size, so edges are rasterised, not scaled). */
export function renderPng(svg: Buffer, size: number): Promise<Buffer> {
  return sharp(svg, { density: (72 * size) / SOURCE_SIZE })
    .resize(size, size)
    .png({ compressionLevel: 9, adaptiveFiltering: true })
    .toBuffer();
}

/** An ICO/BMP image: BITMAPINFOHEADER, BGRA rows bottom-up, then the 1-bit AND mask (set where transparent). */
async function bmpEntry(png: Buffer, size: number): Promise<Buffer> {
  const rgba = await sharp(png).ensureAlpha().raw().toBuffer();
  const maskStride = Math.ceil(size / 32) * 4;
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(size, 4);
  header.writeInt32LE(size * 2, 8); // the height counts the colour rows and the mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  header.writeUInt32LE(size * size * 4 + maskStride * size, 20);
  const pixels = Buffer.alloc(size * size * 4);
  const mask = Buffer.alloc(maskStride * size);
  for (let y = 0; y < size; y += 1) {
    const row = size - 1 - y;
    for (let x = 0; x < size; x += 1) {
      const from = (y * size + x) * 4;
      const to = (row * size + x) * 4;
      pixels[to] = rgba[from + 2] as number;
      pixels[to + 1] = rgba[from + 1] as number;
      pixels[to + 2] = rgba[from] as number;
      const alpha = rgba[from + 3] as number;
      pixels[to + 3] = alpha;
      if (alpha === 0)
        mask[row * maskStride + (x >> 3)] = (mask[row * maskStride + (x >> 3)] as number) | (0x80 >> (x & 7));
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

/** A Windows .ico holding one image per entry of `pngs` (size → PNG), in ascending size. */
export async function encodeIco(pngs: ReadonlyMap<number, Buffer>): Promise<Buffer> {
  const sizes = [...pngs.keys()].sort((a, b) => a - b);
  const images = await Promise.all(
    sizes.map(async (size) => (size >= 256 ? (pngs.get(size) as Buffer) : bmpEntry(pngs.get(size) as Buffer, size))),
  );
  const directory = Buffer.alloc(6 + 16 * sizes.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2); // 1 = icon
  directory.writeUInt16LE(sizes.length, 4);
  let offset = directory.length;
  sizes.forEach((size, index) => {
    const entry = 6 + 16 * index;
    const image = images[index] as Buffer;
    directory.writeUInt8(size >= 256 ? 0 : size, entry); // 0 means 256
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(image.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([directory, ...images]);
}

/** A macOS .icns of PNG entries: `icns` + total length, then per entry its type, length (with header) and data. */
export function encodeIcns(entries: readonly (readonly [type: string, png: Buffer])[]): Buffer {
  const chunks = entries.map(([type, png]) => {
    const header = Buffer.alloc(8);
    header.write(type, 0, 'ascii');
    header.writeUInt32BE(png.length + 8, 4);
    return Buffer.concat([header, png]);
  });
  const header = Buffer.alloc(8);
  header.write('icns', 0, 'ascii');
  header.writeUInt32BE(8 + chunks.reduce((sum, chunk) => sum + chunk.length, 0), 4);
  return Buffer.concat([header, ...chunks]);
}

/** Every icon file electron-builder uses, by path relative to build/icons/. */
export async function buildIcons(svg: Buffer): Promise<Map<string, Buffer>> {
  const sizes = new Set<number>([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_ENTRIES.map(([, size]) => size)]);
  const rendered = new Map<number, Buffer>();
  for (const size of [...sizes].sort((a, b) => a - b)) rendered.set(size, await renderPng(svg, size));
  const png = (size: number): Buffer => rendered.get(size) as Buffer;
  const files = new Map<string, Buffer>();
  for (const size of LINUX_SIZES) files.set(`png/${size}x${size}.png`, png(size));
  files.set('icon.ico', await encodeIco(new Map(ICO_SIZES.map((size) => [size, png(size)]))));
  files.set('icon.icns', encodeIcns(ICNS_ENTRIES.map(([type, size]) => [type, png(size)] as const)));
  return files;
}
