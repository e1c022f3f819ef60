import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';

import { extractBytes } from '../../../../electron/engine/extract/extract-file';
import type { Extracted } from '../../../../electron/engine/extract/types';
import { docx, epub, odf, para, pdf, pptx, xlsx, zip } from '../../../fixtures/extract/documents';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const texts = (result: Extracted): string[] => result.segments.map((s) => s.text);
const all = (result: Extracted): string => texts(result).join('\n');

describe('plain text and code', () => {
  it('keeps paragraphs with their line ranges', async () => {
    const result = await extractBytes(utf8('first line\nsecond line\n\n\nthird\n'), 'text');
    expect(result.segments).toEqual([
      { kind: 'text', text: 'first line\nsecond line', location: { line: 1, lineEnd: 2 } },
      { kind: 'text', text: 'third', location: { line: 5, lineEnd: 5 } },
    ]);
    expect(result.encoding).toBe('UTF-8');
  });

  it('splits one huge line into bounded pieces that keep its line number', async () => {
    const result = await extractBytes(utf8(`head\n\n${'x'.repeat(20_000)}`), 'code');
    expect(result.extractor).toBe('code');
    expect(result.segments.length).toBe(6);
    expect(result.segments.slice(1).every((s) => s.location.line === 3 && s.text.length <= 4000)).toBe(true);
  });

  it('decodes a legacy encoding', async () => {
    const text = 'Всеобщая декларация прав человека. Все люди рождаются свободными и равными.';
    const result = await extractBytes(new Uint8Array(iconv.encode(text, 'koi8-r')), 'text');
    expect(all(result)).toBe(text);
  });

  it('reports whitespace-only content as EMPTY', async () => {
    await expect(extractBytes(utf8('\n  \n'), 'text')).rejects.toMatchObject({ code: 'EMPTY' });
  });
});

describe('markdown', () => {
  it('makes ATX and setext headings into heading segments and keeps code fences', async () => {
    const md =
      '---\ntitle: x\n---\n# Title\n\nSome [linked](http://x) **text**.\n\nSub\n---\n\n```js\nconst a = 1;\n\n# not a heading\n```\n';
    const result = await extractBytes(utf8(md), 'markdown');
    expect(result.title).toBe('Title');
    expect(result.segments).toEqual([
      { kind: 'heading', level: 1, text: 'Title', location: { line: 4, lineEnd: 4 } },
      { kind: 'text', text: 'Some linked text.', location: { line: 6, lineEnd: 6 } },
      { kind: 'heading', level: 2, text: 'Sub', location: { line: 8, lineEnd: 9 } },
      { kind: 'text', text: 'const a = 1;\n\n# not a heading', location: { line: 12, lineEnd: 14 } },
    ]);
  });
});

describe('html', () => {
  it('keeps main text and headings, drops scripts, styles, navigation and page chrome', async () => {
    const html = `<html><head><title>Page</title><style>p{}</style><script>var secret = 1;</script></head>
      <body><header>Site banner</header><nav><a>Home</a></nav>
      <main><article><header><h1>Article</h1></header><p>First &amp; only<br>paragraph.</p>
      <table><tr><td>a</td><td>b</td></tr></table><p hidden>hidden</p><ruby>漢<rt>かん</rt></ruby></article></main>
      <footer>Copyright</footer></body></html>`;
    const result = await extractBytes(utf8(html), 'html');
    expect(result.title).toBe('Page');
    expect(result.segments[0]).toEqual({ kind: 'heading', level: 1, text: 'Article', location: {} });
    const text = all(result);
    expect(text).toContain('First & only\nparagraph.');
    expect(text).toContain('a\tb');
    expect(text).toContain('漢');
    for (const absent of ['secret', 'Site banner', 'Home', 'Copyright', 'hidden', 'かん', 'p{}'])
      expect(text).not.toContain(absent);
  });

  it('uses the declared charset and sniffs an undeclared one', async () => {
    const body = '<p>Привет, мир! Это проверка кодировки для русского текста на странице.</p>';
    const declared = new Uint8Array(iconv.encode(`<meta charset="windows-1251">${body}`, 'windows-1251'));
    expect(all(await extractBytes(declared, 'html'))).toContain('Привет, мир!');
    const sniffed = await extractBytes(new Uint8Array(iconv.encode(`<html>${body}</html>`, 'windows-1251')), 'html');
    expect(all(sniffed)).toContain('Привет, мир!');
  });
});

