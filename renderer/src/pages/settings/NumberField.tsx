import { useId } from 'react';

interface Props {
  readonly label: string;
  /** As typed (kept while invalid, so the person can fix it). */
  readonly text: string;
  readonly min: number;
  readonly max: number;
  readonly step: number | 'any';
  readonly hint: string;
  /** The contract's refusal; shown in place of the hint. */
  readonly error: string | undefined;
  readonly onChange: (text: string) => void;
}

/** A number input whose refusal (from the settings contract) sits right under it. */
export function NumberField({ label, text, min, max, step, hint, error, onChange }: Props) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="number"
        min={min}
        max={max}
        step={step}
        inputMode={step === 1 ? 'numeric' : 'decimal'}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-hint`}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={`${id}-hint`} className={error ? 'field-error' : 'hint'}>
        {error ?? hint}
      </p>
    </div>
  );
}
