import { basename } from 'node:path';

import type {
  AnswerScope,
  ContextPack,
  ContextPassage,
  EvidenceReport,
  SearchQueryInput,
  Settings,
} from '../../../shared';
import { checkIndexedFile } from '../search/open-file';
import type { Retrieval } from '../search/searcher';
import type { FileRecord, Provenance, StoredChunk } from '../store/types';
import { documentParts, selectPassages, type Candidate } from './context-pack';
import { chanceLevel, contentTerms, keywordCoverage, KEYWORD_EVIDENCE, type ChanceLevel } from './evidence';
import { formatPassages } from './prompts';

/** The evidence of a pack that judges none: a whole document is not matched against the question. */
export const NO_EVIDENCE_JUDGED: EvidenceReport = {
  weak: false,
  bestSimilarity: null,
  chanceSimilarity: null,
  bestCoverage: 0,
  indexPassages: 0,
  sampled: 0,
  message: null,
};

/** What packs read from the index (IndexStore implements it). */
export interface PackStore {
  getFile(path: string): Promise<FileRecord | null>;
  getChunks(path: string): Promise<StoredChunk[]>;
  getChunksByIds(ids: readonly string[]): Promise<StoredChunk[]>;
  sampleVectors(provenance: Provenance, count: number): Promise<Float32Array[]>;
  vectorRowCount(provenance: Provenance): Promise<number>;
  dataVersion(provenance: Provenance): Promise<string>;
}

/** Files and passages per file asked of the search: up to 100 candidates, plenty for a 12-passage pack. */
const SEARCH_FILES = 20;
const SEARCH_PER_FILE = 5;
/**
 * Vectors sampled for the chance level: the sd of 256 draws is within ±9 % of the truth (95 %), which
 * moves the level by well under 0.01 cosine for typical spreads; reading them costs ~10 ms.
 */
const CHANCE_SAMPLE = 256;
/** A long file is read in at most this many parts (one model call each, plus one to combine). */
export const MAX_DOCUMENT_PARTS = 16;

export interface PackRequest {
  readonly question: string;
  readonly scope: AnswerScope;
  readonly budgetTokens: number;
  readonly maxPassages: number;
}

export interface BuiltPack {
  readonly pack: ContextPack;
  /** Document scope: the passages of each part, in order (one part when the file fits). */
  readonly parts: readonly ContextPassage[][];
  /** For people: the file was longer than the parts read. */
  readonly notice: string | null;
}

/** Builds context packs; keeps the chance-level sample of the searched vectors between questions. */
export class PackBuilder {
  private sample: { key: string; vectors: Float32Array[]; population: number } | null = null;

  constructor(
    private readonly options: {
      readonly store: () => Promise<PackStore>;
      readonly retrieve: (input: SearchQueryInput, signal?: AbortSignal) => Promise<Retrieval>;
      readonly getSettings: () => Settings;
    },
  ) {}

  build(request: PackRequest, signal: AbortSignal): Promise<BuiltPack> {
    return request.scope.kind === 'document'
      ? this.documentPack(request, request.scope.path)
      : this.searchPack(request, request.scope, signal);
  }

  private async searchPack(
    request: PackRequest,
    scope: Extract<AnswerScope, { kind: 'search' }>,
    signal: AbortSignal,
  ): Promise<BuiltPack> {
    const { result, query, searched } = await this.options.retrieve(
      {
        query: request.question,
        ...(scope.mode ? { mode: scope.mode } : {}),
        ...(scope.filters ? { filters: scope.filters } : {}),
        limit: SEARCH_FILES,
        perFile: SEARCH_PER_FILE,
      },
      signal,
    );
    const ranked = result.files.flatMap((f) => f.passages).sort((a, b) => b.score - a.score);
    const store = await this.options.store();
    const chunks = new Map((await store.getChunksByIds(ranked.map((p) => p.chunkId))).map((c) => [c.id, c]));
    const chance = query && searched ? await this.chanceLevel(store, query, searched) : null;
    const terms = contentTerms(request.question);
    const candidates: Candidate[] = [];
    for (const passage of ranked) {
      const chunk = chunks.get(passage.chunkId);
      if (!chunk) continue; // removed since the search
      const coverage = keywordCoverage(chunk.text, terms);
      const semantic = chance !== null && passage.similarity !== null && passage.similarity > chance.chance;
      const keyword = coverage >= KEYWORD_EVIDENCE;
      const evidence = semantic && keyword ? 'both' : semantic ? 'semantic' : keyword ? 'keyword' : 'weak';
      candidates.push({ chunk, similarity: passage.similarity, coverage, evidence });
    }
    const selection = selectPassages(candidates, request);
    const evidence = evidenceReport(candidates, chance, terms.length, this.sample?.population ?? 0);
    const pack: ContextPack = {
      question: request.question,
      scope: 'search',
      passages: selection.passages,
      budgetTokens: request.budgetTokens,
      usedTokens: selection.usedTokens,
      omitted: selection.omitted,
      evidence,
      parts: 1,
      search: { mode: result.mode, semantic: result.semantic.state, problem: result.semantic.problem },
      text: packText(request.question, selection.passages),
    };
    return { pack, parts: [selection.passages], notice: null };
  }