describe('csv, json, xml', () => {
  it('reads CSV with a header, quoted fields and embedded newlines', async () => {
    const csv = 'name,notes\r\n"Smith, J.","said ""hi""\nthen left"\r\nDoe,ok\r\n';
    const result = await extractBytes(utf8(csv), 'csv');
    expect(result.segments).toEqual([
      { kind: 'heading', level: 1, text: 'name notes', location: { line: 1 } },
      { kind: 'text', text: 'Smith, J.\tsaid "hi" then left\nDoe\tok', location: { line: 2, lineEnd: 4 } },
    ]);
  });

  it('reads UTF-16 TSV', async () => {
    const result = await extractBytes(new Uint8Array(iconv.encode('\uFEFFa\tb\n1\t2\n', 'utf16le')), 'tsv');
    expect(texts(result)).toEqual(['a b', '1\t2']);
  });

  it('lists JSON string values with their key paths; invalid JSON falls back to text', async () => {
    const result = await extractBytes(utf8('{"title":"Hi","items":[{"body":"Deep"},3],"ok":true}'), 'json');
    expect(all(result)).toBe('title: Hi\nitems[0].body: Deep');
    const lines = await extractBytes(utf8('{"a":"one"}\n{"a":"two"}\n'), 'json');
    expect(all(lines)).toBe('[0].a: one\n[1].a: two');
    const broken = await extractBytes(utf8('{"a": "unterminated'), 'json');
    expect(all(broken)).toContain('unterminated');
    expect(broken.warnings[0]).toMatch(/not valid JSON/);
  });

  it('reads XML text with its declared encoding and strips escaped HTML', async () => {
    const xml = `<?xml version="1.0" encoding="GB2312"?><rss><title>博客</title><item><description>&lt;p&gt;你好，世界&lt;/p&gt;</description></item></rss>`;
    const result = await extractBytes(new Uint8Array(iconv.encode(xml, 'gb18030')), 'xml');
    expect(result.title).toBe('博客');
    expect(texts(result)).toEqual(['博客', '你好，世界']);
    expect(result.encoding).toBe('GB18030');
  });
});

describe('rtf', () => {
  it("decodes \\uN, \\'hh in the font or document code page, and skips destinations", async () => {
    const rtf =
      '{\\rtf1\\ansi\\ansicpg1250\\uc1\\deff0{\\fonttbl{\\f0\\fcharset238 Times CE;}{\\f1\\fcharset128 MS Mincho;}}' +
      '{\\colortbl;\\red0\\green0\\blue0;}{\\info{\\title Doc \\u269?title}{\\author Someone}}' +
      "{\\*\\generator Word;}\\pard \\f0 \\'c8l\\'e1nek\\par \\f1 \\'82\\'b1\\'82\\'f1\\par \\u8364?uro {\\pict 0123abcd}\\tab x\\par}";
    const result = await extractBytes(utf8(rtf), 'rtf');
    expect(texts(result)).toEqual(['Článek', 'こん', '€uro \tx']);
    expect(result.title).toBe('Doc čtitle');
  });

  it('reports a file without the RTF header as CORRUPT', async () => {
    await expect(extractBytes(utf8('plain'), 'rtf')).rejects.toMatchObject({ code: 'CORRUPT' });
  });
});

