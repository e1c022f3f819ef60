import type { PassageLocation, SearchFileHit, SearchResult, SemanticReport, Snippet } from '../../shared';

/** How highlighted terms are shown: bold on a terminal, unmarked in a pipe or a file (`--json` has the ranges). */
export type HighlightStyle = 'ansi' | 'plain';

export interface SearchFormatOptions {
  readonly highlight: HighlightStyle;
}

const BOLD = '\u001b[1m';
const NORMAL = '\u001b[22m';
/**
 * C0/C1 controls, DEL, and bidi overrides/isolates: a document (or a file name) could otherwise move the
 * cursor, retitle the terminal or reorder what is shown. Each is replaced by one unit, so snippet
 * offsets stay valid.
 */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/gu;

export const terminalSafe = (text: string): string => text.replace(UNSAFE, '\ufffd');

/** `…text with terms…`, the terms in bold when `highlight` is `ansi`. */
export function formatSnippet(snippet: Snippet, options: SearchFormatOptions): string {
  const text = terminalSafe(snippet.text);
  let out = '';
  let at = 0;
  if (options.highlight === 'ansi') {
    for (const { start, end } of snippet.highlights) {
      out += `${text.slice(at, start)}${BOLD}${text.slice(start, end)}${NORMAL}`;
      at = end;
    }
  }
  out += text.slice(at);
  return `${snippet.cutStart ? '…' : ''}${out}${snippet.cutEnd ? '…' : ''}`;
}

/** `p. 3`, `pp. 3–4`, `line 12`, `lines 12–18`, or a section name; null when nothing is known. */
export function formatLocation(location: PassageLocation): string | null {
  const range = (one: string, many: string, start: number | null, end: number | null) =>
    start === null ? null : end !== null && end !== start ? `${many} ${start}–${end}` : `${one} ${start}`;
  return (
    range('p.', 'pp.', location.page, location.pageEnd) ??
    range('line', 'lines', location.line, location.lineEnd) ??
    (location.section ? terminalSafe(location.section) : null)
  );
}

/** `pdf · ja · p. 3 · awaiting vectors` */
export function formatBadges(file: SearchFileHit): string {
  const best = file.passages[0];
  const language = file.language ?? best?.language ?? null;
  const location = best ? formatLocation(best.location) : null;
  return [file.format, language, location, file.awaitingVectors ? 'awaiting vectors' : null]
    .filter((badge): badge is string => badge !== null && badge !== '' && badge !== 'und')
    .join(' · ');
}

function formatFile(file: SearchFileHit, rank: number, options: SearchFormatOptions): string {
  const indent = '   ';
  const lines = [`${rank}. ${terminalSafe(file.name)}  [${formatBadges(file)}]`, `${indent}${terminalSafe(file.path)}`];
  file.passages.forEach((passage, i) => {
    // The header already shows the best passage's location; later ones say where they are.
    const where = i > 0 ? formatLocation(passage.location) : null;
    lines.push(`${indent}${where ? `(${where}) ` : ''}${formatSnippet(passage.snippet, options)}`);
  });
  const more = file.matchedPassages - file.passages.length;
  if (more > 0) lines.push(`${indent}+ ${more} more matching passage${more === 1 ? '' : 's'} (--per-file)`);
  return lines.join('\n');
}

/** The footer: whether meaning took part, at which dims, and which files it could not see. */
export function formatSemantic(semantic: SemanticReport): string {
  const awaiting =
    semantic.filesAwaitingVectors > 0
      ? `${semantic.filesAwaitingVectors} file${semantic.filesAwaitingVectors === 1 ? '' : 's'} still awaiting vectors (found by keyword only)`
      : null;
  if (semantic.state === 'off') return `semantic: off (keyword mode)${awaiting ? `; ${awaiting}` : ''}`;
  if (semantic.state === 'unavailable') {
    const why = semantic.problem ? `${semantic.problem.code}: ${semantic.problem.message}` : 'no vectors to search';
    return `semantic: unavailable, keyword results only — ${why}${awaiting ? `; ${awaiting}` : ''}`;
  }
  const parts = [
    semantic.dimsUsed === null ? null : `${semantic.dimsUsed} dims`,
    semantic.index === 'ann' ? 'ANN index' : semantic.index === 'exact' ? 'exact' : null,
    semantic.binary ? 'binary first pass' : null,
    semantic.queryCached ? 'query from cache' : null,
  ].filter((part): part is string => part !== null);
  const derive = semantic.derive;
  const deriving =
    derive && semantic.dimsRequested !== null && semantic.dimsRequested !== semantic.dimsUsed
      ? `${semantic.dimsRequested} dims asked: vectors being derived (${derive.state}, ${derive.done}/${derive.total})`
      : null;
  return `semantic: ${[parts.join(', '), deriving, awaiting].filter(Boolean).join('; ')}`;
}

/** The human form of a search: files best first, each with its snippets, then totals and the semantic state. */
export function formatSearchResult(result: SearchResult, options: SearchFormatOptions): string {
  const blocks = result.files.map((file, i) => formatFile(file, i + 1, options));
  const shown = result.files.length;
  const count =
    shown === 0
      ? `no results for "${terminalSafe(result.query)}" (${result.mode})`
      : `${shown}${result.totalFiles > shown ? ` of ${result.totalFiles}` : ''} file${result.totalFiles === 1 ? '' : 's'} (${result.mode}, ${Math.round(result.timings.totalMs)} ms)`;
  return [...blocks, `${count}\n${formatSemantic(result.semantic)}`].join('\n\n');
}
