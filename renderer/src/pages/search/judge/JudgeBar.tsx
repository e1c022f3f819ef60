import { useId } from 'react';

import { ErrorNotice } from '../../../components/ErrorNotice';
import { EVALUATE_TEXT } from '../../../text/evaluate';
import type { Judging } from './use-judging';

interface Props {
  readonly judging: Judging;
  /** The query the shown results belong to; null while none is shown. */
  readonly query: string | null;
}

/**
 * The judging mode's switch, kept to one line under the filters: off by default; on, it names the test
 * set the grades go into (pick one or type a new name) and says how many files this query has graded.
 */
export function JudgeBar({ judging, query }: Props) {
  const text = EVALUATE_TEXT.judge;
  const id = useId();
  const { status } = judging;
  return (
    <div className="judge-bar" role="group" aria-label={text.toggle}>
      <div className="judge-row">
        <label className="judge-toggle" title={text.toggleHint}>
          <input type="checkbox" checked={judging.on} onChange={(event) => judging.setOn(event.target.checked)} />
          {text.toggle}
        </label>
        {judging.on && (
          <>
            <label htmlFor={`${id}-set`} className="judge-set-label">
              {text.testSet}
            </label>
            <input
              id={`${id}-set`}
              className="judge-set"
              type="text"
              list={`${id}-sets`}
              value={judging.testSet}
              spellCheck={false}
              autoComplete="off"
              aria-invalid={judging.nameValid ? undefined : true}
              aria-describedby={`${id}-hint`}
              onChange={(event) => judging.setTestSet(event.target.value)}
            />
            <datalist id={`${id}-sets`}>
              {judging.testSets.map((set) => (
                <option key={set.name} value={set.name} />
              ))}
            </datalist>
          </>
        )}
      </div>
      {judging.on && (
        <p id={`${id}-hint`} className={judging.nameValid ? 'hint' : 'field-error'}>
          {!judging.nameValid
            ? text.testSetProblem
            : query
              ? text.forQuery(query.trim(), judging.grades.size)
              : text.typeQuery}{' '}
          <span role="status" className="judge-status">
            {status?.kind === 'saving' ? text.saving : status?.kind === 'saved' ? status.text : ''}
          </span>
        </p>
      )}
      {judging.on && status?.kind === 'failed' && <ErrorNotice error={status.error} context={status.context} />}
    </div>
  );
}
