import iconv from 'iconv-lite';

import { finishExtraction, SegmentList } from '../segments';
import { ExtractError, type Extracted } from '../types';

export const RTF_EXTRACTOR_VERSION = 1;

/** \fcharsetN → Windows code page. 0 (ANSI) and 1 (default) follow the document's \ansicpg. */
const CHARSET_CODEPAGES: Record<number, number> = {
  77: 10000,
  128: 932,
  129: 949,
  130: 1361,
  134: 936,
  136: 950,
  161: 1253,
  162: 1254,
  163: 1258,
  177: 1255,
  178: 1256,
  186: 1257,
  204: 1251,
  222: 874,
  238: 1250,
  254: 437,
};

/** Groups whose content is not document text. `\*` groups are skipped unless listed in KEPT. */
const SKIPPED = new Set(
  (
    'fonttbl colortbl stylesheet info pict object objdata themedata colorschememapping datastore latentstyles ' +
    'listtable listoverridetable rsidtbl generator xmlnstbl fldinst header headerl headerr headerf footer footerl ' +
    'footerr footerf bkmkstart bkmkend nonshppict pgdsctbl revtbl filetbl ftnsep ftnsepc aftnsep aftnsepc fchars ' +
    'lchars listtext pntext pntxta pntxtb shpinst sp sn sv mmathPr wgrffmtfilter userprops docvar template ' +
    'protusertbl ud upr'
  ).split(' '),
);
const KEPT = new Set(['shptxt', 'ud', 'footnote', 'fldrslt']);

interface GroupState {
  skip: boolean;
  uc: number;
  font: number | null;
  /** Collecting font-table or title text rather than body text. */
  role: 'body' | 'fonttbl' | 'title';
}

class RtfReader {
  private readonly fonts = new Map<number, number>();
  private ansiCodepage = 1252;
  private defaultFont: number | null = null;
  private pending: number[] = [];
  private pendingCodepage = 1252;
  private paragraph = '';
  private fontEntry: { id: number; codepage: number | null } | null = null;
  title = '';
  readonly paragraphs: string[] = [];

  codepageOf(state: GroupState): number {
    const font = state.font ?? this.defaultFont;
    return (font !== null ? this.fonts.get(font) : undefined) ?? this.ansiCodepage;
  }

  private emit(text: string, state: GroupState): void {
    if (state.role === 'title') this.title += text;
    else if (state.role === 'body' && !state.skip) this.paragraph += text;
  }

  flushBytes(state: GroupState): void {
    if (this.pending.length === 0) return;
    const encoding = `cp${this.pendingCodepage}`;
    const bytes = Buffer.from(this.pending);
    this.pending = [];
    this.emit(iconv.encodingExists(encoding) ? iconv.decode(bytes, encoding) : bytes.toString('latin1'), state);
  }

  byte(value: number, state: GroupState): void {
    const codepage = this.codepageOf(state);
    if (this.pending.length > 0 && codepage !== this.pendingCodepage) this.flushBytes(state);
    this.pendingCodepage = codepage;
    if (state.role === 'fonttbl' || (state.skip && state.role !== 'title')) return;
    this.pending.push(value);
  }

  text(value: string, state: GroupState): void {
    this.flushBytes(state);
    if (state.role === 'fonttbl') return;
    this.emit(value, state);
  }

  endParagraph(): void {
    this.paragraphs.push(this.paragraph);
    this.paragraph = '';
  }

  finish(): void {
    this.endParagraph();
  }

  /** Control words that change state rather than text. */
  control(word: string, param: number | null, state: GroupState): void {
    switch (word) {
      case 'ansicpg':
        if (param) this.ansiCodepage = param;
        break;
      case 'deff':
        this.defaultFont = param;
        break;
      case 'uc':
        state.uc = Math.max(0, param ?? 1);
        break;
      case 'f':
        if (state.role === 'fonttbl') this.fontEntry = { id: param ?? 0, codepage: null };
        else state.font = param;
        break;
      case 'fcharset':
        if (this.fontEntry && param !== null && CHARSET_CODEPAGES[param] !== undefined)
          this.fonts.set(this.fontEntry.id, CHARSET_CODEPAGES[param]);
        break;
      case 'cpg':
        if (this.fontEntry && param) this.fonts.set(this.fontEntry.id, param);
        break;
      case 'plain':
        state.font = null;
        break;
      default:
        break;
    }
  }
}

