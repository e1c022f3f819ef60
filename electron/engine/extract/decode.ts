import iconv from 'iconv-lite';
import jschardet from 'jschardet';

export interface DecodedText {
  readonly text: string;
  /** Canonical name of the encoding used (`UTF-8`, `Shift_JIS`, `windows-1256`, …). */
  readonly encoding: string;
}

export interface DecodeOptions {
  /**
   * Encoding the document declares (HTML meta, XML declaration). Trusted unless the bytes contradict it:
   * a BOM wins, a UTF-8 declaration over invalid UTF-8 is ignored, and valid non-ASCII UTF-8 under a
   * legacy declaration is read as UTF-8 (editors re-save files without updating the header).
   */
  readonly declared?: string | null;
}

/** Labels → iconv-lite names, following the WHATWG Encoding Standard's supersets (GB2312 → GB18030). */
const LABELS: Record<string, string> = {
  utf8: 'utf8',
  'utf-8': 'utf8',
  'utf-8-sig': 'utf8',
  unicode11utf8: 'utf8',
  ascii: 'windows-1252',
  'us-ascii': 'windows-1252',
  'iso-8859-1': 'windows-1252',
  'iso8859-1': 'windows-1252',
  latin1: 'windows-1252',
  'iso-8859-9': 'windows-1254',
  'iso-8859-11': 'windows-874',
  'tis-620': 'windows-874',
  tis620: 'windows-874',
  gb2312: 'gb18030',
  gbk: 'gb18030',
  'x-gbk': 'gb18030',
  cp936: 'gb18030',
  gb18030: 'gb18030',
  big5: 'cp950',
  'big5-hkscs': 'big5hkscs',
  cp950: 'cp950',
  shift_jis: 'cp932',
  'shift-jis': 'cp932',
  sjis: 'cp932',
  'x-sjis': 'cp932',
  'windows-31j': 'cp932',
  cp932: 'cp932',
  'euc-kr': 'cp949',
  cp949: 'cp949',
  'ks_c_5601-1987': 'cp949',
  'utf-16-le': 'utf16le',
  'utf-16le': 'utf16le',
  'utf-16-be': 'utf16be',
  'utf-16be': 'utf16be',
  'utf-32-le': 'utf32le',
  'utf-32le': 'utf32le',
  'utf-32-be': 'utf32be',
  'utf-32be': 'utf32be',
  maccyrillic: 'maccyrillic',
  'x-mac-cyrillic': 'maccyrillic',
  ibm866: 'cp866',
  cp866: 'cp866',
};

/** iconv-lite name → the name reported to people. */
const DISPLAY: Record<string, string> = {
  utf8: 'UTF-8',
  utf16le: 'UTF-16LE',
  utf16be: 'UTF-16BE',
  utf32le: 'UTF-32LE',
  utf32be: 'UTF-32BE',
  cp932: 'Shift_JIS',
  'euc-jp': 'EUC-JP',
  cp949: 'EUC-KR',
  gb18030: 'GB18030',
  cp950: 'Big5',
  big5hkscs: 'Big5-HKSCS',
  'windows-874': 'TIS-620',
  cp866: 'IBM866',
  maccyrillic: 'MacCyrillic',
  'iso-2022-jp': 'ISO-2022-JP',
};

/** The iconv-lite name for a label, or null when neither iconv-lite nor the ISO-2022-JP path reads it. */
export function encodingFor(label: string): string | null {
  const key = label.trim().toLowerCase();
  const name = LABELS[key] ?? key;
  if (name === 'iso-2022-jp' || name === 'csiso2022jp') return 'iso-2022-jp';
  return iconv.encodingExists(name) ? name : null;
}

export function displayName(encoding: string): string {
  return (
    DISPLAY[encoding] ??
    encoding.replace(/^(?:windows-?|cp)(125\d)$/, 'windows-$1').replace(/^iso-?8859-?(\d+)$/, 'ISO-8859-$1')
  );
}

