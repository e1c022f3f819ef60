import { useId, useState, type FormEvent } from 'react';

import type { Root, RootUpdateInput } from '../../../../shared';

interface Props {
  readonly root: Root;
  readonly busy: boolean;
  readonly onSave: (input: RootUpdateInput) => void;
  readonly onCancel: () => void;
}

const MB = 1024 * 1024;

function lines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}

/** A folder's crawl options: include and exclude globs (one per line), size cap, link policy. */
export function RootEditor({ root, busy, onSave, onCancel }: Props) {
  const id = useId();
  const [include, setInclude] = useState(root.include.join('\n'));
  const [exclude, setExclude] = useState(root.exclude.join('\n'));
  const [capMb, setCapMb] = useState(String(Math.round((root.maxFileBytes / MB) * 100) / 100));
  const [follow, setFollow] = useState(root.followSymlinks);
  const [outside, setOutside] = useState(root.allowOutside);
  const cap = Number(capMb);
  const capValid = Number.isFinite(cap) && cap > 0 && cap <= 4096;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!capValid) return;
    onSave({
      path: root.path,
      include: lines(include),
      exclude: lines(exclude),
      maxFileBytes: Math.round(cap * MB),
      followSymlinks: follow,
      allowOutside: follow && outside,
    });
  };
  return (
    <form className="root-editor" onSubmit={submit} aria-label={`Options for ${root.path}`}>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-include`}>Include globs</label>
          <textarea id={`${id}-include`} rows={4} value={include} onChange={(e) => setInclude(e.target.value)} />
          <p className="hint">One per line, relative to the folder; ** crosses folders.</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-exclude`}>Exclude globs</label>
          <textarea id={`${id}-exclude`} rows={4} value={exclude} onChange={(e) => setExclude(e.target.value)} />
          <p className="hint">Matching folders are not entered at all.</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cap`}>Largest file (MiB)</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={0.001}
            step="any"
            value={capMb}
            aria-invalid={capValid ? undefined : true}
            onChange={(e) => setCapMb(e.target.value)}
          />
          <p className={capValid ? 'hint' : 'field-error'}>
            {capValid ? 'Larger files are listed as skipped.' : 'A size between 0 and 4096 MiB.'}
          </p>
        </div>
        <fieldset className="plain-fieldset">
          <legend>Symbolic links</legend>
          <label className="checkbox-row">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            Follow links (each file once, never in a loop)
          </label>
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={follow && outside}
              disabled={!follow}
              onChange={(e) => setOutside(e.target.checked)}
            />
            Let links lead outside the folder
          </label>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || !capValid}>
          Save options
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Close
        </button>
      </div>
    </form>
  );
}
