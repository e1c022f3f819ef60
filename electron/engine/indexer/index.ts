/** Indexing: roots, crawl, compare, pipeline (extract ∥ chunk ∥ encode ∥ write), vectors, watch. */
export { crawlRoot, type CrawledFile, type CrawlOptions } from './crawl';
export { loadDefaultParts } from './default-parts';
export { Indexer, type IndexCommand, type IndexerOptions } from './indexer';
export { ModelAccess, type ModelAccessOptions } from './model-access';
export type { IndexStorePort, IndexerParts } from './ports';
export { compileRootRules, isSameOrInside, relativeInside, type RootRules } from './root-rules';
export { createRootsHandlers, type RootsCommand } from './roots-handlers';
export { RootWatchers, type RootWatchersOptions } from './watch';
