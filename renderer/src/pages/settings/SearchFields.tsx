import { useId } from 'react';

import { SEARCH_MODES, formatBytes, type VectorSet } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SETTINGS_TEXT } from '../../text/settings';
import { NumberField } from './NumberField';
import { SelectField } from './SelectField';
import type { FieldErrors, NumberField as NumberPath, SearchSettings } from './settings-draft';

interface Props {
  readonly values: SearchSettings;
  /** The number fields as typed, by contract path. */
  readonly numbers: Readonly<Record<Extract<NumberPath, `search.${string}`>, string>>;
  readonly errors: FieldErrors;
  readonly onChange: (change: Partial<SearchSettings>) => void;
  readonly onNumber: (field: NumberPath, text: string) => void;
  /** The vectors search uses by default, for the storage figures; null before any exist. */
  readonly activeSet: VectorSet | null;
}

/** Starting mode, vector precision (float, or the binary first pass with what it stores) and fusion. */
export function SearchFields({ values, numbers, errors, onChange, onNumber, activeSet }: Props) {
  const text = SETTINGS_TEXT.search;
  const name = useId();
  const storage = activeSet
    ? text.storage(
        formatBytes(activeSet.binaryBytes),
        formatBytes(activeSet.floatBytes),
        activeSet.rows,
        activeSet.provenance.dims,
        Math.round(activeSet.floatBytes / Math.max(1, activeSet.binaryBytes)),
      )
    : text.noVectors;
  return (
    <Panel title={text.title}>
      <div className="field-grid">
        <SelectField
          label={text.mode}
          value={values.mode}
          options={SEARCH_MODES}
          onChange={(mode) => onChange({ mode })}
          hint={text.modes[values.mode]}
          error={errors['search.mode']}
        />
        <fieldset className="plain-fieldset radio-group">
          <legend>{text.precisionLegend}</legend>
          <label className="checkbox-row">
            <input
              type="radio"
              name={name}
              checked={!values.binaryTier}
              aria-describedby={`${name}-float`}
              onChange={() => onChange({ binaryTier: false })}
            />
            <span>
              {text.float}
              <span id={`${name}-float`} className="hint hint-block">
                {text.floatHint}
              </span>
            </span>
          </label>
          <label className="checkbox-row">
            <input
              type="radio"
              name={name}
              checked={values.binaryTier}
              aria-describedby={`${name}-binary`}
              onChange={() => onChange({ binaryTier: true })}
            />
            <span>
              {text.binary}
              <span id={`${name}-binary`} className="hint hint-block">
                {text.binaryHint} {storage}
              </span>
            </span>
          </label>
        </fieldset>
      </div>
      <div className="field-grid">
        <NumberField
          label={text.semanticWeight}
          text={numbers['search.fusion.semanticWeight']}
          min={0}
          max={10}
          step={0.1}
          hint={text.weightHint}
          error={errors['search.fusion.semanticWeight']}
          onChange={(value) => onNumber('search.fusion.semanticWeight', value)}
        />
        <NumberField
          label={text.keywordWeight}
          text={numbers['search.fusion.keywordWeight']}
          min={0}
          max={10}
          step={0.1}
          hint={text.weightHint}
          error={errors['search.fusion.keywordWeight']}
          onChange={(value) => onNumber('search.fusion.keywordWeight', value)}
        />
        <NumberField
          label={text.fusionK}
          text={numbers['search.fusion.k']}
          min={1}
          max={1000}
          step={1}
          hint={text.fusionHint(values.fusion.k)}
          error={errors['search.fusion.k']}
          onChange={(value) => onNumber('search.fusion.k', value)}
        />
      </div>
    </Panel>
  );
}
