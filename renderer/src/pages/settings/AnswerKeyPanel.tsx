import { useId, useRef, useState, type FormEvent } from 'react';

import { AnswerSetKeyInputSchema, type AnswerStatus, type ResultError } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Panel } from '../../components/Panel';
import type { Loadable } from '../../hooks/loadable';
import { ANSWERS_TEXT } from '../../text/answers';

interface Props {
  readonly status: Loadable<AnswerStatus>;
  /** `answer.setKey` answers with the new status. */
  readonly onStatus: (status: AnswerStatus) => void;
}

/**
 * The chat endpoint's API key: saved with `answer.setKey`, never a setting, never shown again. The
 * field is left uncontrolled so the key is not kept in React state, and it is emptied once saved.
 */
export function AnswerKeyPanel({ status, onStatus }: Props) {
  const text = ANSWERS_TEXT.key;
  const client = useClient();
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  const [typed, setTyped] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ readonly context: string; readonly error: ResultError } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const current = status.status === 'ready' ? status.value : null;

  const send = async (apiKey: string | null) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    const result = await client.invoke('answer.setKey', { apiKey });
    setBusy(false);
    if (!result.ok) {
      setFailure({ context: apiKey === null ? text.forgetContext : text.context, error: result.error });
      return;
    }
    if (apiKey !== null && field.current) field.current.value = '';
    setTyped(false);
    onStatus(result.value);
    const source = result.value.key.source;
    setDone(
      apiKey === null
        ? source === 'environment'
          ? text.environmentStays
          : text.forgotten
        : text.saved[source ?? 'session'],
    );
  };

  const save = (event: FormEvent) => {
    event.preventDefault();
    const apiKey = field.current?.value ?? '';
    const checked = AnswerSetKeyInputSchema.safeParse({ apiKey });
    if (!checked.success) {
      setInvalid(text.hint);
      return;
    }
    setInvalid(null);
    void send(apiKey);
  };

  const stored = current?.key.present ? text.stored[current.key.source ?? 'session'] : text.none;
  return (
    <Panel title={text.title} busy={status.status === 'loading'}>
      <form className="key-form" onSubmit={save} noValidate>
        <p className="hint">{text.intro}</p>
        <p className="key-state" role="status">
          {status.status === 'loading' ? text.reading : current ? stored : ''}
          {done && <span className="search-done"> {done}</span>}
        </p>
        {current && !current.keychain.available && (
          <p className="hint">{current.keychain.message ?? text.noKeychain}</p>
        )}
        <div className="field">
          <label htmlFor={`${id}-key`}>{text.label}</label>
          <div className="key-row">
            <input
              ref={field}
              id={`${id}-key`}
              type="password"
              autoComplete="off"
              spellCheck={false}
              aria-invalid={invalid ? true : undefined}
              aria-describedby={`${id}-key-hint`}
              onChange={(event) => {
                setTyped(event.target.value !== '');
                setInvalid(null);
              }}
            />
            <button type="submit" className="button button-primary" disabled={!typed || busy}>
              {busy ? text.saving : text.save}
            </button>
            <button
              type="button"
              className="button"
              disabled={busy || !current?.key.present}
              onClick={() => void send(null)}
            >
              {text.forget}
            </button>
          </div>
          <p id={`${id}-key-hint`} className={invalid ? 'field-error' : 'hint'}>
            {invalid ?? text.hint}
          </p>
        </div>
        {failure && <ErrorNotice error={failure.error} context={failure.context} />}
        {status.status === 'failed' && (
          <ErrorNotice error={status.error} context={ANSWERS_TEXT.settings.statusContext} />
        )}
      </form>
    </Panel>
  );
}
