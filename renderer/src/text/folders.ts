import type { IndexJob, IndexPhase, IndexProvenance } from '../../../shared';
import type { IndexAction } from '../pages/folders/use-index';
import { catalog } from './catalog';
import { formatNumber, plural } from './format';

const files = (n: number) => plural(n, { one: '# file', other: '# files' });

/** The Folders page: roots, the indexing job, files not indexed, the index, and re-embedding. */
const en = {
  title: 'Folders',
  lead: 'The folders Polyseek indexes. Files stay where they are; only text, positions and vectors go into the index.',
  readingSettings: 'Reading settings',
  readingIndex: 'Reading the index',
  actions: {
    'roots.add': 'Adding the folder',
    'roots.update': 'Saving the folder options',
    'roots.remove': 'Removing the folder',
    'index.start': 'Starting indexing',
    'index.pause': 'Pausing',
    'index.resume': 'Resuming',
    'index.cancel': 'Cancelling',
    'index.retry': 'Retrying',
  } satisfies Record<IndexAction, string>,
  empty: {
    title: 'No folders yet',
    body: 'Add a folder above. Polyseek crawls it, extracts and chunks the text, makes it keyword-searchable at once and adds vectors when the model is ready.',
  },

  add: {
    title: 'Add a folder',
    path: 'Folder path',
    placeholder: '/home/you/Documents',
    hint: 'An absolute path. Hidden files, node_modules, .git, build outputs and caches are skipped; files over 64 MB are listed, not read. Indexing starts at once.',
    submit: 'Add and index',
  },

  roots: {
    title: 'Indexed folders',
    folder: 'Folder',
    files: 'Files',
    chunks: 'Chunks',
    actions: 'Actions',
    missing: 'Missing — its index is kept. ',
    excludeCount: (n: number) => plural(n, { one: '# exclude glob', other: '# exclude globs' }),
    upTo: (size: string) => `up to ${size}`,
    mib: (mib: number) => `${formatNumber(mib, { maximumFractionDigits: 2 })} MiB`,
    linksAnywhere: 'links followed anywhere',
    linksInside: 'links followed inside',
    linksIgnored: 'links ignored',
    indexed: (n: number) => `${formatNumber(n)} indexed`,
    breakdown: (failed: number, skipped: number, pending: number) =>
      `${formatNumber(failed)} failed · ${formatNumber(skipped)} skipped · ${formatNumber(pending)} pending`,
    options: 'Options',
    remove: 'Remove',
  },

  editor: {
    label: (path: string) => `Options for ${path}`,
    include: 'Include globs',
    includeHint: 'One per line, relative to the folder; ** crosses folders.',
    exclude: 'Exclude globs',
    excludeHint: 'Matching folders are not entered at all.',
    cap: 'Largest file (MiB)',
    capHint: 'Larger files are listed as skipped.',
    capInvalid: 'A size between 0 and 4096 MiB.',
    links: 'Symbolic links',
    follow: 'Follow links (each file once, never in a loop)',
    outside: 'Let links lead outside the folder',
    save: 'Save options',
    close: 'Close',
  },

  job: {
    idleTitle: 'Indexing',
    phases: {
      recovering: 'Recovering',
      crawling: 'Looking for changes',
      indexing: 'Indexing',
      embedding: 'Adding vectors',
      optimizing: 'Optimizing',
    } satisfies Record<IndexPhase, string>,
    pausedSuffix: ' (paused)',
    endedTitle: (state: IndexJob['state']) => `Indexing: ${state}`,
    pause: 'Pause',
    resume: 'Resume',
    cancel: 'Cancel',
    start: 'Index now',
    watch: 'Watch for changes',
    stopWatching: 'Stop watching',
    watching: 'Watching the folders: changes are indexed within seconds.',
    keywordFirst: (why: string) => `Keyword search works now; vectors wait for the model: ${why}`,
    context: 'Indexing',
    nothingYet: 'Nothing has run in this session yet.',
    files: 'Files',
    vectors: 'Vectors',
    found: (n: number) => `${formatNumber(n)} found`,
    ofTotal: (done: number, total: number) => `${formatNumber(done)} of ${formatNumber(total)}`,
    unchanged: (n: number) => `${formatNumber(n)} unchanged`,
    failed: (n: number) => `${formatNumber(n)} failed`,
    filesWithVectors: (done: number, total: number) => `${formatNumber(done)} of ${files(total)} have them`,
    chunks: (written: number, encoded: number) =>
      `${formatNumber(written)} chunks written · ${formatNumber(encoded)} encoded`,
    tokensPerSecond: (rate: number) => `${formatNumber(Math.round(rate))} tokens/s`,
    awaiting: (n: number) => `${files(n)} await vectors`,
    now: 'Now:',
    resumeHint: 'Index now continues where a cancelled job stopped: finished files and vectors are kept.',
  },

  errors: {
    title: 'Files not indexed',
    retryAll: 'Retry all failed',
    file: 'File',
    reason: 'Reason',
    actions: 'Actions',
    skipped: 'skipped on purpose',
    retry: 'Retry',
    details: (format: string, size: string) => `${format} · ${size}`,
    showing: (shown: number, total: number) =>
      `Showing ${formatNumber(shown)} of ${formatNumber(total)}; \`polyseek index errors\` lists them all.`,
  },

  facts: {
    title: 'Index',
    size: 'Size on disk',
    files: 'Files',
    fileCounts: (indexed: number, failed: number, skipped: number, pending: number) =>
      `${formatNumber(indexed)} indexed · ${formatNumber(failed)} failed · ${formatNumber(skipped)} skipped · ${formatNumber(pending)} pending`,
    chunks: 'Chunks',
    vectors: 'Vectors',
    allVectors: 'Every indexed file has them',
    awaiting: (n: number, why: string | null) => `${files(n)} await vectors${why ? ` — ${why}` : ''}`,
    awaitingNew: (n: number) => `${files(n)} await vectors for the new settings; the current ones serve every file`,
    provenance: 'Provenance',
    noVectors: 'No vectors yet',
    searched: 'Searched vectors',
    alsoStored: 'Also stored',
    otherSet: (task: string, set: string) => `${task} · ${set}`,
    set: (rows: number, dims: number, floats: string, codes: string, ann: boolean) =>
      `${formatNumber(rows)} × ${formatNumber(dims)} dims · ${floats} float + ${codes} binary codes · ${ann ? 'ANN index' : 'exact search'}`,
    location: 'Location',
  },

  /** One provenance on one line: "jinaai/jina-embeddings-v3 · fp32 · retrieval.passage · 32 dims · prefix on · chunker v3". */
  provenance: (p: IndexProvenance) =>
    `${p.modelId} · ${p.precision} · ${p.task} · ${formatNumber(p.dims)} dims · prefix ${p.prefix ? 'on' : 'off'} · chunker v${p.chunkerVersion}`,

  reembed: {
    title: 'Re-embedding',
    serving: 'Searches use',
    making: 'Being made',
    pendingUnknown: 'For the current settings (made when the model loads)',
    bar: 'New vectors',
    progress: (left: number, total: number) =>
      total > 0 ? `${formatNumber(left)} of ${files(total)} to go` : `${files(left)} to go`,
    keepsServing:
      'The current vectors keep answering searches until every file has the new ones; then searches switch to them at once.',
    running: 'The re-embedding job is running (progress above).',
    paused: 'The re-embedding job is paused.',
    waiting: (why: string) => `Waiting for the model: ${why}`,
    stopped: 'No job is adding them now: Index now continues the re-embedding where it stopped.',
    changed: (fields: string) => `Changed since the serving vectors: ${fields}`,
    fieldNames: {
      modelChecksum: 'model weights',
      precision: 'model variant',
      task: 'passage adapter',
      prefix: 'instruction prefix',
      dims: 'dimensions',
      chunkerVersion: 'chunker',
      modelId: 'model',
    } satisfies Record<keyof IndexProvenance, string>,
    settingsLink: 'Plan settings changes in Settings',
  },
};

export type FoldersText = typeof en;
export const FOLDERS_TEXT: FoldersText = catalog({ en });
