import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';

import type { AnswerScope, SearchFileHit, SearchMode } from '../../../shared';
import { useAppState } from '../app/app-state';
import { routeHref } from '../app/routes';
import { EmptyState } from '../components/EmptyState';
import { ErrorNotice } from '../components/ErrorNotice';
import { PageHeader } from '../components/PageHeader';
import { valueOf } from '../hooks/loadable';
import { useCommand } from '../hooks/use-command';
import { useEvent } from '../hooks/use-events';
import { SEARCH_TEXT, errorAdvice, noResults, resultSummary } from '../text/search';
import { AskPanel } from './search/ask/AskPanel';
import { useAsk } from './search/ask/use-ask';
import { BlockedTabNotice } from './search/BlockedTabNotice';
import { FiltersPanel } from './search/FiltersPanel';
import { GradeControl } from './search/judge/GradeControl';
import { JudgeBar } from './search/judge/JudgeBar';
import { useJudging } from './search/judge/use-judging';
import './search/judge/judge.css';
import { activeAfterResults, isAskShortcut, isFocusShortcut, keyCommand } from './search/result-keys';
import { ResultList } from './search/ResultList';
import { EMPTY_FILTERS, activeFilterCount, toSearchInput, type FilterState } from './search/search-input';
import { SearchFooter } from './search/SearchFooter';
import { SearchForm } from './search/SearchForm';
import { SearchErrorNotice, SemanticNotices } from './search/SearchNotices';
import { useFileActions } from './search/use-file-actions';
import { useIndexSummary } from './search/use-index-summary';
import { keyOf, useSearch } from './search/use-search';

/** Derived vectors being prepared are re-checked this often (the answer carries their progress). */
const DERIVE_POLL_MS = 2000;

