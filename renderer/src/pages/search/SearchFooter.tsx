import type { SearchResult } from '../../../../shared';
import { searchFacts } from '../../text/search';

/** Where the time went and what was searched: dims, exact or ANN, binary first pass. */
export function SearchFooter({ result }: { readonly result: SearchResult }) {
  return (
    <footer className="search-footer">
      <ul className="search-facts" aria-label="How this search ran">
        {searchFacts(result).map((fact) => (
          <li key={fact}>{fact}</li>
        ))}
      </ul>
    </footer>
  );
}
