import type { DupePair, ExploreJobSummary, ExploreKind, ExploreScope } from '../../../shared';
import { catalog } from './catalog';
import { formatList, formatNumber, plural } from './format';

const files = (n: number) => plural(n, { one: '# file', other: '# files' });
const passages = (n: number) => plural(n, { one: '# passage', other: '# passages' });
const percent = (share: number) => formatNumber(share, { style: 'percent', maximumFractionDigits: 0 });
/** Cosines near 1 differ in the second and third decimals. */
const similarity = (value: number) => formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
const bytes = (n: number) =>
  n < 1024
    ? plural(n, { one: '# byte', other: '# bytes' })
    : n < 1024 * 1024
      ? `${formatNumber(n / 1024, { maximumFractionDigits: 1 })} KB`
      : `${formatNumber(n / 1024 / 1024, { maximumFractionDigits: 1 })} MB`;

const kinds = { dupes: 'Duplicates', topics: 'Topic map' } satisfies Record<ExploreKind, string>;

/** "all folders", "folder /a/b", "3 files": what a job looked at. */
function scopeWords(scope: ExploreScope | undefined): string {
  const parts: string[] = [];
  if (scope?.roots?.length) parts.push(`${scope.roots.length === 1 ? 'folder' : 'folders'} ${formatList(scope.roots)}`);
  if (scope?.folders?.length) parts.push(`below ${formatList(scope.folders)}`);
  if (scope?.files?.length) parts.push(files(scope.files.length));
  return parts.length > 0 ? parts.join(', ') : 'all folders';
}

/**
 * The engine's chance level is an extreme-value estimate (mean + sd·√(2 ln n)) and can pass 1 where every
 * passage is near every other; a cosine above 1 would read as a mistake.
 */
const chanceWords = (chance: number) => (chance > 1 ? 'above 1' : similarity(chance));

/** What a job was asked beyond its defaults, to tell apart jobs over the same files. */
function settingWords(input: ExploreJobSummary['input']): string[] {
  const words: string[] = [];
  if ('threshold' in input && input.threshold !== undefined) words.push(`threshold ${similarity(input.threshold)}`);
  if ('k' in input && input.k !== undefined) words.push(plural(input.k, { one: '# cluster', other: '# clusters' }));
  if ('seed' in input && input.seed !== undefined && input.seed !== 1) words.push(`seed ${String(input.seed)}`);
  return words;
}

/**
 * The Explore page: the duplicates finder (text-matching), the topic map (separation), the job list,
 * the pair comparison, the map's legend and the search within a selection.
 */