function bomEncoding(bytes: Uint8Array): { encoding: string; length: number } | null {
  const [a, b, c, d] = bytes;
  if (a === 0xff && b === 0xfe && c === 0 && d === 0) return { encoding: 'utf32le', length: 4 };
  if (a === 0 && b === 0 && c === 0xfe && d === 0xff) return { encoding: 'utf32be', length: 4 };
  if (a === 0xef && b === 0xbb && c === 0xbf) return { encoding: 'utf8', length: 3 };
  if (a === 0xff && b === 0xfe) return { encoding: 'utf16le', length: 2 };
  if (a === 0xfe && b === 0xff) return { encoding: 'utf16be', length: 2 };
  return null;
}

/**
 * UTF-16/32 without a BOM, from where the zero bytes fall in the first 4 KiB: text that is mostly
 * Latin has a zero in every other byte. CJK UTF-16 has few zeros and is left to the statistical detector.
 */
function zeroPatternEncoding(bytes: Uint8Array): string | null {
  const n = Math.min(bytes.length, 4096) & ~3;
  if (n < 8) return null;
  const zeros = [0, 0, 0, 0];
  for (let i = 0; i < n; i++) if (bytes[i] === 0) zeros[i & 3]! += 1;
  const quarter = n / 4;
  const [z0, z1, z2, z3] = zeros as [number, number, number, number];
  if (z2 + z3 > 1.6 * quarter && z1 > 0.6 * quarter && z0 < 0.1 * quarter) return 'utf32le';
  if (z0 + z1 > 1.6 * quarter && z2 > 0.6 * quarter && z3 < 0.1 * quarter) return 'utf32be';
  const even = z0 + z2;
  const odd = z1 + z3;
  if (odd > 0.3 * 2 * quarter && even < 0.05 * 2 * quarter) return 'utf16le';
  if (even > 0.3 * 2 * quarter && odd < 0.05 * 2 * quarter) return 'utf16be';
  return null;
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

/** 'ascii' for 7-bit text, 'utf8' for valid UTF-8 with non-ASCII bytes, null otherwise. */
function utf8Kind(bytes: Uint8Array): 'ascii' | 'utf8' | null {
  let ascii = true;
  for (const byte of bytes) {
    if (byte >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) return 'ascii';
  try {
    utf8Strict.decode(bytes);
    return 'utf8';
  } catch {
    return null;
  }
}

// eslint-disable-next-line no-control-regex -- ISO-2022-JP is told apart by its ESC sequences.
const ISO_2022_JP_ESCAPE = /\x1b(\$@|\$B|\(J|\(I)/;

function run(bytes: Uint8Array, encoding: string): string {
  if (encoding === 'iso-2022-jp') return new TextDecoder('iso-2022-jp').decode(bytes);
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding, { stripBOM: true });
}

function decodedAs(bytes: Uint8Array, encoding: string): DecodedText {
  return { text: run(bytes, encoding), encoding: displayName(encoding) };
}

/** Decodes bytes of unknown encoding: BOM, then the declaration when the bytes agree, then detection. */
export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): DecodedText {
  const bom = bomEncoding(bytes);
  if (bom) return { text: run(bytes.subarray(bom.length), bom.encoding), encoding: displayName(bom.encoding) };
  const wide = zeroPatternEncoding(bytes);
  if (wide) return decodedAs(bytes, wide);

  const kind = utf8Kind(bytes);
  if (kind === 'ascii') {
    if (bytes.includes(0x1b) && ISO_2022_JP_ESCAPE.test(Buffer.from(bytes.subarray(0, 65536)).toString('latin1')))
      return decodedAs(bytes, 'iso-2022-jp');
    return { text: run(bytes, 'utf8'), encoding: 'UTF-8' };
  }
  if (kind === 'utf8') return decodedAs(bytes, 'utf8');

  const declared = options.declared ? encodingFor(options.declared) : null;
  if (declared && declared !== 'utf8' && !declared.startsWith('utf')) return decodedAs(bytes, declared);

  for (const guess of jschardet.detectAll(bytes)) {
    const encoding = guess.encoding ? encodingFor(guess.encoding) : null;
    if (encoding && guess.confidence >= 0.2) return decodedAs(bytes, encoding);
  }
  // Nothing confident: windows-1252 maps every byte, so the text stays searchable where it is Latin.
  return decodedAs(bytes, 'windows-1252');
}