  private async documentPack(request: PackRequest, path: string): Promise<BuiltPack> {
    const store = await this.options.store();
    const file = await checkIndexedFile(store, this.options.getSettings().roots, path);
    const chunks = await store.getChunks(file.path);
    const all = documentParts(chunks, request.budgetTokens);
    const chosen = spread(all, MAX_DOCUMENT_PARTS);
    // Numbered again after any parts were left out, so citations run 1…n over what the model sees.
    let n = 1;
    const parts = chosen.map((part) => part.map((p) => ({ ...p, n: n++ })));
    const passages = parts.flat();
    const skipped = all.length - chosen.length;
    const name = basename(file.path);
    const notice =
      skipped > 0
        ? `${name} is ${all.length} parts long at this budget; ${chosen.length} parts spread through it were read (${Math.round((100 * chosen.length) / all.length)} %). Raise the context budget to read more of it.`
        : passages.length === 0
          ? `${name} has no text in the index.`
          : null;
    const pack: ContextPack = {
      question: request.question,
      scope: 'document',
      passages,
      budgetTokens: request.budgetTokens * Math.max(1, parts.length),
      usedTokens: passages.reduce((sum, p) => sum + p.tokens, 0),
      omitted: { budget: all.flat().length - passages.length, duplicates: 0, weak: 0 },
      evidence: NO_EVIDENCE_JUDGED,
      parts: parts.length,
      search: { mode: 'keyword', semantic: 'off', problem: null },
      text: packText(request.question, passages, name),
    };
    return { pack, parts, notice };
  }

  /** The chance level for this question, on a sample of the searched vectors kept until they change. */
  private async chanceLevel(store: PackStore, query: Float32Array, searched: Provenance): Promise<ChanceLevel | null> {
    const key = `${JSON.stringify(searched)}:${await store.dataVersion(searched)}`;
    if (this.sample?.key !== key) {
      const [vectors, population] = await Promise.all([
        store.sampleVectors(searched, CHANCE_SAMPLE),
        store.vectorRowCount(searched),
      ]);
      this.sample = { key, vectors, population };
    }
    return chanceLevel(query, this.sample.vectors, this.sample.population);
  }
}

function evidenceReport(
  candidates: readonly Candidate[],
  chance: ChanceLevel | null,
  termCount: number,
  population: number,
): EvidenceReport {
  const similarities = candidates.map((c) => c.similarity).filter((s): s is number => s !== null);
  const bestSimilarity = similarities.length > 0 ? Math.max(...similarities) : null;
  const bestCoverage = candidates.reduce((best, c) => Math.max(best, c.coverage), 0);
  const weak = !candidates.some((c) => c.evidence !== 'weak');
  let message: string | null = null;
  if (candidates.length === 0) {
    message = 'Nothing in the index matches this question.';
  } else if (weak) {
    const semantic =
      bestSimilarity !== null && chance
        ? `The closest passage has similarity ${bestSimilarity.toFixed(2)}, which the best of this index's ${population} passages reaches by chance (about ${chance.chance.toFixed(2)} for this question)`
        : 'No passage was compared by meaning (no vectors for this search)';
    const words = Math.round(bestCoverage * termCount);
    message = `${semantic}, and no passage holds half of the question's ${termCount} content ${termCount === 1 ? 'word' : 'words'} (best: ${words}). These passages are weak matches, so the model was not asked: it would have to invent an answer.`;
  }
  return {
    weak,
    bestSimilarity,
    chanceSimilarity: chance?.chance ?? null,
    bestCoverage,
    indexPassages: chance ? population : 0,
    sampled: chance?.sampled ?? 0,
    message,
  };
}

/** What "copy context" copies: the question, then the numbered passages with their citations. */
function packText(question: string, passages: readonly ContextPassage[], fileName?: string): string {
  const head = fileName ? `Question about ${fileName}: ${question.trim()}` : `Question: ${question.trim()}`;
  return passages.length === 0 ? head : `${head}\n\n${formatPassages(passages)}`;
}

/** At most `max` of `items`, evenly spread from first to last. */
function spread<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const picked = new Set<number>();
  for (let i = 0; i < max; i++) picked.add(Math.round((i * (items.length - 1)) / (max - 1)));
  return [...picked].sort((a, b) => a - b).map((i) => items[i] as T);
}
