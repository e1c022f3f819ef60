import type { IndexerParts } from './ports';

/**
 * The real store, chunker and extractor pool, imported on first use: LanceDB's native module and the
 * extractors' libraries load only when a profile indexes or reads its index.
 */
export async function loadDefaultParts(): Promise<IndexerParts> {
  const [
    { CHUNKER_VERSION, DEFAULT_CHUNKER_OPTIONS, FALLBACK_CHUNKER_OPTIONS, chunkSegments, fallbackTokenCounter },
    { createExtractorPool },
    { IndexStore, chunkId },
  ] = await Promise.all([import('../chunk'), import('../extract'), import('../store')]);
  return {
    openStore: (dir) => IndexStore.open(dir),
    chunkId,
    createExtractorPool: (options) => createExtractorPool(options),
    chunker: {
      version: CHUNKER_VERSION,
      defaults: DEFAULT_CHUNKER_OPTIONS,
      chunkSegments,
      fallbackCounter: fallbackTokenCounter,
      fallbackOptions: FALLBACK_CHUNKER_OPTIONS,
    },
  };
}
