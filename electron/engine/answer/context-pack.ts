import { basename } from 'node:path';

import type { ContextPassage } from '../../../shared';
import type { StoredChunk } from '../store/types';

type EvidenceKind = ContextPassage['evidence'];

/** A retrieved chunk with what was measured about it, in rank order (best first). */
export interface Candidate {
  readonly chunk: StoredChunk;
  /** Cosine similarity to the question; null when found by keyword only. */
  readonly similarity: number | null;
  /** Share of the question's content words the chunk holds verbatim. */
  readonly coverage: number;
  readonly evidence: EvidenceKind;
}

export interface Selection {
  readonly passages: ContextPassage[];
  readonly usedTokens: number;
  readonly omitted: { budget: number; duplicates: number; weak: number };
}

/**
 * Chooses what a search-scope pack sends: weak candidates go when strong ones exist (a model handed
 * noise beside evidence still cites the noise); the same text in two files is sent once and cited with
 * both; candidates are taken best first while they fit the token budget; and consecutive chunks of one
 * file that both made it are joined into one passage with the chunker's overlap removed, so the model
 * reads the section once and the citation spans its pages.
 */
export function selectPassages(
  candidates: readonly Candidate[],
  options: { readonly budgetTokens: number; readonly maxPassages: number },
): Selection {
  const strong = candidates.some((c) => c.evidence !== 'weak');
  const kept = strong ? candidates.filter((c) => c.evidence !== 'weak') : [...candidates];
  const omitted = { budget: 0, duplicates: 0, weak: candidates.length - kept.length };

  const byText = new Map<string, { candidate: Candidate; alsoIn: Set<string> }>();
  const unique: { candidate: Candidate; alsoIn: Set<string> }[] = [];
  for (const candidate of kept) {
    const key = normalizeForDuplicates(candidate.chunk.text);
    const first = byText.get(key);
    if (first) {
      omitted.duplicates++;
      if (candidate.chunk.path !== first.candidate.chunk.path) first.alsoIn.add(candidate.chunk.path);
      continue;
    }
    const entry = { candidate, alsoIn: new Set<string>() };
    byText.set(key, entry);
    unique.push(entry);
  }

  let remaining = options.budgetTokens;
  const chosen: { candidate: Candidate; alsoIn: Set<string>; rank: number }[] = [];
  unique.forEach((entry, rank) => {
    const tokens = entry.candidate.chunk.tokens;
    if (chosen.length >= options.maxPassages || tokens > remaining) {
      omitted.budget++;
      return;
    }
    remaining -= tokens;
    chosen.push({ ...entry, rank });
  });

  // Runs of consecutive ordinals in one file become one passage, placed at its best member's rank.
  const byFile = new Map<string, typeof chosen>();
  for (const entry of chosen) {
    const list = byFile.get(entry.candidate.chunk.path) ?? [];
    list.push(entry);
    byFile.set(entry.candidate.chunk.path, list);
  }
  const merged: { rank: number; passage: Omit<ContextPassage, 'n'> }[] = [];
  for (const entries of byFile.values()) {
    entries.sort((a, b) => a.candidate.chunk.ordinal - b.candidate.chunk.ordinal);
    let run: typeof chosen = [];
    const close = (): void => {
      if (run.length > 0) merged.push({ rank: Math.min(...run.map((e) => e.rank)), passage: joinRun(run) });
      run = [];
    };
    for (const entry of entries) {
      const last = run.at(-1);
      if (last && entry.candidate.chunk.ordinal !== last.candidate.chunk.ordinal + 1) close();
      run.push(entry);
    }
    close();
  }
  merged.sort((a, b) => a.rank - b.rank);
  const passages = merged.map(({ passage }, i) => ({ ...passage, n: i + 1 }));
  return { passages, usedTokens: passages.reduce((sum, p) => sum + p.tokens, 0), omitted };
}

/**
 * Document scope: the file's chunks in order, each its own passage (so the answer can cite pages), the
 * overlap each repeats from the one before removed, split into parts that each fit the budget.
 */
