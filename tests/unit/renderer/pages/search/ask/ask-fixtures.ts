import {
  ContextPackSchema,
  type AnswerOutcome,
  type AnswerProgress,
  type ContextPack,
  type ContextPassage,
} from '../../../../../../shared';

/** A passage numbered `n`, with `over` replacing any field. */
export const passage = (n: number, over: Partial<ContextPassage> = {}): ContextPassage => ({
  n,
  chunkIds: [`c${n}`],
  path: `/docs/file-${n}.txt`,
  name: `file-${n}.txt`,
  alsoIn: [],
  page: null,
  pageEnd: null,
  line: n,
  lineEnd: n + 3,
  section: null,
  headings: [],
  language: 'en',
  citation: `file-${n}.txt, lines ${n}–${n + 3}`,
  text: `Passage ${n} says something.`,
  tokens: 6,
  similarity: 0.5,
  keywordCoverage: 0.5,
  evidence: 'both',
  ...over,
});

/** A pack of passages 1…count, checked against the contract. */
export const pack = (count: number, over: Partial<ContextPack> = {}): ContextPack =>
  ContextPackSchema.parse({
    question: 'what rights?',
    scope: 'search',
    passages: Array.from({ length: count }, (_, i) => passage(i + 1)),
    budgetTokens: 3000,
    usedTokens: 6 * count,
    omitted: { budget: 0, duplicates: 0, weak: 0 },
    evidence: {
      weak: false,
      bestSimilarity: 0.5,
      chanceSimilarity: 0.3,
      bestCoverage: 0.5,
      indexPassages: 100,
      sampled: 100,
      message: null,
    },
    parts: 1,
    search: { mode: 'hybrid', semantic: 'used', problem: null },
    text: 'Question: what rights?\n[1] file-1.txt …',
    ...over,
  });

/** How an ask ended, with `over` replacing any field. */
export const outcome = (askId: string, over: Partial<AnswerOutcome> = {}): AnswerOutcome => ({
  askId,
  status: 'answered',
  answer: '',
  citations: [],
  unknownCitations: [],
  model: { baseUrl: 'http://127.0.0.1:11434/v1', name: 'llama3' },
  usage: null,
  finishReason: 'stop',
  timings: { retrieveMs: 12, firstTokenMs: 300, totalMs: 1500 },
  error: null,
  notice: null,
  ...over,
});

/** The `answer.progress` events of one ask, by kind. */
export const events = {
  phase: (askId: string, phase: 'retrieving' | 'reading' | 'generating', done = 0, total = 0): AnswerProgress => ({
    askId,
    type: 'phase',
    phase,
    done,
    total,
  }),
  context: (askId: string, contextPack: ContextPack): AnswerProgress => ({ askId, type: 'context', pack: contextPack }),
  delta: (askId: string, text: string): AnswerProgress => ({ askId, type: 'delta', text }),
  end: (askId: string, over: Partial<AnswerOutcome> = {}): AnswerProgress => ({
    askId,
    type: 'end',
    outcome: outcome(askId, over),
  }),
};
