import { describe, expect, it } from 'vitest';

import { detectFormat, extensionOf } from '../../../../electron/engine/extract/detect-format';
import { compoundKind } from '../../../../electron/engine/extract/ole2';
import { docx, epub, odf } from '../../../fixtures/extract/documents';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectFormat', () => {
  it('reads the extension of the last dot only', () => {
    expect(extensionOf('/a/file10_permahang.txt.json')).toBe('json');
    expect(extensionOf('/a/.bashrc')).toBe('');
    expect(extensionOf('/a/README')).toBe('');
  });

  it('lets strong signatures beat a missing or wrong extension', () => {
    expect(detectFormat('/x/pdf_standardized_text', bytes('%PDF-1.4\n...'))).toBe('pdf');
    expect(detectFormat('/x/report.txt', bytes('%PDF-1.7\n'))).toBe('pdf');
    expect(detectFormat('/x/docx_paragraphs_and_tables', docx('<w:p/>'))).toBe('zip');
    expect(detectFormat('/x/notes.rtf.bak', bytes('{\\rtf1\\ansi hello}'))).toBe('rtf');
  });

  it('tells ODF and EPUB containers apart by their stored mimetype entry', () => {
    expect(detectFormat('/x/a', odf('text', ''))).toBe('odt');
    expect(detectFormat('/x/a.zip', odf('spreadsheet', ''))).toBe('ods');
    expect(detectFormat('/x/a', odf('presentation', ''))).toBe('odp');
    expect(detectFormat('/x/book', epub([{ name: 'a.xhtml', html: '<p>x</p>' }]))).toBe('epub');
    expect(detectFormat('/x/a.xlsx', docx(''))).toBe('xlsx'); // the entries decide later
  });

  it('reads text that starts with the BMP magic as text, and a real BMP header as binary', () => {
    expect(detectFormat('/x/news.txt', bytes('BMW to Make Hybrid Sports Car'))).toBe('text');
    const bmp = new Uint8Array([0x42, 0x4d, 0x46, 0, 0, 0, 0, 0, 0, 0, 0x36, 0, 0, 0, 0x28, 0]);
    expect(detectFormat('/x/image', bmp)).toBe('binary');
  });

  it('sniffs extension-less text, HTML and binary', () => {
    expect(detectFormat('/x/file_we_dont_want_imported', bytes('wombat'))).toBe('text');
    expect(detectFormat('/x/page', bytes('  <!DOCTYPE html><html>'))).toBe('html');
    expect(detectFormat('/x/feed', bytes('<?xml version="1.0"?><rss/>'))).toBe('xml');
    expect(detectFormat('/x/blob', new Uint8Array([1, 0, 2, 0, 0, 0, 9, 0, 0, 0, 0, 7]))).toBe('binary');
    expect(detectFormat('/x/photo.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).toBe('binary');
  });

  it('keeps UTF-16 text with many zero bytes as text', () => {
    const utf16 = new Uint8Array(Buffer.from('\uFEFFhello world', 'utf16le'));
    expect(detectFormat('/x/a.csv', utf16)).toBe('csv');
    expect(detectFormat('/x/a.txt', new Uint8Array(Buffer.from('plain ascii as utf16', 'utf16le')))).toBe('text');
  });

  it('routes OLE2 compound files to the OLE2 reader', () => {
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(detectFormat('/x/a.doc', ole)).toBe('ole2');
  });
});

describe('compoundKind', () => {
  function compound(names: string[]): Uint8Array {
    const file = new Uint8Array(512 + 128 * names.length);
    file.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const view = new DataView(file.buffer);
    names.forEach((name, i) => {
      const offset = 512 + 128 * i;
      for (let c = 0; c < name.length; c++) view.setUint16(offset + c * 2, name.charCodeAt(c), true);
      view.setUint16(offset + 0x40, (name.length + 1) * 2, true);
      file[offset + 0x42] = i === 0 ? 5 : 2;
    });
    return file;
  }

  it('finds encrypted OOXML packages and legacy Office streams', () => {
    expect(compoundKind(compound(['Root Entry', 'EncryptionInfo', 'EncryptedPackage']))).toBe('encrypted');
    expect(compoundKind(compound(['Root Entry', 'WordDocument', '1Table']))).toBe('word');
    expect(compoundKind(compound(['Root Entry', 'Workbook']))).toBe('excel');
    expect(compoundKind(compound(['Root Entry', 'PowerPoint Document']))).toBe('powerpoint');
    expect(compoundKind(compound(['Root Entry', 'Something']))).toBe('unknown');
  });
});
