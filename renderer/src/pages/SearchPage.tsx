import { useModelEnabled } from '../app/app-state';
import { routeHref } from '../app/routes';
import { EmptyState } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

const NOT_YET = 'Search arrives with the indexer';

/** Search is not built yet: the controls are shown switched off, with why. */
export function SearchPage() {
  const modelEnabled = useModelEnabled();
  return (
    <>
      <PageHeader title="Search">
        Find passages in your documents by meaning, in about 90 languages, with keyword matching alongside.
      </PageHeader>
      <form role="search" aria-label="Search your documents" className="search-form">
        <input type="search" placeholder="Where did I read about…" disabled title={NOT_YET} aria-label="Query" />
        <fieldset className="segmented" disabled title={NOT_YET}>
          <legend className="visually-hidden">Mode</legend>
          <label>
            <input type="radio" name="mode" value="semantic" defaultChecked={modelEnabled} />
            Semantic{!modelEnabled && ' (needs the licence)'}
          </label>
          <label>
            <input type="radio" name="mode" value="keyword" defaultChecked={!modelEnabled} />
            Keyword
          </label>
        </fieldset>
        <button type="submit" className="button button-primary" disabled title={NOT_YET}>
          Search
        </button>
      </form>
      <EmptyState title="Nothing to search yet">
        <p>
          Search needs an index. <a href={routeHref('folders')}>Add a folder to index</a>; once indexing and search
          arrive, results will show the best passage of each file with its page or heading.
        </p>
        {!modelEnabled && (
          <p className="muted">
            Keyword search will work without the model. Semantic search stays off until the licence is accepted.
          </p>
        )}
      </EmptyState>
    </>
  );
}
