// `npm run icons`: renders build/icon.svg (the one source image) into build/icons/ — png/NxN.png for Linux,
// icon.ico for Windows, icon.icns for macOS. The outputs are checked in, so packaging never renders
// anything and every platform's installer gets the same pixels; rerun this after editing the SVG
// (tests/integration/packaging/icons.test.ts fails while they disagree).
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

import { buildIcons } from './icons';

const buildDir = import.meta.dirname;
const outDir = join(buildDir, 'icons');

const files = await buildIcons(await readFile(join(buildDir, 'icon.svg')));
await rm(outDir, { recursive: true, force: true });
for (const [name, data] of files) {
  const path = join(outDir, name);
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, data);
  console.log(`make-icons: ${path} (${(data.length / 1024).toFixed(1)} KiB)`);
}