export function documentParts(chunks: readonly StoredChunk[], budgetTokens: number): ContextPassage[][] {
  const ordered = [...chunks].sort((a, b) => a.ordinal - b.ordinal);
  const parts: ContextPassage[][] = [];
  let part: ContextPassage[] = [];
  let used = 0;
  let previous: StoredChunk | null = null;
  let n = 1;
  for (const chunk of ordered) {
    const { text, tokens } =
      previous && previous.ordinal === chunk.ordinal - 1 ? withoutOverlap(previous.text, chunk) : chunk;
    previous = chunk;
    if (text.trim() === '') continue;
    if (part.length > 0 && used + tokens > budgetTokens) {
      parts.push(part);
      part = [];
      used = 0;
    }
    part.push({ ...toPassage([chunk], text, tokens, null, 0, 'document', []), n: n++ });
    used += tokens;
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

/** "report.pdf, pp. 3–4 — Methods": file name, then page or line span, then section or nearest heading. */
export function citationOf(name: string, location: StoredChunk['location'], pageEnd?: number | null): string {
  const parts = [name];
  const page = location.page ?? null;
  const lastPage = pageEnd ?? location.pageEnd ?? null;
  if (page !== null) parts.push(lastPage !== null && lastPage !== page ? `pp. ${page}–${lastPage}` : `p. ${page}`);
  else if (location.line !== undefined) {
    const end = location.lineEnd ?? null;
    parts.push(end !== null && end !== location.line ? `lines ${location.line}–${end}` : `line ${location.line}`);
  }
  const where = location.section ?? location.headings?.at(-1) ?? null;
  const head = parts.join(', ');
  return where ? `${head} — ${where}` : head;
}

function joinRun(run: readonly { candidate: Candidate; alsoIn: Set<string> }[]): Omit<ContextPassage, 'n'> {
  const chunks = run.map((e) => e.candidate.chunk);
  let text = '';
  let tokens = 0;
  chunks.forEach((chunk, i) => {
    const piece = i === 0 ? chunk : withoutOverlap(chunks[i - 1]?.text ?? '', chunk);
    text = i === 0 ? piece.text : `${text}\n${piece.text}`;
    tokens += piece.tokens;
  });
  const similarities = run.map((e) => e.candidate.similarity).filter((s): s is number => s !== null);
  const alsoIn = new Set(run.flatMap((e) => [...e.alsoIn]));
  return toPassage(
    chunks,
    text,
    tokens,
    similarities.length > 0 ? Math.max(...similarities) : null,
    Math.max(...run.map((e) => e.candidate.coverage)),
    strongest(run.map((e) => e.candidate.evidence)),
    [...alsoIn],
  );
}

function toPassage(
  chunks: readonly StoredChunk[],
  text: string,
  tokens: number,
  similarity: number | null,
  coverage: number,
  evidence: EvidenceKind,
  alsoIn: readonly string[],
): Omit<ContextPassage, 'n'> {
  const first = chunks[0];
  const last = chunks.at(-1);
  if (!first || !last) throw new Error('a passage needs at least one chunk');
  const { location } = first;
  const pageEnd = last.location.pageEnd ?? last.location.page ?? location.pageEnd ?? null;
  const name = basename(first.path);
  return {
    chunkIds: chunks.map((c) => c.id),
    path: first.path,
    name,
    alsoIn: [...alsoIn],
    page: location.page ?? null,
    pageEnd: location.page !== undefined ? pageEnd : null,
    line: location.line ?? null,
    lineEnd: last.location.lineEnd ?? last.location.line ?? null,
    section: location.section ?? null,
    headings: [...(location.headings ?? [])],
    language: first.language,
    citation: citationOf(name, location, location.page !== undefined ? pageEnd : null),
    text,
    tokens: Math.max(0, Math.round(tokens)),
    similarity,
    keywordCoverage: Math.min(1, Math.max(0, coverage)),
    evidence,
  };
}

const EVIDENCE_ORDER: readonly EvidenceKind[] = ['both', 'semantic', 'keyword', 'document', 'weak'];

function strongest(kinds: readonly EvidenceKind[]): EvidenceKind {
  return EVIDENCE_ORDER.find((kind) => kinds.includes(kind)) ?? 'weak';
}

/** Shortest overlap worth removing: shorter matches between a chunk's end and the next start are chance. */
const MIN_OVERLAP_CHARS = 16;

/**
 * The chunker repeats the end of a split section at the start of the next chunk. Finds the longest
 * suffix of `before` that starts `chunk.text` and drops it, scaling the token count by the characters
 * kept. Candidate starts are found by searching for the chunk's first characters, not by trying every
 * length (chunks are thousands of characters, documents thousands of chunks).
 */
export function withoutOverlap(
  before: string,
  chunk: Pick<StoredChunk, 'text' | 'tokens'>,
): { text: string; tokens: number } {
  const text = chunk.text;
  const probe = text.slice(0, MIN_OVERLAP_CHARS);
  if (probe.length < MIN_OVERLAP_CHARS) return { text, tokens: chunk.tokens };
  // The earliest start that matches to the end of `before` is the longest overlap.
  for (let at = before.indexOf(probe); at !== -1; at = before.indexOf(probe, at + 1)) {
    if (!text.startsWith(before.slice(at))) continue;
    const rest = text.slice(before.length - at).replace(/^\s+/u, '');
    return { text: rest, tokens: Math.round((chunk.tokens * rest.length) / Math.max(1, text.length)) };
  }
  return { text, tokens: chunk.tokens };
}

function normalizeForDuplicates(text: string): string {
  return text.normalize('NFC').replace(/\s+/gu, ' ').trim();
}
