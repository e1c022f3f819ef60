/** Query → vector ∥ keyword → fusion → filters → group by file → snippets (DESIGN.md "Search"). */
export { Searcher, type SearcherOptions } from './searcher';
export type { SearchStore } from './ports';
