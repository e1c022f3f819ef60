import { useId, useState, type FormEvent } from 'react';

import { Panel } from '../../components/Panel';

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
  const pathId = useId();
  const [path, setPath] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (path.trim() && (await onAdd(path.trim()))) setPath('');
  };
  return (
    <Panel title="Add a folder">
      <form className="locate-form" onSubmit={(event) => void submit(event)} aria-label="Add a folder">
        <div className="field">
          <label htmlFor={pathId}>Folder path</label>
          <input
            id={pathId}
            type="text"
            value={path}
            placeholder="/home/you/Documents"
            onChange={(event) => setPath(event.target.value)}
            aria-describedby={`${pathId}-hint`}
          />
          <p id={`${pathId}-hint`} className="hint">
            An absolute path. Hidden files, node_modules, .git, build outputs and caches are skipped; files over 64 MB
            are listed, not read. Indexing starts at once.
          </p>
        </div>
        <button type="submit" className="button button-primary" disabled={busy || path.trim() === ''}>
          Add and index
        </button>
      </form>
    </Panel>
  );
}
