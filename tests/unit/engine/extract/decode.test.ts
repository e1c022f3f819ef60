import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { decodeBytes, encodingFor } from '../../../../electron/engine/extract/decode';

const encode = (text: string, encoding: string): Uint8Array => new Uint8Array(iconv.encode(text, encoding));

describe('decodeBytes', () => {
  it('strips BOMs and reads UTF-8/16/32 by them', () => {
    const text = 'Grüße, 世界';
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(text)]))).toEqual({ text, encoding: 'UTF-8' });
    expect(decodeBytes(encode(`\uFEFF${text}`, 'utf16le'))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeBytes(encode(`\uFEFF${text}`, 'utf16be'))).toEqual({ text, encoding: 'UTF-16BE' });
    expect(decodeBytes(encode(`\uFEFF${text}`, 'utf32le'))).toEqual({ text, encoding: 'UTF-32LE' });
  });

  it('finds UTF-16 without a BOM from its zero bytes', () => {
    const text = 'Plain English text without a byte order mark, long enough to count.';
    expect(decodeBytes(encode(text, 'utf16le'))).toEqual({ text, encoding: 'UTF-16LE' });
    expect(decodeBytes(encode(text, 'utf16be'))).toEqual({ text, encoding: 'UTF-16BE' });
  });

  it('detects legacy CJK and Cyrillic encodings', () => {
    const japanese =
      '吾輩は猫である。名前はまだ無い。どこで生れたかとんと見当がつかぬ。何でも薄暗いじめじめした所でニャーニャー泣いていた事だけは記憶している。';
    expect(decodeBytes(encode(japanese, 'shift_jis'))).toEqual({ text: japanese, encoding: 'Shift_JIS' });
    expect(decodeBytes(encode(japanese, 'euc-jp'))).toEqual({ text: japanese, encoding: 'EUC-JP' });
    const russian =
      'Все люди рождаются свободными и равными в своем достоинстве и правах. Они наделены разумом и совестью.';
    expect(decodeBytes(encode(russian, 'koi8-r')).text).toBe(russian);
    expect(decodeBytes(encode(russian, 'windows-1251')).text).toBe(russian);
  });

  it('reads ISO-2022-JP by its escape sequences', () => {
    const bytes = new Uint8Array([0x1b, 0x24, 0x42, 0x46, 0x7c, 0x4b, 0x5c, 0x1b, 0x28, 0x42]);
    expect(decodeBytes(bytes)).toEqual({ text: '日本', encoding: 'ISO-2022-JP' });
  });

  it('trusts a legacy declaration but not a UTF-8 one the bytes contradict', () => {
    const arabic = encode('في قرية من القرى كان هناك رجل حكيم يعرف كل شيء عن الحياة', 'windows-1256');
    expect(decodeBytes(arabic, { declared: 'utf-8' }).encoding).toBe('windows-1256');
    expect(decodeBytes(encode('Ελληνικά', 'iso-8859-7'), { declared: 'ISO-8859-7' }).text).toBe('Ελληνικά');
    // Valid UTF-8 under a stale legacy header is UTF-8.
    expect(decodeBytes(new Uint8Array(Buffer.from('Grüße')), { declared: 'iso-8859-1' }).text).toBe('Grüße');
  });

  it('maps declared labels to their WHATWG supersets', () => {
    expect(encodingFor('GB2312')).toBe('gb18030');
    expect(encodingFor('iso-8859-1')).toBe('windows-1252');
    expect(encodingFor('Shift_JIS')).toBe('cp932');
    expect(encodingFor('no-such-charset')).toBeNull();
  });
});
