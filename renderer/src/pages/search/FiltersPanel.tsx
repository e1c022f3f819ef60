import { useId } from 'react';

import { CheckboxChips } from '../../components/CheckboxChips';
import { SEARCH_TEXT, languageName } from '../../text/search';
import { SelectField } from '../settings/SelectField';
import { choices, type Facets } from './facets';
import {
  EMPTY_FILTERS,
  LIMIT_CHOICES,
  activeFilterCount,
  filterProblems,
  toggled,
  type FilterState,
} from './search-input';

interface Props {
  readonly filters: FilterState;
  readonly onChange: (filters: FilterState) => void;
  readonly open: boolean;
  readonly onToggle: () => void;
  /** Root paths from `roots.list`. */
  readonly roots: readonly string[];
  readonly facets: Facets;
}

/** Folder, file type, language, modification dates and result count; folded away until asked for. */
export function FiltersPanel({ filters, onChange, open, onToggle, roots, facets }: Props) {
  const id = useId();
  const active = activeFilterCount(filters);
  const problems = filterProblems(filters);
  const set = (patch: Partial<FilterState>) => onChange({ ...filters, ...patch });
  return (
    <div className="filters">
      <div className="filters-bar">
        <button type="button" className="button" aria-expanded={open} aria-controls={`${id}-panel`} onClick={onToggle}>
          {SEARCH_TEXT.filters}
          {active > 0 && <span className="filters-count">{active}</span>}
        </button>
        {active > 0 && (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => onChange({ ...EMPTY_FILTERS, limit: filters.limit })}
          >
            {SEARCH_TEXT.clearFilters}
          </button>
        )}
      </div>
      <div id={`${id}-panel`} role="group" aria-label={SEARCH_TEXT.filters} className="filters-panel" hidden={!open}>
        <div className="field-grid">
          <SelectField
            label={SEARCH_TEXT.filterRoot}
            value={filters.root}
            options={['', ...roots]}
            format={(root) => (root === '' ? SEARCH_TEXT.filterAllRoots : root)}
            onChange={(root) => set({ root })}
          />
          <div className="field">
            <label htmlFor={`${id}-folder`}>{SEARCH_TEXT.filterFolder}</label>
            <input
              id={`${id}-folder`}
              type="text"
              value={filters.folder}
              placeholder="/home/you/Documents/reports"
              aria-invalid={problems.folder ? true : undefined}
              aria-describedby={`${id}-folder-hint`}
              onChange={(event) => set({ folder: event.target.value })}
            />
            <p id={`${id}-folder-hint`} className={problems.folder ? 'field-error' : 'hint'}>
              {problems.folder ?? SEARCH_TEXT.filterFolderHint}
            </p>
          </div>
          <div className="field">
            <label htmlFor={`${id}-from`}>{SEARCH_TEXT.filterFrom}</label>
            <input
              id={`${id}-from`}
              type="date"
              value={filters.modifiedFrom}
              max={filters.modifiedTo || undefined}
              aria-invalid={problems.dates ? true : undefined}
              onChange={(event) => set({ modifiedFrom: event.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-to`}>{SEARCH_TEXT.filterTo}</label>
            <input
              id={`${id}-to`}
              type="date"
              value={filters.modifiedTo}
              min={filters.modifiedFrom || undefined}
              aria-invalid={problems.dates ? true : undefined}
              aria-describedby={problems.dates ? `${id}-dates` : undefined}
              onChange={(event) => set({ modifiedTo: event.target.value })}
            />
            {problems.dates && (
              <p id={`${id}-dates`} className="field-error">
                {problems.dates}
              </p>
            )}
          </div>
          <SelectField
            label={SEARCH_TEXT.filterLimit}
            value={filters.limit}
            options={LIMIT_CHOICES}
            onChange={(limit) => set({ limit })}
          />
        </div>
        <CheckboxChips
          legend={SEARCH_TEXT.filterTypes}
          options={choices(facets.types, filters.types)}
          selected={filters.types}
          label={(type) => type.toUpperCase()}
          onToggle={(type, on) => set({ types: toggled(filters.types, type, on) })}
        />
        <CheckboxChips
          legend={SEARCH_TEXT.filterLanguages}
          hint={SEARCH_TEXT.filterLanguagesHint}
          options={choices(facets.languages, filters.languages)}
          selected={filters.languages}
          label={(code) => `${languageName(code)} (${code})`}
          onToggle={(code, on) => set({ languages: toggled(filters.languages, code, on) })}
        />
      </div>
    </div>
  );
}
