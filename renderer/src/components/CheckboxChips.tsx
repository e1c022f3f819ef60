import { useId } from 'react';

export interface CheckboxChipsProps<T extends string | number | boolean> {
  readonly legend: string;
  readonly hint?: string;
  /** Every choice, in the order shown. */
  readonly options: readonly T[];
  readonly selected: readonly T[];
  /** Default: the value as text. */
  readonly label?: (value: T) => string;
  readonly disabled?: boolean;
  /** A box was ticked or unticked; the caller decides the new selection (and its order). */
  readonly onToggle: (value: T, checked: boolean) => void;
}

/** A multiple choice as a row of checkbox chips under a legend (Search filters, the evaluation grid). */
export function CheckboxChips<T extends string | number | boolean>({
  legend,
  hint,
  options,
  selected,
  label,
  disabled,
  onToggle,
}: CheckboxChipsProps<T>) {
  const id = useId();
  return (
    <fieldset className="chip-field" disabled={disabled} aria-describedby={hint ? `${id}-hint` : undefined}>
      <legend>{legend}</legend>
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      <div className="chips">
        {options.map((value) => (
          <label key={String(value)} className="chip chip-check">
            <input
              type="checkbox"
              checked={selected.includes(value)}
              onChange={(event) => onToggle(value, event.target.checked)}
            />
            {label ? label(value) : String(value)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