const en = {
  title: 'Explore',
  lead: 'Which of your files say the same thing, and what a folder is about: duplicates and a map of topics, computed on this machine.',
  licenceNote:
    'Both jobs encode your passages with the model: they need the model licence (Settings). Exact copies are still found by their bytes.',
  percent,
  similarity,
  files,
  passages,
  bytes,
  kinds,

  scope: {
    legend: 'Look at',
    all: 'All indexed folders',
    root: 'One indexed folder',
    rootLabel: 'Indexed folder',
    noRoots: 'No folders are indexed yet: add one on the Folders page.',
    folder: 'A folder inside them',
    folderLabel: 'Folder path',
    folderPlaceholder: '/home/you/Documents/reports',
    folderProblem: 'An absolute path inside an indexed folder, such as /home/you/Documents/reports.',
  },

  dupesForm: {
    title: 'Find duplicates',
    hint: 'Files with the same bytes first, then files whose passages say the same thing (text-matching vectors, compared with their nearest neighbours).',
    threshold: 'Similarity threshold',
    thresholdPlaceholder: 'automatic',
    thresholdHint:
      'Empty: automatic — 0.9, raised to the similarity unrelated passages of these files reach by chance. Or a cosine from 0.5 to 1: lower finds looser paraphrases and translations.',
    thresholdProblem: 'Empty for automatic, or a number from 0.5 to 1, such as 0.9.',
    start: 'Find duplicates',
    context: 'Starting the duplicates job',
  },

  topicsForm: {
    title: 'Map topics',
    hint: 'Groups documents by topic (separation vectors, k-means), places them on a 2-D map (UMAP) and names each group by its most distinctive words.',
    k: 'Clusters',
    kHint: 'auto chooses the number by silhouette; or a whole number from 2 to 200.',
    kProblem: 'auto, or a whole number from 2 to 200.',
    seed: 'Seed',
    seedHint: 'The same seed draws the same map.',
    seedProblem: 'A whole number from 0 to 2147483647.',
    start: 'Map topics',
    context: 'Starting the topic map',
  },

  starting: 'Starting…',

  jobs: {
    title: 'Jobs',
    listLabel: 'Explore jobs',
    emptyTitle: 'No Explore jobs yet',
    empty: 'Start one above: duplicates or a topic map. Results are kept, so you can come back to them here.',
    reading: 'Reading the Explore jobs',
    name: (job: Pick<ExploreJobSummary, 'kind' | 'input'>) =>
      [kinds[job.kind], scopeWords(job.input.scope), ...settingWords(job.input)].join(' · '),
    states: {
      queued: 'queued',
      running: 'running',
      done: 'done',
      failed: 'failed',
      cancelled: 'cancelled',
    } satisfies Record<ExploreJobSummary['state'], string>,
    about: (job: Pick<ExploreJobSummary, 'files' | 'encoded'>) =>
      job.encoded > 0 ? `${files(job.files)}, ${passages(job.encoded)} encoded` : files(job.files),
    progressLabel: (name: string) => `Progress of ${name}`,
    progress: (job: Pick<ExploreJobSummary, 'done' | 'total'>) =>
      job.total > 0 ? `${formatNumber(job.done)} of ${formatNumber(job.total)}` : 'starting',
    cancel: 'Cancel',
    cancelLabel: (name: string) => `Cancel ${name}`,
    /** Cancel was accepted: the job stops at its next check (one batch of passages, seconds with a large model). */
    cancelling: 'Cancelling…',
    cancellingLabel: (name: string) => `Cancelling ${name}`,
    cancelContext: 'Cancelling the job',
    view: 'Show',
    viewLabel: (name: string) => `Show the results of ${name}`,
    shown: 'Shown below',
    cancelledHint: 'The passages it encoded are kept: starting the same job again continues from there.',
    failedContext: 'The job failed',
  },

  report: {
    reading: 'Reading the results',
    loading: 'Reading the results…',
    running: 'Results appear here when the job is done.',
    cancelled: 'No results: this job was cancelled before it finished.',
    failed: 'No results: this job failed (the list above says why).',
    none: 'This job ended without results.',
    synthetic: (preset: string) =>
      `These results come from a synthetic test model (${preset}, random weights): its similarities mean nothing. Exact copies (same bytes) are real.`,
  },

  dupes: {
    title: (name: string) => `Results: ${name}`,
    facts: (report: {
      files: number;
      passages: number;
      threshold: number;
      autoThreshold: boolean;
      chance: number | null;
    }) =>
      `${files(report.files)}, ${passages(report.passages)} compared at similarity ≥ ${similarity(report.threshold)}` +
      (report.autoThreshold
        ? report.chance === null
          ? ' (automatic).'
          : ` (automatic: chance level ${chanceWords(report.chance)}).`
        : '.'),
    nearUnavailable: (reason: string) =>
      `Only exact copies were looked for: near-duplicates need the model (${reason}). Exact copies need no model.`,
    belowChance: (threshold: number, chance: number) =>
      `The threshold ${similarity(threshold)} is below the similarity unrelated passages of these files reach by chance (${chanceWords(chance)}): passages match at it that say different things, so files here may not be duplicates. Leave the threshold empty to have it chosen.`,
    translations:
      'Translations of the same document are listed as near-duplicates by design: the text-matching model compares meaning across languages.',
    exactTitle: 'Exact duplicates',
    exactHint: 'Files with identical bytes.',
    exactNone: 'No two files have the same bytes.',
    exactGroup: (n: number, size: number) => `${files(n)}, ${bytes(size)} each`,
    nearTitle: 'Near-duplicates',
    nearHint: 'Files most of whose passages match each other (or one contained in the other).',
    nearNone: 'No near-duplicates at this threshold.',
    nearGroup: (index: number, n: number) => `Group ${formatNumber(index + 1)}: ${files(n)}`,
    sharedTitle: 'Sharing passages',
    sharedHint: 'Files with some passages in common, but not enough to be near-duplicates.',
    sharedNone: 'No other files share passages.',
    groupFiles: (name: string) => `Files of ${name}`,
    pairsLabel: (name: string) => `Pairs of ${name}`,
    relation: {
      near: 'near-duplicate',
      contained: 'contained',
      shared: 'shares passages',
    } satisfies Record<DupePair['relation'], string>,
    translation: 'translation',
    translationHint: 'The two files are in different languages.',
    pairFacts: (pair: DupePair) =>
      `similarity ${similarity(pair.similarity)} · ${percent(pair.shareA)} and ${percent(pair.shareB)} of their passages match (${passages(pair.matchedPassages)})`,
    allPairs: (n: number) => `Show all ${formatNumber(n)} pairs`,
    fewerPairs: 'Show fewer pairs',
    compare: 'Compare',
    compareLabel: (a: string, b: string) => `Compare ${a} and ${b}`,
    open: 'Open',
    openLabel: (name: string) => `Open ${name}`,
  },

  pair: {
    title: (a: string, b: string) => `${a} ↔ ${b}`,
    loading: 'Reading the two files…',
    reading: 'Reading the pair',
    close: 'Close the comparison',
    passagesLabel: 'Matched passages, side by side',
    similarity: (value: number) => `similarity ${similarity(value)}`,
    changedKey: 'Highlighted: words the other file does not have.',
    crossLanguage: 'The files are in different languages: passages are shown whole, without word differences.',
    none: 'No passages to show.',
    /** The engine's words for where a passage is ("p. 3", "passage 2 — Preamble"), else its number. */
    passage: (ordinal: number, location: string) => location || `Passage ${formatNumber(ordinal + 1)}`,
    onlyChanged: 'Only passages with differences',
    shownCount: (shown: number, all: number) =>
      shown === all ? passages(all) : `${passages(shown)} of ${formatNumber(all)} differ; the others are identical.`,
  },

  topics: {
    title: (name: string) => `Results: ${name}`,
    facts: (report: { documents: number; k: number; autoK: boolean; silhouette: number | null; seed: number }) =>
      [
        plural(report.documents, { one: '# document', other: '# documents' }),
        plural(report.k, { one: '# cluster', other: '# clusters' }) + (report.autoK ? ' (chosen by silhouette)' : ''),
        ...(report.silhouette === null ? [] : [`silhouette ${similarity(report.silhouette)}`]),
        `seed ${String(report.seed)}`,
      ].join(' · '),
    mapLabel: (documents: number, clusters: number) =>
      `Topic map of ${plural(documents, { one: '# document', other: '# documents' })} in ${plural(clusters, { one: '# cluster', other: '# clusters' })}. The cluster list below offers the same by keyboard.`,
    loadingPoints: (count: number, total: number) =>
      `Drawing the map: ${formatNumber(count)} of ${formatNumber(total)} documents…`,
    pointsFailed: 'Reading the map’s points',
    controls: 'Map controls',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    reset: 'Fit the map',
    lasso: 'Lasso',
    lassoHint: 'Lasso on: drag around documents to select them. Off: drag to move the map, scroll to zoom.',
    mapHint: 'Hover a point to see its file, click it to open the file, scroll to zoom, drag to move.',
    cluster: (id: number) => `Cluster ${formatNumber(id + 1)}`,
    clusterTerms: (id: number, terms: readonly string[]) =>
      terms.length > 0 ? `Cluster ${formatNumber(id + 1)}: ${terms.join(', ')}` : `Cluster ${formatNumber(id + 1)}`,
    legendTitle: 'Clusters',
    legendLabel: 'Clusters, with their most distinctive words',
    legendSize: (n: number) => plural(n, { one: '# document', other: '# documents' }),
    byLanguage: 'Words per language',
    languageTerms: (language: string, n: number) => `${language} (${passages(n)})`,
    select: 'Select',
    selectLabel: (id: number) => `Select the documents of cluster ${formatNumber(id + 1)}`,
    noTerms: 'no distinctive words',
  },

  selection: {
    title: (n: number) => plural(n, { one: 'Search within this file', other: 'Search within these # files' }),
    from: { lasso: 'drawn with the lasso', cluster: (id: number) => `cluster ${formatNumber(id + 1)}` },
    summary: (n: number, from: string) => `${files(n)} selected (${from}).`,
    clear: 'Clear the selection',
    label: (n: number) => plural(n, { one: 'Search within this file', other: 'Search within these # files' }),
    placeholder: 'Words or a question',
    submit: 'Search',
    searching: 'Searching…',
    context: 'Searching within the selection',
    tooMany: (max: number) => `Only the first ${files(max)} are searched.`,
    resultsLabel: 'Results within the selection',
    none: 'Nothing found in these files.',
    found: (n: number, total: number) =>
      n === total ? `${files(n)} found.` : `${files(n)} shown of ${formatNumber(total)} found.`,
    empty: 'Draw a lasso on the map or select a cluster to search within its files.',
    dupes: (n: number) =>
      plural(n, { one: 'Find duplicates of this file', other: 'Find duplicates among these # files' }),
    dupesHint: 'Starts a duplicates job over the selection; its results replace the map (reopen it from Jobs).',
    dupesContext: 'Starting duplicates over the selection',
  },
};

export type ExploreText = typeof en;
export const EXPLORE_TEXT: ExploreText = catalog({ en });
