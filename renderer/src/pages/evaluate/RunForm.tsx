import { useId, useState, type FormEvent } from 'react';

import type { Dims, EvalRunSummary, ResultError, TestSet } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { TextField } from '../../components/TextField';
import { EVALUATE_TEXT } from '../../text/evaluate';
import { GridFields } from './GridFields';
import { cellCount, draftProblems, toRunInput, type RunDraft } from './run-draft';

interface Props {
  readonly draft: RunDraft;
  readonly onDraft: (draft: RunDraft) => void;
  readonly testSets: readonly TestSet[];
  readonly dims: readonly Dims[];
  readonly width: number | null;
  /** A run was accepted: the page follows it. */
  readonly onStarted: (summary: EvalRunSummary) => void;
}

/**
 * A run's dataset (a BEIR folder or a test set graded on the Search page), its grid, bootstrap samples
 * and label. Problems show beside their fields as soon as the draft has them; Start is refused until
 * none is left, and the engine's own refusal (a folder that is not a dataset…) appears below.
 */
export function RunForm({ draft, onDraft, testSets, dims, width, onStarted }: Props) {
  const text = EVALUATE_TEXT.form;
  const client = useClient();
  const id = useId();
  const [starting, setStarting] = useState(false);
  const [refusal, setRefusal] = useState<ResultError | null>(null);
  // The test-set list may arrive after the choice was made: until one is picked, the first one counts.
  const chosen = draft.source === 'testset' && !draft.testSet ? { ...draft, testSet: testSets[0]?.name ?? '' } : draft;
  const problems = draftProblems(chosen);
  const input = toRunInput(chosen);
  const set = (patch: Partial<RunDraft>) => onDraft({ ...draft, ...patch });
  // A field's problem shows once it has been typed into; the cell count's shows at once.
  const [touched, setTouched] = useState<ReadonlySet<string>>(() => new Set());
  const touch = (field: string) => setTouched((current) => new Set(current).add(field));
  const shown = (field: keyof typeof problems) => (touched.has(field) ? problems[field] : undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setTouched(new Set(['folder', 'testSet', 'bootstrap', 'label']));
    if (!input) return;
    setStarting(true);
    setRefusal(null);
    const answer = await client.invoke('eval.run', input);
    setStarting(false);
    if (answer.ok) onStarted(answer.value);
    else setRefusal(answer.error);
  };

  return (
    <form className="eval-form" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset className="plain-fieldset eval-dataset">
        <legend className="eval-subheading">{text.dataset}</legend>
        <div className="checkbox-row">
          <input
            id={`${id}-beir`}
            type="radio"
            name={`${id}-source`}
            checked={draft.source === 'beir'}
            aria-describedby={`${id}-beir-hint`}
            onChange={() => set({ source: 'beir' })}
          />
          <div>
            <label htmlFor={`${id}-beir`}>{text.beir}</label>
            <p id={`${id}-beir-hint`} className="hint">
              {text.beirHint}
            </p>
          </div>
        </div>
        {draft.source === 'beir' && (
          <div className="field-grid eval-indented">
            <TextField
              label={text.folder}
              value={draft.folder}
              placeholder={text.folderPlaceholder}
              problem={shown('folder')}
              onChange={(folder) => set({ folder })}
              onBlur={() => touch('folder')}
              wide
            />
            <TextField
              label={text.split}
              value={draft.split}
              placeholder="test"
              hint={text.splitHint}
              onChange={(split) => set({ split })}
            />
          </div>
        )}
        <div className="checkbox-row">
          <input
            id={`${id}-testset`}
            type="radio"
            name={`${id}-source`}
            checked={draft.source === 'testset'}
            aria-describedby={`${id}-testset-hint`}
            onChange={() => set({ source: 'testset' })}
          />
          <div>
            <label htmlFor={`${id}-testset`}>{text.testset}</label>
            <p id={`${id}-testset-hint`} className="hint">
              {text.testsetHint}
            </p>
          </div>
        </div>
        {draft.source === 'testset' && (
          <div className="eval-indented">
            {testSets.length === 0 ? (
              <p className="notice notice-info">{text.noTestsets}</p>
            ) : (
              <div className="field">
                <label htmlFor={`${id}-set`}>{text.testsetLabel}</label>
                <select
                  id={`${id}-set`}
                  value={chosen.testSet}
                  aria-invalid={problems.testSet ? true : undefined}
                  onChange={(event) => set({ testSet: event.target.value })}
                >
                  {testSets.map((set) => (
                    <option key={set.name} value={set.name}>
                      {text.testsetOption(set.name, set.queries.length)}
                    </option>
                  ))}
                </select>
              </div>
            )}
          </div>
        )}
      </fieldset>
      <GridFields
        grid={draft.grid}
        dims={dims}
        width={width}
        count={cellCount(draft.grid)}
        problem={problems.grid}
        onChange={(grid) => set({ grid })}
      />
      <div className="field-grid">
        <TextField
          label={text.bootstrap}
          value={draft.bootstrap}
          inputMode="numeric"
          hint={text.bootstrapHint}
          problem={shown('bootstrap')}
          onChange={(bootstrap) => set({ bootstrap })}
          onBlur={() => touch('bootstrap')}
        />
        <TextField
          label={text.label}
          value={draft.label}
          hint={text.labelHint}
          problem={shown('label')}
          onChange={(label) => set({ label })}
          onBlur={() => touch('label')}
        />
      </div>
      {refusal && <ErrorNotice error={refusal} context={text.startContext} />}
      <div className="actions">
        <button
          type="submit"
          className="button button-primary"
          disabled={starting || (input === null && !!problems.grid)}
        >
          {starting ? text.starting : text.start}
        </button>
      </div>
    </form>
  );
}