describe('office and ebook containers', () => {
  it('reads DOCX headings by style, tables as rows, footnotes, and skips ruby readings', async () => {
    const body =
      para('Heading One', 'Heading1') +
      para('Heading Two', 'Berschrift2') +
      '<w:p><w:r><w:t>東京</w:t></w:r><w:r><w:ruby><w:rt><w:r><w:t>とうきょう</w:t></w:r></w:rt><w:rubyBase><w:r><w:t>駅</w:t></w:r></w:rubyBase></w:ruby></w:r></w:p>' +
      '<w:tbl><w:tr><w:tc>' +
      para('A1') +
      '</w:tc><w:tc>' +
      para('B1') +
      '</w:tc></w:tr></w:tbl>';
    const footnotes =
      '<w:footnotes xmlns:w="w"><w:footnote w:type="separator"><w:p><w:r><w:t>---</w:t></w:r></w:p></w:footnote><w:footnote w:id="1">' +
      para('A note.') +
      '</w:footnote></w:footnotes>';
    const result = await extractBytes(docx(body, { 'word/footnotes.xml': footnotes }), 'zip');
    expect(result.extractor).toBe('docx');
    expect(result.segments).toEqual([
      { kind: 'heading', level: 1, text: 'Heading One', location: {} },
      { kind: 'heading', level: 2, text: 'Heading Two', location: {} },
      { kind: 'text', text: '東京駅', location: {} },
      { kind: 'text', text: 'A1\tB1', location: {} },
      { kind: 'text', text: 'A note.', location: { section: 'footnotes' } },
    ]);
  });

  it('reads XLSX sheets as sections with shared strings, without phonetic runs', async () => {
    const book = xlsx([
      {
        name: 'People',
        rows: [
          ['Name', 'Age'],
          ['豊田', '42'],
        ],
      },
      { name: 'Empty', rows: [] },
    ]);
    const result = await extractBytes(book, 'xlsx');
    expect(result.segments).toEqual([{ kind: 'text', text: 'Name\tAge\n豊田\t42', location: { section: 'People' } }]);
  });

  it('reports a workbook without cell data as EMPTY', async () => {
    await expect(extractBytes(xlsx([{ name: 'S', rows: [] }]), 'xlsx')).rejects.toMatchObject({ code: 'EMPTY' });
  });

  it('reads PPTX slides in presentation order with titles and notes, skipping slide numbers', async () => {
    const deck = pptx([
      { title: 'First', body: 'Alpha', notes: 'Speaker note' },
      { title: 'Second', body: 'Beta' },
    ]);
    const result = await extractBytes(deck, 'pptx');
    expect(result.pages).toBe(2);
    expect(result.segments).toEqual([
      { kind: 'heading', level: 1, text: 'First', location: { page: 1, section: 'First' } },
      { kind: 'text', text: 'Alpha', location: { page: 1, section: 'First' } },
      { kind: 'text', text: 'Speaker note', location: { page: 1, section: 'notes' } },
      { kind: 'heading', level: 1, text: 'Second', location: { page: 2, section: 'Second' } },
      { kind: 'text', text: 'Beta', location: { page: 2, section: 'Second' } },
    ]);
  });

  it('reads ODT headings, spaces and footnotes, ODS sheets and ODP pages', async () => {
    const odt = await extractBytes(
      odf(
        'text',
        '<text:h text:outline-level="2">Intro</text:h><text:p>a<text:s text:c="3"/>b<text:tab/>c<text:note><text:note-citation>1</text:note-citation><text:note-body><text:p>Foot.</text:p></text:note-body></text:note> d</text:p>',
      ),
      'odt',
    );
    expect(odt.segments).toEqual([
      { kind: 'heading', level: 2, text: 'Intro', location: {} },
      { kind: 'text', text: 'a   b\tc d', location: {} },
      { kind: 'text', text: 'Foot.', location: {} },
    ]);
    const ods = await extractBytes(
      odf(
        'spreadsheet',
        '<table:table table:name="Sheet1"><table:table-row><table:table-cell><text:p>x</text:p></table:table-cell><table:table-cell table:number-columns-repeated="16000"/><table:table-cell><text:p>y</text:p></table:table-cell></table:table-row></table:table>',
      ),
      'ods',
    );
    expect(ods.segments).toEqual([{ kind: 'text', text: 'x\t\ty', location: { section: 'Sheet1' } }]);
    const odp = await extractBytes(
      odf(
        'presentation',
        '<draw:page draw:name="p1"><draw:frame presentation:class="title"><draw:text-box><text:p>Slide title</text:p></draw:text-box></draw:frame><draw:frame><draw:text-box><text:p>Point</text:p></draw:text-box></draw:frame></draw:page>',
      ),
      'odp',
    );
    expect(odp.segments).toEqual([
      { kind: 'heading', level: 1, text: 'Slide title', location: { page: 1, section: 'p1' } },
      { kind: 'text', text: 'Point', location: { page: 1, section: 'p1' } },
    ]);
  });

  it('reads EPUB chapters in spine order, with non-ASCII entry names', async () => {
    const book = epub([
      { name: 'ch/二.xhtml', html: '<html><body><h1>Two</h1><p>Second chapter</p></body></html>' },
      {
        name: 'ch/一.xhtml',
        html: '<?xml version="1.0"?><html><head><title>t</title></head><body><p>First chapter</p></body></html>',
      },
    ]);
    const result = await extractBytes(book, 'epub');
    expect(result.title).toBe('A Book');
    expect(result.segments).toEqual([
      { kind: 'text', text: 'First chapter', location: { page: 1, section: 'OEBPS/ch/一.xhtml' } },
      { kind: 'heading', level: 1, text: 'Two', location: { page: 2, section: 'OEBPS/ch/二.xhtml' } },
      { kind: 'text', text: 'Second chapter', location: { page: 2, section: 'OEBPS/ch/二.xhtml' } },
    ]);
  });

  it('reports a truncated archive as CORRUPT and an unknown ZIP as UNSUPPORTED', async () => {
    const whole = docx(para('x'));
    await expect(extractBytes(whole.subarray(0, 200), 'docx')).rejects.toMatchObject({ code: 'CORRUPT' });
    await expect(extractBytes(zip({ 'a.txt': 'x' }), 'zip')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});

describe('pdf', () => {
  it('returns text per page with page numbers', async () => {
    const result = await extractBytes(pdf(['Hello page one', 'Second page here']), 'pdf');
    expect(result.pages).toBe(2);
    expect(result.segments).toEqual([
      { kind: 'text', text: 'Hello page one', location: { page: 1 } },
      { kind: 'text', text: 'Second page here', location: { page: 2 } },
    ]);
  });

  it('reports pages without text as NO_TEXT_LAYER and garbage as CORRUPT', async () => {
    await expect(extractBytes(pdf(['', '']), 'pdf')).rejects.toMatchObject({
      code: 'NO_TEXT_LAYER',
      message: 'no text layer (scanned)',
    });
    await expect(extractBytes(utf8('%PDF-1.4\n%%EOF'), 'pdf')).rejects.toMatchObject({ code: 'CORRUPT' });
  });

  it('maps Arabic presentation forms and ligatures to base letters', async () => {
    const { normalizePdfText } = await import('../../../../electron/engine/extract/formats/pdf');
    expect(normalizePdfText('\uFEDF\uFECC\uFEAE\uFE91\uFEF4\uFE94 \uFB01le')).toBe('لعربية file');
  });
});
