import { ExtractError } from './types';

type CompoundKind = 'encrypted' | 'word' | 'excel' | 'powerpoint' | 'outlook' | 'unknown';

/**
 * Names of the streams in an OLE2 compound file. Directory entries are 128 bytes at 128-byte aligned
 * offsets (sectors are 512 or 4096 bytes after a 512-byte header), each starting with a UTF-16LE name
 * whose byte length (terminator included) sits at +0x40 and an object type (1 storage, 2 stream, 5
 * root) at +0x42 — scanning for that shape needs no FAT walk.
 */
export function compoundStreamNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let offset = 512; offset + 128 <= bytes.length; offset += 128) {
    const length = view.getUint16(offset + 0x40, true);
    const type = bytes[offset + 0x42];
    if (length < 4 || length > 64 || length % 2 !== 0 || (type !== 1 && type !== 2 && type !== 5)) continue;
    if (view.getUint16(offset + length - 2, true) !== 0) continue;
    let name = '';
    let printable = true;
    for (let i = 0; i < length - 2; i += 2) {
      const code = view.getUint16(offset + i, true);
      if (code === 0) {
        printable = false;
        break;
      }
      name += String.fromCharCode(code);
    }
    if (printable) names.add(name);
  }
  return names;
}

export function compoundKind(bytes: Uint8Array): CompoundKind {
  const names = compoundStreamNames(bytes);
  if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) return 'encrypted';
  if (names.has('WordDocument')) return 'word';
  if (names.has('Workbook') || names.has('Book')) return 'excel';
  if (names.has('PowerPoint Document')) return 'powerpoint';
  if ([...names].some((name) => name.startsWith('__substg1.0_'))) return 'outlook';
  return 'unknown';
}

/** OLE2 files never yield text here: this says why, with the code that fits. */
export function rejectCompoundFile(bytes: Uint8Array): never {
  switch (compoundKind(bytes)) {
    case 'encrypted':
      throw new ExtractError('ENCRYPTED', 'password protected (encrypted Office document)');
    case 'word':
      throw new ExtractError('UNSUPPORTED', 'legacy Word 97–2003 document (.doc): save it as .docx to index it');
    case 'excel':
      throw new ExtractError('UNSUPPORTED', 'legacy Excel 97–2003 workbook (.xls): save it as .xlsx to index it');
    case 'powerpoint':
      throw new ExtractError('UNSUPPORTED', 'legacy PowerPoint 97–2003 deck (.ppt): save it as .pptx to index it');
    case 'outlook':
      throw new ExtractError('UNSUPPORTED', 'Outlook message (.msg) files are not read');
    default:
      throw new ExtractError('UNSUPPORTED', 'OLE2 compound file of an unknown kind');
  }
}
