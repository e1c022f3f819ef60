import type { EVIDENCE_KINDS, KeySource } from '../../../shared';
import { catalog } from './catalog';
import { formatList, formatNumber, plural } from './format';

type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

const sources = (n: number) => plural(n, { one: '# source', other: '# sources' });
const passages = (n: number) => plural(n, { one: '# passage', other: '# passages' });
const tokens = (n: number) => plural(n, { one: '# token', other: '# tokens' });
/** 850 ms, 1.7 s: milliseconds below a second, where "0 s" would say nothing. */
const duration = (ms: number) =>
  ms < 1000 ? `${formatNumber(Math.round(ms))} ms` : `${formatNumber(ms / 1000, { maximumFractionDigits: 1 })} s`;

/** Where the endpoint is (from `answer.status`). */
export type EndpointLocation = 'loopback' | 'private' | 'public';

/**
 * Answers: the Ask panel of the Search page (phases, the streamed answer, its sources, what to do when
 * no model is set up, the passages are weak or the model failed) and the Answers panel of Settings.
 */
const en = {
  ask: {
    action: 'Ask',
    actionHint: 'Answer this question from your documents, citing the passages (Ctrl+Enter or ⌘+Enter)',
    aboutFile: 'Ask about this file',
    aboutFileLabel: (name: string) => `Ask about this file, ${name}`,
    title: 'Answer',
    close: 'Close the answer',
    question: 'Question',
    aboutDocument: (name: string) => `about ${name}`,
    phases: {
      starting: 'Asking…',
      retrieving: 'Finding passages…',
      reading: (done: number, total: number) =>
        `Reading part ${formatNumber(Math.min(done + 1, total))} of ${formatNumber(total)}…`,
      generating: 'Writing the answer…',
      stopping: 'Stopping…',
    },
    status: {
      answered: (cited: number) =>
        cited === 0 ? 'Answered, without citing a source.' : `Answered, citing ${sources(cited)}.`,
      cancelled: 'Stopped. The answer so far is kept.',
      contextOnly: 'No model answered: the passages are ready to copy.',
      weak: 'The passages are weak matches, so the model was not asked.',
      failed: 'The model could not answer. The passages are below.',
      refused: 'The question could not be asked.',
      nothingFound: 'Nothing in the index matches this question.',
    },
    stopped: 'stopped',
    stop: 'Stop',
    stopLabel: 'Stop the answer',
    tryAgain: 'Try again',
    askAnyway: 'Ask anyway',
    askingContext: 'Asking',
    answeringContext: 'Answering',
    weakTitle: 'These passages are weak matches',
    weakFallback:
      'None of the passages is a better match than chance for this index, so an answer would likely be made up.',
    weakAdvice: 'Ask anyway to let the model try, or rephrase the question.',
    noModelFallback: 'No chat model is set up for answers, so these are the passages to read or copy.',
    noModelAdvice:
      'Copy them into a chat assistant you trust, or connect a model you run (Ollama, llama.cpp, LM Studio, vLLM).',
    connectModel: 'Connect a model in Settings → Answers',
    /** After a chat failure (CHAT_FAILED, TIMEOUT); other failures get the Search page's advice. */
    chatAdvice: (code: 'CHAT_FAILED' | 'TIMEOUT') =>
      code === 'TIMEOUT'
        ? 'The model took too long to start or paused too long. A large model loading into memory can take a minute: try again, or raise the timeout in Settings → Answers.'
        : 'Check that the model server is running and that the endpoint and model name are right in Settings → Answers.',
    goSettings: 'Open Settings → Answers',
    notASource: 'not a source',
    notASourceHint: (n: number) => `The answer cites [${formatNumber(n)}], but no source has that number.`,
    citeLabel: (n: number, citation: string) => `Source ${formatNumber(n)}: ${citation}`,
    answerLabel: 'The answer',
    facts: {
      model: (name: string, host: string) => `${name} at ${host}`,
      firstWords: (ms: number) => `first words after ${duration(ms)}`,
      total: (ms: number) => `${duration(ms)} in all`,
      tokens: (prompt: number, completion: number) =>
        `${tokens(prompt)} sent, ${plural(completion, { one: '# written', other: '# written' })}`,
    },
    factsLabel: 'How this answer was made',
  },

  sources: {
    title: 'Sources',
    listLabel: 'Sources',
    summary: (n: number, used: number, budget: number) =>
      `${passages(n)}, ${tokens(used)} of the ${formatNumber(budget)}-token budget.`,
    omitted: (budget: number, duplicates: number, weak: number) => {
      const parts = [
        budget > 0 && `${passages(budget)} over the budget`,
        duplicates > 0 && `${plural(duplicates, { one: '# duplicate', other: '# duplicates' })}`,
        weak > 0 && `${plural(weak, { one: '# weak match', other: '# weak matches' })}`,
      ].filter((part): part is string => typeof part === 'string');
      return parts.length > 0 ? `Left out: ${formatList(parts)}.` : '';
    },
    parts: (n: number) => `Read in ${plural(n, { one: '# part', other: '# parts' })}.`,
    keywordOnly: 'Found by exact words only: searching by meaning was not available.',
    showAll: 'Show the whole passage',
    showAllSources: (n: number) => `Show all ${sources(n)}`,
    showLess: 'Show less',
    alsoIn: (paths: readonly string[]) => `The same text is also in ${formatList(paths)}.`,
    cited: 'cited',
    evidence: {
      both: 'meaning and words',
      semantic: 'meaning',
      keyword: 'exact words',
      weak: 'weak match',
      document: 'from the file',
    } satisfies Record<EvidenceKind, string>,
    evidenceHint: {
      both: 'Closer in meaning than chance, and it holds words of the question.',
      semantic: 'Closer in meaning than chance for this index.',
      keyword: 'Holds words of the question.',
      weak: 'Neither clearly close in meaning nor holding the question’s words.',
      document: 'Part of the file the question is about.',
    } satisfies Record<EvidenceKind, string>,
    copy: 'Copy context',
    copied: 'Copied',
    copyFailed: 'This browser did not allow copying. Select the text below and copy it.',
    contextLabel: 'The context pack, as text',
  },

  settings: {
    title: 'Answers',
    intro:
      'Ask answers with a chat model you run, through its OpenAI-compatible API; the passages it reads are sent to that endpoint. Without one, Ask shows the passages ready to copy.',
    baseUrl: 'Endpoint (base URL)',
    baseUrlHint: 'Including /v1. Leave empty to answer with passages only.',
    examplesLabel: 'Examples:',
    examplesGroup: 'Fill in the usual address of',
    examples: [
      { name: 'Ollama', url: 'http://127.0.0.1:11434/v1' },
      { name: 'llama.cpp server', url: 'http://127.0.0.1:8080/v1' },
      { name: 'LM Studio', url: 'http://127.0.0.1:1234/v1' },
      { name: 'vLLM', url: 'http://127.0.0.1:8000/v1' },
    ],
    exampleLabel: (name: string, url: string) => `${name}: ${url}`,
    model: 'Model',
    modelHint: 'The name the endpoint knows, such as llama3.1:8b or qwen2.5:7b-instruct.',
    check: 'Check connection',
    checking: 'Checking…',
    checkContext: 'Checking the connection',
    checkSavedFirst: 'Save the endpoint and model first: the check uses the saved settings.',
    checkNeedsEndpoint: 'Set an endpoint and save it to check the connection.',
    reachable: (ms: number, models: number) =>
      `Reachable in ${formatNumber(Math.round(ms))} ms; it lists ${plural(models, { one: '# model', other: '# models' })}.`,
    modelListed: (model: string) => `${model} is among them.`,
    modelNotListed: (model: string) => `It does not list ${model}: pick one below, or check the name.`,
    modelsLabel: 'Models this endpoint lists',
    modelsPick: 'Pick one:',
    useModel: (name: string) => `Use ${name}`,
    contextTokens: 'Context budget (tokens)',
    contextTokensHint:
      'Passages sent with each question. 3,000 leaves room for the answer in the 4K–8K windows small local models default to; raise it for long-context models.',
    maxAnswerTokens: 'Longest answer (tokens)',
    maxAnswerTokensHint: 'The most the model may write per answer.',
    temperature: 'Temperature',
    temperatureHint: 'From 0 to 2; low keeps answers close to the passages.',
    timeout: 'Timeout (seconds)',
    timeoutHint:
      'How long to wait for the first words and for each pause after them. A model loading into memory can take a minute.',
    location: {
      loopback: (host: string) => `${host} is this machine: the passages stay here.`,
      private: (host: string) =>
        `Passages from your documents will be sent to ${host}, another machine on your local network.`,
      public: (host: string) =>
        `Passages from your documents will be sent to ${host}, outside your network. Use only an endpoint you trust with them.`,
    } satisfies Record<EndpointLocation, (host: string) => string>,
    statusContext: 'Reading the answer settings',
    urlFormat: 'A web address starting with http:// or https://, such as http://127.0.0.1:11434/v1.',
    tooLong: (max: number) => `At most ${formatNumber(max)} characters.`,
  },

  key: {
    title: 'API key for answers',
    intro:
      'Most local servers need none. The key is never written to the settings file and never shown again after saving.',
    label: 'API key',
    hint: 'Printable characters without spaces.',
    save: 'Save key',
    saving: 'Saving…',
    forget: 'Forget key',
    context: 'Saving the key',
    forgetContext: 'Forgetting the key',
    none: 'No key is stored.',
    stored: {
      keychain: 'A key is stored, encrypted with the OS keychain, and kept across restarts.',
      session: 'A key is held in memory for this session only: it is forgotten when Polyseek stops.',
      environment: 'A key comes from the POLYSEEK_ANSWER_API_KEY environment variable.',
    } satisfies Record<KeySource, string>,
    saved: {
      keychain: 'Key saved in the OS keychain.',
      session: 'Key saved for this session.',
      environment: 'Key saved.',
    } satisfies Record<KeySource, string>,
    forgotten: 'Key forgotten.',
    environmentStays: 'The key from POLYSEEK_ANSWER_API_KEY is still used: unset that variable to stop sending a key.',
    noKeychain: 'No OS keychain is available here: a key saved now lasts until Polyseek stops.',
    reading: 'Reading the key status…',
  },
};

export type AnswersText = typeof en;
export const ANSWERS_TEXT: AnswersText = catalog({ en });

/** The host of an endpoint URL for sentences ("192.168.1.20:11434"); the URL itself when it does not parse. */
export function endpointHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
