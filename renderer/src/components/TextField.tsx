import { useId } from 'react';

interface Props {
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly onBlur?: () => void;
  readonly hint?: string;
  /** Shown instead of the hint, and marks the field invalid. */
  readonly problem?: string | null | undefined;
  readonly placeholder?: string;
  readonly inputMode?: 'numeric' | 'decimal';
  /** Spans the whole row (a path). */
  readonly wide?: boolean;
}

/** A labelled text box with its hint (or its problem) read with it. */
export function TextField({ label, value, onChange, onBlur, hint, problem, placeholder, inputMode, wide }: Props) {
  const id = useId();
  const described = problem ?? hint;
  return (
    <div className={wide ? 'field field-wide' : 'field'}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        inputMode={inputMode}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={described ? `${id}-hint` : undefined}
        onChange={(event) => onChange(event.target.value)}
        onBlur={onBlur}
      />
      {described && (
        <p id={`${id}-hint`} className={problem ? 'field-error' : 'hint'}>
          {described}
        </p>
      )}
    </div>
  );
}
