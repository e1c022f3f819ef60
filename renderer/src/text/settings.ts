import type { Precision, ProviderPreference, SearchMode, SettingsProblem, Task, VectorSetting } from '../../../shared';
import { catalog } from './catalog';
import { formatNumber, plural } from './format';

const passages = (n: number) => plural(n, { one: '# passage', other: '# passages' });

/** The Settings page: adapters, dimensions, variant, search, compute, validation and the re-embed plan. */
const en = {
  title: 'Settings',
  storedIn: 'Stored in',
  lead: 'How Polyseek embeds your documents and where it runs.',
  reading: 'Reading settings…',
  readingContext: 'Reading settings',
  formLabel: 'Encoder, search and compute settings',

  problems: {
    titles: {
      SETTINGS_CORRUPT: 'The settings file could not be read',
      SETTINGS_TOO_NEW: 'The settings file was written by a newer Polyseek',
      SETTINGS_WRITE_FAILED: 'The settings could not be saved',
    } satisfies Record<SettingsProblem['code'], string>,
    backup: 'A copy of the original file was kept as',
    reset: 'Reset to defaults:',
    readOnly: 'Settings are read-only here so the newer file is not damaged. Update Polyseek to change them.',
  },

  adapters: {
    title: 'Adapters',
    intro:
      'jina-embeddings-v3 carries five LoRA adapters, one per task; each bends the same model towards one use. Queries and passages are embedded with their own adapter.',
    query: 'Query adapter',
    queryHint: 'Embeds what you type in Search. Applies to the next search; stored vectors stay as they are.',
    passage: 'Passage adapter',
    passageHint: 'Embeds the indexed passages. Changing it needs new vectors for every passage.',
    listLabel: 'What each adapter is for',
    about: {
      'retrieval.query': 'Short search queries, matched against passages embedded with retrieval.passage.',
      'retrieval.passage': 'Documents to be found by retrieval.query queries: the pair Polyseek is built for.',
      separation: 'Clustering and re-ranking: pulls texts on different subjects apart.',
      classification: 'Features for sorting texts into classes (topic, sentiment).',
      'text-matching': 'Symmetric similarity, both sides embedded alike: near-duplicates, translations.',
    } satisfies Record<Task, string>,
    prefix: 'Instruction prefix',
    prefixHint:
      'Prepends the adapter’s instruction from the model’s config.json, as jina-v3’s reference encode() does: “Represent the query for retrieving evidence documents: ” for queries, “Represent the document for retrieval: ” for passages; the other three adapters have none. Turn it off only to compare; the index records the choice, so passages need new vectors.',
  },

  dims: {
    /** Not "Dimensions": the select is found by that label, and a region named alike would match too. */
    title: 'Vector size',
    label: 'Dimensions',
    option: (dims: number, full: boolean) => (full ? `${formatNumber(dims)} (full)` : formatNumber(dims)),
    hint: 'Matryoshka: jina-v3 was trained so that the first values of its 1024 still form a usable vector. Fewer dims give a smaller index and faster comparisons, at some cost in retrieval quality.',
    quality:
      'What is known about quality: jina-v3’s published results are at the full 1024 dimensions (MTEB English average 65.5, multilingual tasks above multilingual-e5-large-instruct), and its paper (arXiv 2409.10173) reports how retrieval changes as vectors are truncated. Polyseek does not measure quality on your documents, so try a smaller size on your own queries before keeping it.',
    tableCaption: (n: number, sample: boolean) =>
      sample
        ? `Storage per ${passages(n)} (the index has none yet): float32 vectors, and the 1-bit codes of the binary first pass`
        : `Storage for the index’s ${passages(n)}: float32 vectors, and the 1-bit codes of the binary first pass`,
    columns: { dims: 'Dims', vectors: 'Float vectors', codes: '1-bit codes', state: 'Getting there' },
    states: {
      serving: 'Serving searches now',
      current: 'The current setting',
      nothingIndexed: 'No cost now: nothing is indexed yet',
      stored: 'Stored: switches at once',
      derived: (from: number) => `Derived from the stored ${formatNumber(from)}-dim vectors, no encoder`,
      encode: 'Re-embeds every passage',
      notOffered: (width: number) => `This model stores ${formatNumber(width)} (its width)`,
    },
    modelWidth: (dims: readonly number[], width: number) =>
      `The model in use offers ${dims.map((d) => formatNumber(d)).join(', ')} dims; a larger setting stores its full ${formatNumber(width)}.`,
  },

  variant: {
    title: 'Model variant',
    label: 'Model variant',
    option: (precision: Precision) => precision,
    about: {
      fp32: 'The reference weights (model.onnx + model.onnx_data, 2.29 GB for the real model).',
      fp16: 'Half the size (1.15 GB for the real model); for GPUs that run fp16.',
      int8: 'Made here from fp32 (Quantize on the Models page); about 2.4× faster on CPU, cosine to fp32 ≈ 0.9995.',
    } satisfies Record<Precision, string>,
    unavailableTitle: 'Not offered here',
    missing: {
      fp32: 'not in the model folder: download it or locate a folder that has it.',
      fp16: 'not in the model folder: download it.',
      int8: 'not made yet: quantize fp32 (needs the licence and the complete fp32 variant).',
    } satisfies Record<Precision, string>,
    savedIncomplete: (precision: Precision) =>
      `${precision} is selected but not complete in the model folder: vectors wait until it is.`,
    unknown: 'The model folder could not be read, so every variant is listed.',
    goModels: 'Manage variants on the Models page',
    changeNeedsVectors: 'Each variant makes slightly different vectors: changing it re-embeds the passages.',
  },

  search: {
    title: 'Search',
    mode: 'Starting mode',
    modes: {
      hybrid: 'meaning and exact words together (recommended)',
      semantic: 'meaning only, across languages',
      keyword: 'exact words only; works without a model',
    } satisfies Record<SearchMode, string>,
    precisionLegend: 'Vector precision',
    float: 'Float only',
    floatHint: 'Every query is compared with the full float32 vectors.',
    binary: 'Binary first pass',
    binaryHint:
      'Compare 1-bit codes first, then rescore the best candidates with the full vectors: faster on large indexes, rarely a different top 10. The codes are stored either way.',
    storage: (codes: string, floats: string, rows: number, dims: number, ratio: number) =>
      `${codes} of 1-bit codes beside ${floats} of float vectors (${passages(rows)}, ${formatNumber(dims)} dims): the first pass reads ${formatNumber(ratio)}× less.`,
    noVectors: 'No vectors yet: the codes are stored with the vectors as they are made.',
    semanticWeight: 'Meaning weight (hybrid)',
    keywordWeight: 'Exact-word weight (hybrid)',
    weightHint: 'From 0 to 10.',
    fusionK: 'Fusion constant k',
    fusionHint: (k: number) =>
      `Reciprocal-rank fusion: each list adds weight ÷ (${formatNumber(k)} + rank). Equal weights and k = 60 (the RRF paper’s value) suit most collections.`,
  },

  compute: {
    title: 'Compute',
    provider: 'Execution provider',
    providers: {
      auto: 'Tries the GPU providers of this platform, keeps one only if it matches CPU on probe texts and is faster, else CPU.',
      cpu: 'Always the CPU: the reference, and never a surprise.',
      webgpu: 'WebGPU (bundled with ONNX Runtime); verified against CPU before use.',
      cuda: 'NVIDIA CUDA; needs the CUDA build of ONNX Runtime installed.',
      dml: 'DirectML on Windows (DirectX 12 GPUs).',
      coreml: 'Core ML on macOS (Apple GPU and Neural Engine).',
    } satisfies Record<ProviderPreference, string>,
    forcedFallback:
      'A provider that fails or gives vectors unlike CPU’s is not used: CPU takes over and the reason shows below.',
    threads: 'Threads',
    threadsHint: (max: number) => `Encoder threads, 0 to ${formatNumber(max)}; 0 picks the physical core count.`,
    statusTitle: 'What runs now',
    reading: 'Reading compute status…',
    readingContext: 'Reading compute status',
    detected: 'Detected here',
    detectedNone: 'No GPU provider is installed in this ONNX Runtime: CPU only.',
    backend: (name: string, state: string) => `${name} (${state})`,
    backendStates: { bundled: 'bundled', installed: 'installed', missing: 'not installed' },
    ortUnavailable: (why: string) => `ONNX Runtime did not load: ${why}`,
    active: 'In use',
    activeOn: (provider: string, device: string | null) => (device ? `${provider} on ${device}` : provider),
    verified: 'verified against CPU',
    notVerified: 'not verified against CPU',
    reference: 'the reference',
    noSession:
      'Not known yet: the provider is chosen when the encoder first loads (a search, indexing, or the check below).',
    fallback: 'Fallback',
    fallbackNone: 'None',
    check: 'Load the encoder and check',
    checking: 'Loading the encoder…',
    checkHint: 'Embeds one probe sentence with the saved settings, so the provider is chosen and reported now.',
    checkNeedsLicence: 'Checking runs the model, which needs the licence (below).',
    checkContext: 'Checking the provider',
    savedFirst: 'Save the provider change first: the check uses the saved settings.',
  },

  validation: {
    tooBig: (max: number) => `At most ${formatNumber(max)}.`,
    tooSmall: (min: number) => `At least ${formatNumber(min)}.`,
    wholeNumber: 'A whole number.',
    number: 'A number.',
    notAllowed: 'Not a value this setting takes.',
    fixFirst: 'Fix the marked fields first.',
    refused: 'The settings were refused:',
  },

  plan: {
    title: 'What saving changes',
    checking: 'Working out what this change needs…',
    context: 'Planning the change',
    noVectors: 'These changes need no new vectors.',
    emptyIndex:
      'Nothing is indexed yet, so nothing to re-embed: files get vectors made with these settings as they are indexed.',
    capped: (requested: number, dims: number) =>
      `This model stores at most ${formatNumber(dims)} dims, so ${formatNumber(requested)} gives the vectors it makes now: nothing to re-embed.`,
    encode: (n: number, time: string | null) =>
      time
        ? `${passages(n)} will be re-embedded — about ${time} at the last measured speed; the current vectors keep serving until then.`
        : `${passages(n)} will be re-embedded — no speed has been measured on this machine yet, so no time estimate; the current vectors keep serving until then.`,
    firstVectors: (n: number, time: string | null) =>
      time
        ? `No vectors yet: ${passages(n)} get vectors with these settings when the model is ready — about ${time}.`
        : `No vectors yet: ${passages(n)} get vectors with these settings when the model is ready.`,
    derive: (n: number, dims: number, from: number) =>
      `${passages(n)} get ${formatNumber(dims)}-dim vectors derived from the stored ${formatNumber(from)}-dim ones, without the encoder (seconds, not a re-embed); the current vectors keep serving until then.`,
    reuse: (n: number) =>
      `Vectors made with exactly these settings are already stored for ${passages(n)}: searches switch to them as soon as they cover every file.`,
    remainder: (n: number, time: string | null) =>
      time
        ? `${passages(n)} indexed since lack them and will be encoded — about ${time}.`
        : `${passages(n)} indexed since lack them and will be encoded.`,
    speed: (chunksPerSecond: string, tokensPerSecond: string, precision: Precision) =>
      `Measured speed: ${chunksPerSecond} passages/s (${tokensPerSecond} tokens/s) with ${precision}.`,
    otherPrecision: (measured: Precision, next: Precision) =>
      `It was measured with ${measured}; ${next} runs at another speed (int8 is about 2.4× fp32 on CPU).`,
    changes: 'Changed:',
    settingNames: {
      passageTask: 'passage adapter',
      instructionPrefix: 'instruction prefix',
      dims: 'dimensions',
      precision: 'model variant',
      modelDir: 'model folder',
    } satisfies Record<VectorSetting, string>,
    newSet: (size: string, dims: number) =>
      `The new vectors take ${size} (${formatNumber(dims)} dims), stored beside the current ones.`,
    follow: 'Follow the re-embedding on the Folders page',
  },

  save: 'Save settings',
  saving: 'Saving…',
  savingContext: 'Saving settings',
  saved: 'Saved',
  unsaved: 'Unsaved changes',
  readOnly: 'Read-only: written by a newer Polyseek',
};

export type SettingsText = typeof en;
export const SETTINGS_TEXT: SettingsText = catalog({ en });
