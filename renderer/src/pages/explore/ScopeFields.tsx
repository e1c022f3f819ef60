import { useId } from 'react';

import type { Root } from '../../../../shared';
import { TextField } from '../../components/TextField';
import { EXPLORE_TEXT } from '../../text/explore';
import { scopeProblem, type ScopeDraft } from './job-draft';

interface Props {
  readonly draft: ScopeDraft;
  readonly roots: readonly Root[];
  readonly onChange: (draft: ScopeDraft) => void;
}

const KINDS = ['all', 'root', 'folder'] as const;

/** All indexed folders, one of them, or a folder inside them: radios, with the choice's own field below. */
export function ScopeFields({ draft, roots, onChange }: Props) {
  const text = EXPLORE_TEXT.scope;
  const id = useId();
  const problem = scopeProblem(draft);
  const set = (patch: Partial<ScopeDraft>) => onChange({ ...draft, ...patch });
  const root = draft.root || roots[0]?.path || '';
  return (
    <fieldset className="plain-fieldset explore-scope">
      <legend className="explore-legend">{text.legend}</legend>
      <div className="explore-radios">
        {KINDS.map((kind) => (
          <div key={kind} className="checkbox-row">
            <input
              id={`${id}-kind-${kind}`}
              type="radio"
              name={`${id}-scope`}
              checked={draft.kind === kind}
              disabled={kind === 'root' && roots.length === 0}
              onChange={() => set(kind === 'root' ? { kind, root } : { kind })}
            />
            <label htmlFor={`${id}-kind-${kind}`}>{text[kind]}</label>
          </div>
        ))}
      </div>
      {roots.length === 0 && <p className="hint">{text.noRoots}</p>}
      {draft.kind === 'root' && roots.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-root-path`}>{text.rootLabel}</label>
          <select id={`${id}-root-path`} value={root} onChange={(event) => set({ root: event.target.value })}>
            {roots.map((option) => (
              <option key={option.path} value={option.path}>
                {option.path}
              </option>
            ))}
          </select>
        </div>
      )}
      {draft.kind === 'folder' && (
        <TextField
          label={text.folderLabel}
          value={draft.folder}
          placeholder={text.folderPlaceholder}
          problem={problem === 'folder' && draft.folder.trim() !== '' ? text.folderProblem : null}
          hint={problem === 'folder' ? text.folderProblem : undefined}
          onChange={(folder) => set({ folder })}
          wide
        />
      )}
    </fieldset>
  );
}
