import { useId } from 'react';

import { SEARCH_MODES, formatBytes, type Settings, type VectorSet } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SelectField } from './SelectField';

type SearchSettings = Settings['search'];

interface Props {
  readonly values: SearchSettings;
  readonly onChange: (change: Partial<SearchSettings>) => void;
  /** The vectors search uses by default, for the storage figures; null before any exist. */
  readonly activeSet: VectorSet | null;
}

const MODE_HINTS: Record<SearchSettings['mode'], string> = {
  hybrid: 'meaning and exact words together (recommended)',
  semantic: 'meaning only, across languages',
  keyword: 'exact words only; works without a model',
};

/** Starting mode, the binary first-pass tier (with what it stores) and the fusion weights. */
export function SearchFields({ values, onChange, activeSet }: Props) {
  const binaryId = useId();
  const semanticId = useId();
  const keywordId = useId();
  const storage = activeSet
    ? `${formatBytes(activeSet.binaryBytes)} of 1-bit codes beside ${formatBytes(activeSet.floatBytes)} of float vectors (${activeSet.rows.toLocaleString()} passages, ${activeSet.provenance.dims} dims): the first pass reads ${Math.round(activeSet.floatBytes / Math.max(1, activeSet.binaryBytes))}× less.`
    : 'No vectors yet: the codes are stored with the vectors as they are made.';
  const weight = (text: string) => {
    const n = Number(text);
    return Number.isFinite(n) && n >= 0 && n <= 10 ? n : null;
  };
  return (
    <Panel title="Search">
      <div className="field-grid">
        <SelectField
          label="Starting mode"
          value={values.mode}
          options={SEARCH_MODES}
          onChange={(mode) => onChange({ mode })}
          hint={MODE_HINTS[values.mode]}
        />
        <div className="field">
          <div className="checkbox-row">
            <input
              id={binaryId}
              type="checkbox"
              checked={values.binaryTier}
              aria-describedby={`${binaryId}-hint`}
              onChange={(event) => onChange({ binaryTier: event.target.checked })}
            />
            <label htmlFor={binaryId}>Binary first pass</label>
          </div>
          <p id={`${binaryId}-hint`} className="hint">
            Compare 1-bit codes first, then rescore the best candidates with the full vectors: faster on large indexes,
            rarely a different top 10. {storage}
          </p>
        </div>
        <div className="field">
          <label htmlFor={semanticId}>Meaning weight (hybrid)</label>
          <input
            id={semanticId}
            type="number"
            min={0}
            max={10}
            step={0.1}
            value={values.fusion.semanticWeight}
            onChange={(event) => {
              const semanticWeight = weight(event.target.value);
              if (semanticWeight !== null) onChange({ fusion: { ...values.fusion, semanticWeight } });
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={keywordId}>Exact-word weight (hybrid)</label>
          <input
            id={keywordId}
            type="number"
            min={0}
            max={10}
            step={0.1}
            value={values.fusion.keywordWeight}
            aria-describedby={`${keywordId}-hint`}
            onChange={(event) => {
              const keywordWeight = weight(event.target.value);
              if (keywordWeight !== null) onChange({ fusion: { ...values.fusion, keywordWeight } });
            }}
          />
          <p id={`${keywordId}-hint`} className="hint">
            Reciprocal-rank fusion: each list adds weight ÷ ({values.fusion.k} + rank). Equal weights suit most
            collections.
          </p>
        </div>
      </div>
    </Panel>
  );
}
