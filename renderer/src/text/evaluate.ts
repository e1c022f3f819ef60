import type { EvalCell, EvalRunSummary, Metric, SearchMode } from '../../../shared';
import { catalog } from './catalog';
import { formatList, formatNumber, plural } from './format';

const cells = (n: number) => plural(n, { one: '# cell', other: '# cells' });
const queries = (n: number) => plural(n, { one: '# query', other: '# queries' });
const documents = (n: number) => plural(n, { one: '# document', other: '# documents' });
/** Metrics are fractions: three decimals tell settings apart without false precision. */
const metric = (value: number) => formatNumber(value, { minimumFractionDigits: 3, maximumFractionDigits: 3 });
/** 850 ms, 4.2 s. */
const duration = (ms: number) =>
  ms < 1000 ? `${formatNumber(Math.round(ms))} ms` : `${formatNumber(ms / 1000, { maximumFractionDigits: 1 })} s`;

/** The grid axes, as the form and the messages name them. */
export type GridAxis = 'modes' | 'queryTasks' | 'passageTasks' | 'dims' | 'precisions' | 'prefixes';

/**
 * The Evaluate page (a run's settings, the run list with live progress, the report with its charts,
 * table, per-query drill-down and exports) and the judging mode of the Search page.
 */
const en = {
  title: 'Evaluate',
  lead: 'Measure how well settings retrieve on a labelled dataset: adapters, dimensions, precision and modes side by side.',
  licenceNote: 'Semantic and hybrid cells need the model licence (Settings); keyword cells run without it.',
  metric,
  duration,

  form: {
    title: 'New run',
    open: 'New run…',
    close: 'Hide the form',
    dataset: 'Dataset',
    beir: 'A BEIR-format folder',
    beirHint:
      'corpus.jsonl, queries.jsonl and qrels/<split>.tsv (BEIR/MTEB format). Its documents are indexed into a store of their own; your folders are not touched.',
    folder: 'Dataset folder',
    folderPlaceholder: '/home/you/datasets/scifact',
    folderProblem: 'An absolute folder path, such as /home/you/datasets/scifact.',
    split: 'Split',
    splitHint: 'Which qrels file to use; empty means test.',
    testset: 'A test set from your index',
    testsetHint: 'Queries whose results you graded on the Search page, run against your index as it is.',
    testsetLabel: 'Test set',
    testsetOption: (name: string, n: number) => `${name} (${queries(n)})`,
    noTestsets: 'No test sets yet: turn on “Judge for a test set” on the Search page and grade a few results.',
    testsetProblem: 'Choose a test set.',
    grid: 'Settings to compare',
    gridHint: 'Every combination is one cell. Keyword cells use no vectors, so keyword counts as one cell.',
    axes: {
      modes: 'Modes',
      queryTasks: 'Query adapters',
      passageTasks: 'Passage adapters',
      dims: 'Dimensions',
      precisions: 'Precisions',
      prefixes: 'Instruction prefix',
    } satisfies Record<GridAxis, string>,
    modes: { hybrid: 'Hybrid', semantic: 'Semantic', keyword: 'Keyword' } satisfies Record<SearchMode, string>,
    dimsOffered: (width: number) => `The sizes this model offers (it is ${formatNumber(width)} dimensions wide).`,
    dimsUnknown: 'The model’s sizes could not be read: sizes beyond its width are skipped with the reason.',
    prefixOn: 'With prefix',
    prefixOff: 'Without prefix',
    axisEmpty: (axis: string) => `Choose at least one: ${axis}.`,
    cellCount: (n: number) => `${cells(n)} in this run.`,
    tooMany: (n: number, max: number) =>
      `${cells(n)}: at most ${formatNumber(max)} run at once. Untick some settings, or split the study into several runs.`,
    bootstrap: 'Bootstrap samples',
    bootstrapHint: 'Resamples for the 95 % confidence intervals; 0 for none.',
    bootstrapProblem: (max: number) => `A whole number from 0 to ${formatNumber(max)}.`,
    label: 'Label',
    labelHint: 'Optional: the run’s name in the list.',
    labelProblem: (max: number) => `At most ${formatNumber(max)} characters.`,
    start: 'Start run',
    starting: 'Starting…',
    startContext: 'Starting the run',
  },

  runs: {
    title: 'Runs',
    emptyTitle: 'No evaluation runs yet',
    empty:
      'Start one above: point it at a BEIR-format dataset (or a test set you graded on the Search page) and choose the settings to compare. Runs are saved, and can be stopped and resumed.',
    reading: 'Reading the runs',
    listLabel: 'Evaluation runs',
    name: (summary: Pick<EvalRunSummary, 'label' | 'datasetName'>) => summary.label ?? summary.datasetName,
    about: (summary: EvalRunSummary) =>
      `${summary.datasetName} · ${documents(summary.documents)} · ${queries(summary.queries)} · ${cells(summary.cells)}`,
    states: {
      queued: 'queued',
      running: 'running',
      paused: 'interrupted',
      done: 'done',
      cancelled: 'cancelled',
      failed: 'failed',
    } satisfies Record<EvalRunSummary['state'], string>,
    progressLabel: (name: string) => `Progress of ${name}`,
    progress: (summary: Pick<EvalRunSummary, 'cellsDone' | 'cells' | 'done' | 'total'>) =>
      `${formatNumber(summary.cellsDone)} of ${cells(summary.cells)} done · ${formatNumber(summary.done)} / ${formatNumber(summary.total)} steps`,
    cellsDone: (done: number, total: number) => `${formatNumber(done)} of ${cells(total)} done`,
    view: 'Show report',
    viewLabel: (name: string) => `Show report of ${name}`,
    shown: 'shown below',
    cancel: 'Cancel',
    cancelLabel: (name: string) => `Cancel ${name}`,
    /** Cancel was accepted: the run stops after the query it is on (seconds or more with a large model). */
    cancelling: 'Cancelling…',
    cancellingLabel: (name: string) => `Cancelling ${name}`,
    resume: 'Resume',
    resumeLabel: (name: string) => `Resume ${name}`,
    actions: { cancel: 'Cancelling the run', resume: 'Resuming the run' },
    resumeHint: 'Finished cells and encoded vectors are kept: Resume continues where it stopped.',
    failedContext: 'The run',
  },

  report: {
    title: (name: string) => `Report: ${name}`,
    reading: 'Reading the report',
    loading: 'Reading the report…',
    facts: {
      dataset: 'Dataset',
      datasetValue: (summary: EvalRunSummary) =>
        `${summary.datasetName} (${documents(summary.documents)}, ${queries(summary.queries)} judged)`,
      state: 'State',
      started: 'Started',
      finished: 'Finished',
      model: 'Model',
      encoding: 'Encoding',
      encodingValue: (entries: readonly (readonly [string, number])[]) =>
        formatList(entries.map(([key, ms]) => `${key.replaceAll('|', ', ')}: ${duration(ms)}`)),
      best: 'Best cell',
    },
    synthetic: (preset: string) =>
      `These vectors come from a synthetic test model (${preset}, random weights): the numbers check the pipeline, they are not semantic quality.`,
    stillRunning: 'This run is still going: the report fills in as cells finish.',
    interrupted: 'This run stopped before the end. Resume it from the list above to finish the remaining cells.',
    warnings: (n: number) =>
      plural(n, { one: '# note from loading the dataset', other: '# notes from loading the dataset' }),
    noBest: 'none yet',
    noneDone: 'No cell has finished yet: the charts are drawn as cells finish.',
  },

  charts: {
    dimsTitle: 'nDCG@10 by dimensions',
    dimsHint: 'One line per mode, adapters, precision and prefix; keyword search uses no vectors, so it is flat.',
    dimsAxis: 'Dimensions',
    recallTitle: 'Recall curves',
    recallHint: 'Recall@k for k = 1…100 of the cells ticked in the table below (the five best at first).',
    recallAxis: 'k (documents retrieved)',
    noneSelected: 'Tick cells in the table to draw their curves.',
    noDims: 'No cell with vectors has finished: keyword search has no dimensions to draw against.',
    loadFailed: 'The chart could not be drawn; the table below has every number.',
    dimsSummary: (series: number, points: number, best: string | null) =>
      `Line chart of nDCG@10 against dimensions: ${plural(series, { one: '# line', other: '# lines' })}, ${plural(points, { one: '# size', other: '# sizes' })}.${best ? ` Highest: ${best}.` : ''} The table below lists every value.`,
    recallSummary: (parts: readonly string[]) =>
      `Line chart of Recall@k for k from 1 to 100. ${parts.join(' ')} The table below lists Recall@10 and Recall@100 of every cell.`,
    recallAt: (label: string, at10: number, at100: number) =>
      `${label}: ${metric(at10)} at k = 10, ${metric(at100)} at k = 100.`,
    highest: (label: string, dims: number, value: number) =>
      `${label} at ${formatNumber(dims)} dimensions, ${metric(value)}`,
    keywordSeries: 'keyword (no vectors)',
  },

  table: {
    title: 'Every cell',
    caption: 'Means over the judged queries; nDCG@10 with its 95 % bootstrap interval. ★ marks the best cell.',
    setting: 'Setting',
    metrics: {
      ndcg10: 'nDCG@10',
      recall10: 'R@10',
      recall100: 'R@100',
      mrr10: 'MRR@10',
      map: 'MAP',
    } satisfies Record<Metric, string>,
    ms: 'ms/query',
    state: 'State',
    inChart: 'Chart',
    inChartLabel: (label: string) => `Draw ${label} in the recall chart`,
    sortBy: (column: string) => `Sort by ${column}`,
    best: '★ Best',
    interval: (low: number, high: number) => `${metric(low)}–${metric(high)}`,
    intervalLabel: (low: number, high: number) => `95 % interval ${metric(low)} to ${metric(high)}`,
    msValue: (ms: number) => formatNumber(ms, { maximumFractionDigits: ms < 10 ? 1 : 0 }),
    cellStates: {
      pending: 'waiting',
      running: 'running…',
      done: 'done',
      skipped: 'skipped',
      failed: 'failed',
    } satisfies Record<EvalCell['state'], string>,
    noVectors: 'no vectors',
    prefix: 'prefix',
    noPrefix: 'no prefix',
    dims: (n: number) => `${formatNumber(n)} dims`,
    queriesNote: (n: number) => queries(n),
  },

  drill: {
    title: 'Per query',
    hint: 'Pick a query to see its metrics in every cell and each cell’s first ten documents with their grades. Cells are in the order of the table above.',
    query: 'Query',
    option: (id: string, text: string, relevant: number) =>
      `${id}: ${text.length > 90 ? `${text.slice(0, 89)}…` : text} (${plural(relevant, { one: '# relevant', other: '# relevant' })})`,
    none: 'No query has results yet.',
    metricsCaption: (id: string) => `Metrics of query ${id} in each cell`,
    topTitle: 'First ten documents per cell',
    topLabel: (label: string) => `First ten documents of ${label}`,
    grade: (grade: number) => `grade ${formatNumber(grade)}`,
    unjudged: 'not judged',
    relevantFound: (found: number, relevant: number) =>
      `${formatNumber(found)} of ${formatNumber(relevant)} relevant in the first ten`,
  },

  exports: {
    label: 'Export',
    csv: 'CSV',
    csvHint: 'One row per cell: settings, means, intervals, timing',
    queriesCsv: 'Per-query CSV',
    queriesCsvHint: 'One row per query and cell',
    json: 'JSON',
    jsonHint: 'The whole report, as the engine saved it',
    saved: (name: string) => `Saved ${name} to your downloads.`,
  },

  judge: {
    toggle: 'Judge for a test set',
    toggleHint: 'Grade results for the query to build a test set of your own; the Evaluate page runs it.',
    testSet: 'Test set',
    testSetHint: 'Choose one or type a new name.',
    testSetProblem: '1–80 letters, digits, spaces, _ . or -, starting with a letter or digit.',
    defaultName: 'my-test-set',
    forQuery: (query: string, graded: number) =>
      `${plural(graded, { one: '# file graded', other: '# files graded' })} for “${query}”.`,
    typeQuery: 'Search for something, then grade the results.',
    groupLabel: (name: string) => `Grade of ${name} for this query`,
    grades: ['not relevant', 'relevant', 'highly relevant', 'perfect'] as const,
    gradeLabel: (grade: number, meaning: string) => `${formatNumber(grade)}: ${meaning}`,
    gradeTitle: (meaning: string, pressed: boolean) => (pressed ? `${meaning} (click again to remove)` : meaning),
    legend: 'Grade',
    saving: 'Saving…',
    saved: (name: string, grade: number | null, set: string) =>
      grade === null ? `Removed the grade of ${name} from ${set}.` : `Graded ${name} ${formatNumber(grade)} in ${set}.`,
    context: 'Saving the grade',
    readContext: 'Reading the test sets',
  },
};

export type EvaluateText = typeof en;
export const EVALUATE_TEXT: EvaluateText = catalog({ en });
