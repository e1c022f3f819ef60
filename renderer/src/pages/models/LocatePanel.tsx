import { useId, useState, type FormEvent, type ReactNode } from 'react';

import type { ModelLocateInput } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { MODELS_TEXT } from '../../text/models';

interface Props {
  readonly busy: boolean;
  readonly onLocate: (input: ModelLocateInput) => void;
  /** Said before the form (the first-run guide explains when to choose this). */
  readonly children?: ReactNode;
}

/**
 * Point Polyseek at a model folder you already have. A text field, because a browser cannot offer a
 * folder picker for a path on the server; the desktop app can add one later.
 */
export function LocatePanel({ busy, onLocate, children }: Props) {
  const text = MODELS_TEXT.locate;
  const pathId = useId();
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<ModelLocateInput['mode']>('use');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onLocate({ path: path.trim(), mode });
  };
  return (
    <Panel title={text.title}>
      {children}
      <form className="locate-form" onSubmit={submit} aria-label={text.formLabel}>
        <div className="field">
          <label htmlFor={pathId}>{text.folder}</label>
          <input
            id={pathId}
            type="text"
            value={path}
            placeholder={text.placeholder}
            spellCheck={false}
            autoComplete="off"
            onChange={(event) => setPath(event.target.value)}
            aria-describedby={`${pathId}-hint`}
          />
          <p id={`${pathId}-hint`} className="hint">
            {text.hint}
          </p>
        </div>
        <fieldset className="segmented">
          <legend className="visually-hidden">{text.how}</legend>
          <label>
            <input type="radio" name={`${pathId}-mode`} checked={mode === 'use'} onChange={() => setMode('use')} />
            {text.useInPlace}
          </label>
          <label>
            <input type="radio" name={`${pathId}-mode`} checked={mode === 'copy'} onChange={() => setMode('copy')} />
            {text.copy}
          </label>
        </fieldset>
        <button type="submit" className="button" disabled={busy || path.trim() === ''}>
          {text.submit}
        </button>
      </form>
    </Panel>
  );
}
