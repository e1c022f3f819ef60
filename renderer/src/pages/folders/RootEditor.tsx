import { useId, useState, type FormEvent } from 'react';

import type { Root, RootUpdateInput } from '../../../../shared';
import { FOLDERS_TEXT } from '../../text/folders';

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
  const text = FOLDERS_TEXT.editor;
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
    <form className="root-editor" onSubmit={submit} aria-label={text.label(root.path)}>
      <div className="field-grid">
        <div className="field">
          <label htmlFor={`${id}-include`}>{text.include}</label>
          <textarea id={`${id}-include`} rows={4} value={include} onChange={(e) => setInclude(e.target.value)} />
          <p className="hint">{text.includeHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-exclude`}>{text.exclude}</label>
          <textarea id={`${id}-exclude`} rows={4} value={exclude} onChange={(e) => setExclude(e.target.value)} />
          <p className="hint">{text.excludeHint}</p>
        </div>
        <div className="field">
          <label htmlFor={`${id}-cap`}>{text.cap}</label>
          <input
            id={`${id}-cap`}
            type="number"
            min={0.001}
            step="any"
            value={capMb}
            aria-invalid={capValid ? undefined : true}
            onChange={(e) => setCapMb(e.target.value)}
          />
          <p className={capValid ? 'hint' : 'field-error'}>{capValid ? text.capHint : text.capInvalid}</p>
        </div>
        <fieldset className="plain-fieldset">
          <legend>{text.links}</legend>
          <label className="checkbox-row">
            <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
            {text.follow}
          </label>
          <label className="checkbox-row">
            <input
              type="checkbox"
              checked={follow && outside}
              disabled={!follow}
              onChange={(e) => setOutside(e.target.checked)}
            />
            {text.outside}
          </label>
        </fieldset>
      </div>
      <div className="actions">
        <button type="submit" className="button button-primary" disabled={busy || !capValid}>
          {text.save}
        </button>
        <button type="button" className="button" onClick={onCancel}>
          {text.close}
        </button>
      </div>
    </form>
  );
}
