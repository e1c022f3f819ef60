import { useId, useState, type FormEvent } from 'react';

import type { ModelLocateInput } from '../../../../shared';
import { Panel } from '../../components/Panel';

interface Props {
  readonly busy: boolean;
  readonly onLocate: (input: ModelLocateInput) => void;
}

/**
 * Point Polyseek at a model folder you already have. A text field, because a browser cannot offer a
 * folder picker for a path on the server; the desktop app can add one later.
 */
export function LocatePanel({ busy, onLocate }: Props) {
  const pathId = useId();
  const [path, setPath] = useState('');
  const [mode, setMode] = useState<ModelLocateInput['mode']>('use');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (path.trim()) onLocate({ path: path.trim(), mode });
  };
  return (
    <Panel title="Use a folder you already have">
      <form className="locate-form" onSubmit={submit} aria-label="Locate a model folder">
        <div className="field">
          <label htmlFor={pathId}>Folder</label>
          <input
            id={pathId}
            type="text"
            value={path}
            placeholder="/media/usb/jina-embeddings-v3 or ~/.cache/huggingface/hub/models--jinaai--jina-embeddings-v3"
            onChange={(event) => setPath(event.target.value)}
            aria-describedby={`${pathId}-hint`}
          />
          <p id={`${pathId}-hint`} className="hint">
            An absolute path to a copy in the Hugging Face layout, or a Hugging Face cache folder. Every file is checked
            before it is used.
          </p>
        </div>
        <fieldset className="segmented" aria-label="How to use it">
          <label>
            <input type="radio" name="locate-mode" checked={mode === 'use'} onChange={() => setMode('use')} />
            Use in place
          </label>
          <label>
            <input type="radio" name="locate-mode" checked={mode === 'copy'} onChange={() => setMode('copy')} />
            Copy into the profile
          </label>
        </fieldset>
        <button type="submit" className="button" disabled={busy || path.trim() === ''}>
          Locate
        </button>
      </form>
    </Panel>
  );
}