/** Search as you type over the index, with filters, highlighted passages, and open/reveal. */
export function SearchPage() {
  const { settings, licence } = useAppState();
  const savedMode = valueOf(settings)?.settings.search.mode ?? 'hybrid';
  const [query, setQuery] = useState('');
  // null: follow the saved default; a switch here lasts for this visit and is not saved.
  const [chosenMode, setChosenMode] = useState<SearchMode | null>(null);
  // Without the licence there is no query embedding: semantic mode could only ever say so.
  const semanticAvailable = licence.accepted;
  const wanted = chosenMode ?? savedMode;
  const mode = wanted === 'semantic' && !semanticAvailable ? 'hybrid' : wanted;
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const [filtersOpen, setFiltersOpen] = useState(false);
  const input = useMemo(() => toSearchInput(query, mode, filters), [query, mode, filters]);
  const search = useSearch(input);
  const { refresh } = search;
  const index = useIndexSummary(refresh);
  const rootsList = useCommand('roots.list');
  useEvent('settings.changed', rootsList.reload);
  const roots = valueOf(rootsList.state)?.roots.map((root) => root.path) ?? [];
  const actions = useFileActions();
  const asker = useAsk();
  const inputRef = useRef<HTMLInputElement>(null);
  const listId = useId();

  // The cursor belongs to one query; another query's answer starts without one (see activeAfterResults).
  const [cursor, setCursor] = useState<{ readonly key: string; readonly index: number | null } | null>(null);
  // An answer that failed replaces the results of the query before it (their notices would mislead);
  // with nothing indexed, the page points to Folders instead of showing empty answers.
  const shown = input && !search.error && !index.empty ? search.shown : null;
  const files = shown?.result.files ?? [];
  // Grades belong to the query whose results are on screen, not to what is being typed.
  const judging = useJudging(shown?.input.query.trim() || null);
  const active = shown && cursor ? activeAfterResults(cursor.index, files.length, cursor.key === shown.key) : null;
  const itemId = useCallback((i: number) => `${listId}-result-${i}`, [listId]);
  // A move made while a newer query is still on its way applies to that query's answer.
  const moveTo = (i: number | null) => input && setCursor({ key: keyOf(input), index: i });

  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (!isFocusShortcut(event)) return;
      event.preventDefault();
      inputRef.current?.focus();
      inputRef.current?.select();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const deriving = shown?.result.semantic.derive?.state;
  useEffect(() => {
    if (deriving !== 'queued' && deriving !== 'running') return;
    const timer = setTimeout(refresh, DERIVE_POLL_MS);
    return () => clearTimeout(timer);
  }, [deriving, shown, refresh]);

  useEvent('engine.state', (engine) => {
    if (engine.state === 'ready' && search.error) refresh();
  });

  const open = (file: SearchFileHit, page: number | null) => actions.open(file, page);
  const bestPage = (file: SearchFileHit) => file.passages[0]?.location.page ?? null;
  const clear = () => {
    setQuery('');
    setCursor(null);
    actions.dismiss();
  };

  // The question is the query; a search-scope ask uses the page's mode and filters.
  const ask = (scope?: AnswerScope) => {
    if (!input) return;
    const filters = input.filters;
    asker.ask(input.query, scope ?? { kind: 'search', mode, ...(filters && { filters }) });
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (isAskShortcut(event)) {
      event.preventDefault();
      ask();
      return;
    }
    const command = keyCommand(event, active, files.length);
    if (!command) return;
    event.preventDefault();
    if (command.type === 'move') moveTo(command.active);
    else if (command.type === 'search') search.runNow();
    else if (command.type === 'clear') clear();
    else {
      const file = files[command.index];
      if (file && command.type === 'open') open(file, bestPage(file));
      if (file && command.type === 'reveal') actions.reveal(file);
    }
  };

  const notice = actions.notice;
  const error = input && search.error ? search.error.error : null;
  return (
    <>
      <PageHeader title={SEARCH_TEXT.title}>{SEARCH_TEXT.lead}</PageHeader>
      <SearchForm
        inputRef={inputRef}
        query={query}
        onQuery={(text) => {
          setQuery(text);
          actions.dismiss();
        }}
        mode={mode}
        onMode={setChosenMode}
        semanticAvailable={semanticAvailable}
        onKeyDown={onKeyDown}
        listId={shown && files.length > 0 ? listId : null}
        activeId={active === null ? null : itemId(active)}
        pending={search.pending}
        onAsk={() => ask()}
        canAsk={input !== null}
      />
      <FiltersPanel
        filters={filters}
        onChange={setFilters}
        open={filtersOpen}
        onToggle={() => setFiltersOpen(!filtersOpen)}
        roots={roots}
        facets={search.facets}
      />
      <JudgeBar judging={judging} query={shown?.input.query ?? null} />
      {notice?.kind === 'failed' && (
        <ErrorNotice error={notice.error} context={notice.context}>
          {notice.error.code === 'FILE_NOT_INDEXED' && <p>{errorAdvice(notice.error.code).text}</p>}
        </ErrorNotice>
      )}
      <BlockedTabNotice actions={actions} />
      {index.empty && (
        <EmptyState title={SEARCH_TEXT.emptyIndexTitle}>
          <p>{SEARCH_TEXT.emptyIndex}</p>
          <a className="button" href={routeHref('folders')}>
            {SEARCH_TEXT.goFolders}
          </a>
        </EmptyState>
      )}
      {index.indexing && <p className="notice notice-info">{SEARCH_TEXT.indexing}</p>}
      {error && <SearchErrorNotice error={error} onRetry={search.runNow} />}
      {shown && <SemanticNotices result={shown.result} onMode={setChosenMode} />}
      {asker.state && (
        <AskPanel
          key={asker.state.request.askId}
          state={asker.state}
          onStop={asker.stop}
          onAgain={asker.again}
          onClose={asker.close}
          onOpen={actions.open}
        />
      )}
      <p className={files.length > 0 ? 'search-status' : 'visually-hidden'} role="status">
        {shown ? resultSummary(shown.result) : ''}
        {notice?.kind === 'done' && <span className="search-done"> {notice.text}</span>}
      </p>
      {shown && files.length > 0 && (
        <ResultList
          id={listId}
          files={files}
          queryKey={shown.key}
          active={active}
          stale={search.pending}
          itemId={itemId}
          onActivate={moveTo}
          onOpen={open}
          onReveal={actions.reveal}
          onAsk={(file) => ask({ kind: 'document', path: file.path })}
          onLeave={() => inputRef.current?.focus()}
          renderJudge={
            judging.on
              ? (file) => (
                  <GradeControl
                    name={file.name}
                    grade={judging.grades.get(file.path)}
                    disabled={!judging.nameValid}
                    onGrade={(grade) => judging.judge(file, grade)}
                  />
                )
              : undefined
          }
        />
      )}
      {shown && files.length === 0 && (
        <EmptyState title={SEARCH_TEXT.noResultsTitle}>
          <p>{noResults(shown.result.query, activeFilterCount(filters), shown.result.mode)}</p>
        </EmptyState>
      )}
      {shown && <SearchFooter result={shown.result} />}
    </>
  );
}
