import { useId } from 'react';

interface Props<T extends string | number> {
  readonly label: string;
  readonly value: T;
  readonly options: readonly T[];
  readonly onChange: (value: T) => void;
  readonly hint?: string;
  /** The contract's refusal for this field; shown in place of the hint and marks the field invalid. */
  readonly error?: string | undefined;
  readonly format?: (value: T) => string;
}

/** A labelled select over a fixed list from the contract (tasks, dims, precisions, providers). */
export function SelectField<T extends string | number>({
  label,
  value,
  options,
  onChange,
  hint,
  error,
  format,
}: Props<T>) {
  const id = useId();
  const described = error ?? hint;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={String(value)}
        aria-describedby={described ? `${id}-hint` : undefined}
        aria-invalid={error ? true : undefined}
        onChange={(event) => {
          const chosen = options.find((option) => String(option) === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={String(option)}>
            {format ? format(option) : String(option)}
          </option>
        ))}
      </select>
      {described && (
        <p id={`${id}-hint`} className={error ? 'field-error' : 'hint'}>
          {described}
        </p>
      )}
    </div>
  );
}
