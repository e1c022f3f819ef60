import { open } from 'node:fs/promises';
import { basename } from 'node:path';

/**
 * Extensions whose default action on some desktop is to run the file rather than show it: Windows'
 * ShellExecute runs `.bat`, `.js` (Windows Script Host), `.ps1`, `.py` (when Python is installed) and the
 * like; macOS Terminal runs `.command` and `.tool`; Linux launchers run `.desktop` and AppImages. The
 * indexer indexes scripts as code, so a search hit can be one: opening it would hand a renderer that
 * calls `file.open` the power to execute. One list for every platform, since a file indexed on one
 * disk may be opened from another OS, and the person can always `reveal` it instead.
 */
const RUNNABLE_EXTENSIONS = new Set(
  (
    'exe com bat cmd pif scr cpl msc msi msp mst msix appx appxbundle application appref-ms gadget hta ' +
    'js jse mjs cjs vbs vbe vb wsf wsh ws wsc sct shb shs ps1 ps1xml psc1 psd1 psm1 reg inf scf lnk url ' +
    'settingcontent-ms library-ms search-ms diagcab xbap jar jnlp chm xll xlam ppam ' +
    'py pyw pyz pyc pyo rb rbw pl pm php lua tcl ' +
    'sh bash zsh ksh csh fish command tool terminal workflow action applescript scpt app pkg mpkg dmg ' +
    'desktop appimage run bin elf deb rpm snap flatpakref'
  ).split(' '),
);

/** `#!` (a script with an interpreter line), ELF, Mach-O (both byte orders, fat) and PE (`MZ`). */
const RUNNABLE_MAGICS: readonly (readonly number[])[] = [
  [0x23, 0x21],
  [0x7f, 0x45, 0x4c, 0x46],
  [0xfe, 0xed, 0xfa, 0xce],
  [0xfe, 0xed, 0xfa, 0xcf],
  [0xce, 0xfa, 0xed, 0xfe],
  [0xcf, 0xfa, 0xed, 0xfe],
  [0xca, 0xfe, 0xba, 0xbe],
  [0x4d, 0x5a],
];

/**
 * The extension that decides what the OS does with `path`, lower-cased. Windows ignores trailing dots
 * and spaces (`run.bat.` runs as `run.bat`), so they are dropped before looking.
 */
export function launchExtension(path: string): string {
  const name = basename(path).replace(/[. ]+$/, '');
  const dot = name.lastIndexOf('.');
  return dot <= 0 ? '' : name.slice(dot + 1).toLowerCase();
}

/**
 * Why opening the file with its default application could run it, or null when it is a document.
 * `mode` is the file's permission bits: on POSIX an executable bit only matters when the bytes are a
 * program or script (files on FAT/NTFS mounts often have every bit set), so the head is read then.
 */
export async function runnableReason(paths: readonly string[], mode: number, realPath: string): Promise<string | null> {
  for (const path of paths) {
    const ext = launchExtension(path);
    if (RUNNABLE_EXTENSIONS.has(ext)) return `.${ext} files are programs or scripts`;
  }
  if (process.platform === 'win32' || (mode & 0o111) === 0) return null;
  const head = await readHead(realPath, 4);
  const runnable = RUNNABLE_MAGICS.some((magic) => magic.every((byte, i) => head[i] === byte));
  return runnable ? 'it is marked executable and holds a program or script' : null;
}

async function readHead(path: string, length: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(length);
    const { bytesRead } = await handle.read(buffer, 0, length, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}
