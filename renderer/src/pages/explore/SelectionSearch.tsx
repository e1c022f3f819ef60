import { useId, useState, type FormEvent } from 'react';

import { MAX_SELECTED_FILES, type ExploreJobSummary, type ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { EXPLORE_TEXT } from '../../text/explore';
import { SnippetText } from '../search/SnippetText';
import { useSelectionSearch } from './use-selection-search';

interface Props {
  readonly paths: readonly string[];
  /** Another Explore job is running (one at a time). */
  readonly busy: boolean;
  readonly onStarted: (summary: ExploreJobSummary) => void;
  /** How the selection was made, in words ("drawn with the lasso", "cluster 3"). */
  readonly from: string;
  readonly onClear: () => void;
  readonly onOpen: (path: string) => void;
}

/** "Search within these N files": a search box over the selection and its results inline. */
export function SelectionSearch({ paths, from, busy, onStarted, onClear, onOpen }: Props) {
  const text = EXPLORE_TEXT.selection;
  const id = useId();
  const client = useClient();
  const [query, setQuery] = useState('');
  const { state, run } = useSelectionSearch(paths);
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  // The same selection, as a duplicates job: which of these files say the same thing?
  const findDupes = async () => {
    setStarting(true);
    setRefusal(null);
    const answer = await client.invoke('explore.dupes', { scope: { files: paths.slice(0, MAX_SELECTED_FILES) } });
    setStarting(false);
    if (answer.ok) onStarted(answer.value);
    else setRefusal(answer.error);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    run(query);
  };
  return (
    <section className="topic-selection" aria-labelledby={`${id}-title`}>
      <div className="topic-selection-head">
        <h3 id={`${id}-title`}>{text.title(paths.length)}</h3>
        <button type="button" className="button button-small button-quiet" onClick={onClear}>
          {text.clear}
        </button>
      </div>
      <p className="hint">{text.summary(paths.length, from)}</p>
      {paths.length > MAX_SELECTED_FILES && <p className="notice notice-warning">{text.tooMany(MAX_SELECTED_FILES)}</p>}
      <div className="actions">
        <button
          type="button"
          className="button"
          disabled={busy || starting || paths.length < 2}
          onClick={() => void findDupes()}
        >
          {text.dupes(paths.length)}
        </button>
        <span className="hint">{text.dupesHint}</span>
      </div>
      {refusal && <ErrorNotice error={refusal} context={text.dupesContext} />}
      <form className="topic-selection-form" role="search" aria-label={text.label(paths.length)} onSubmit={submit}>
        <input
          type="search"
          aria-label={text.label(paths.length)}
          placeholder={text.placeholder}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <button type="submit" className="button" disabled={state.status === 'searching' || query.trim() === ''}>
          {state.status === 'searching' ? text.searching : text.submit}
        </button>
      </form>
      {state.status === 'failed' && <ErrorNotice error={state.error} context={text.context} />}
      <p className={state.status === 'ready' ? 'hint' : 'visually-hidden'} role="status">
        {state.status === 'ready' &&
          (state.result.files.length === 0
            ? text.none
            : text.found(state.result.files.length, state.result.totalFiles))}
      </p>
      {state.status === 'ready' && state.result.files.length > 0 && (
        <ol className="topic-results" aria-label={text.resultsLabel}>
          {state.result.files.map((hit) => {
            const passage = hit.passages[0];
            return (
              <li key={hit.path} className="topic-result">
                <div className="topic-result-head">
                  <h4 className="topic-result-name" dir="auto">
                    {hit.title && hit.title !== hit.name ? `${hit.title} · ${hit.name}` : hit.name}
                  </h4>
                  <button
                    type="button"
                    className="button button-small"
                    aria-label={EXPLORE_TEXT.dupes.openLabel(hit.name)}
                    onClick={() => onOpen(hit.path)}
                  >
                    {EXPLORE_TEXT.dupes.open}
                  </button>
                </div>
                <p className="hint topic-result-path" dir="auto">
                  {hit.path}
                </p>
                {passage && <SnippetText snippet={passage.snippet} language={passage.language} />}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