const SPECIAL: Record<string, string> = {
  par: 'PAR',
  sect: 'PAR',
  page: 'PAR',
  row: 'PAR',
  line: '\n',
  tab: '\t',
  cell: '\t',
  nestcell: '\t',
  emdash: '—',
  endash: '–',
  bullet: '•',
  lquote: '‘',
  rquote: '’',
  ldblquote: '“',
  rdblquote: '”',
  emspace: ' ',
  enspace: ' ',
  qmspace: ' ',
};

/** Parses RTF into paragraphs: \uN and \'hh (in the font's or document's code page), destinations skipped. */
export function parseRtf(source: string): { paragraphs: string[]; title: string } {
  const reader = new RtfReader();
  let state: GroupState = { skip: false, uc: 1, font: null, role: 'body' };
  const stack: GroupState[] = [];
  let skipFallback = 0;
  let groupStart = false;
  let ignorable = false;
  let i = 0;
  const n = source.length;
  while (i < n) {
    const ch = source[i]!;
    if (ch === '{') {
      reader.flushBytes(state);
      stack.push(state);
      state = { ...state };
      groupStart = true;
      ignorable = false;
      skipFallback = 0;
      i++;
      continue;
    }
    if (ch === '}') {
      reader.flushBytes(state);
      state = stack.pop() ?? state;
      groupStart = false;
      skipFallback = 0;
      i++;
      continue;
    }
    if (ch === '\\') {
      const next = source[i + 1] ?? '';
      if (next === "'") {
        const value = parseInt(source.slice(i + 2, i + 4), 16);
        i += 4;
        if (skipFallback > 0) skipFallback--;
        else if (!Number.isNaN(value)) reader.byte(value, state);
        continue;
      }
      if (/[a-zA-Z]/.test(next)) {
        const match = /^([a-zA-Z]{1,32})(-?\d{1,10})? ?/.exec(source.slice(i + 1, i + 48));
        const word = match?.[1] ?? next;
        const param = match?.[2] !== undefined ? Number(match[2]) : null;
        i += 1 + (match?.[0].length ?? 1);
        const wasGroupStart = groupStart;
        groupStart = false;
        if (word === 'bin' && param) {
          i += param;
          continue;
        }
        if (wasGroupStart || ignorable) {
          if (word === 'fonttbl') state.role = 'fonttbl';
          else if (word === 'title' && stack.some((s) => s.role === 'body')) state.role = 'title';
          else if (ignorable ? !KEPT.has(word) : SKIPPED.has(word)) state.skip = true;
          ignorable = false;
        }
        if (word === 'u' && param !== null) {
          reader.text(String.fromCharCode(param < 0 ? param + 65536 : param), state);
          skipFallback = state.uc;
          continue;
        }
        const special = SPECIAL[word];
        if (special !== undefined) {
          reader.flushBytes(state);
          if (state.skip || state.role !== 'body') continue;
          if (special === 'PAR') reader.endParagraph();
          else reader.text(special, state);
          continue;
        }
        reader.control(word, param, state);
        continue;
      }
      i += 2;
      if (next === '*') {
        ignorable = true;
        continue;
      }
      groupStart = false;
      if (next === '\\' || next === '{' || next === '}') reader.text(next, state);
      else if (next === '~') reader.text('\u00A0', state);
      else if (next === '_') reader.text('\u2011', state);
      else if (next === '\n' || next === '\r') {
        if (!state.skip && state.role === 'body') reader.endParagraph();
      }
      continue;
    }
    i++;
    if (ch === '\r' || ch === '\n') continue;
    groupStart = false;
    if (skipFallback > 0) {
      skipFallback--;
      continue;
    }
    if (state.role === 'fonttbl' && ch === ';') {
      reader.flushBytes(state);
      continue;
    }
    // Raw 8-bit characters (not allowed, but written by some tools) are bytes in the current code page.
    if (ch.charCodeAt(0) >= 0x80) reader.byte(ch.charCodeAt(0), state);
    else reader.text(ch, state);
  }
  reader.finish();
  return { paragraphs: reader.paragraphs, title: reader.title };
}

/** RTF through its own parser (no library reads code pages and destinations reliably). */
export function extractRtf(bytes: Uint8Array): Extracted {
  const source = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  if (!source.trimStart().startsWith('{\\rtf'))
    throw new ExtractError('CORRUPT', 'not an RTF document (no {\\rtf header)');
  const { paragraphs, title } = parseRtf(source);
  const list = new SegmentList();
  for (const paragraph of paragraphs) list.text(paragraph);
  return finishExtraction('rtf', RTF_EXTRACTOR_VERSION, list, title.trim() ? { title } : {});
}
