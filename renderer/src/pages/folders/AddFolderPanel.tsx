import { useId, useState, type FormEvent } from 'react';

import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';

interface Props {
  readonly busy: boolean;
  /** Resolves true when the folder was added (the field is then cleared). */
  readonly onAdd: (path: string) => Promise<boolean>;
}

/**
 * Add a folder by path. A text field, because a browser cannot pick a folder on the server; the desktop
 * app may add a native picker beside it.
 */
export function AddFolderPanel({ busy, onAdd }: Props) {
  const text = FOLDERS_TEXT.add;
  const pathId = useId();
  const [path, setPath] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() && (await onAdd(path.trim()))) setPath('');
  };
  return (
    <Panel title={text.title}>
      <form className="locate-form" onSubmit={(event) => void submit(event)} aria-label={text.title}>
        <div className="field">
          <label htmlFor={pathId}>{text.path}</label>
          <input
            id={pathId}
            type="text"
            value={path}
            placeholder={text.placeholder}
            onChange={(event) => setPath(event.target.value)}
            aria-describedby={`${pathId}-hint`}
          />
          <p id={`${pathId}-hint`} className="hint">
            {text.hint}
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>
          {text.submit}
        </button>
      </form>
    </Panel>
  );
}
