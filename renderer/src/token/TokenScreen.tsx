import { useId, useState, type FormEvent } from 'react';

import { StartupScreen } from '../app/StartupScreen';
import { APP_TEXT } from '../text/app';

interface Props {
  /** The last token was refused by the server. */
  readonly refused: boolean;
  readonly onSubmit: (token: string) => void;
}

/** Asks for the bearer token the server was started with; kept for this browser session only. */
export function TokenScreen({ refused, onSubmit }: Props) {
  const text = APP_TEXT.token;
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed) onSubmit(trimmed);
  };
  return (
    <StartupScreen title={text.title} message={text.message}>
      <form className="token-form" onSubmit={submit}>
        <label htmlFor={inputId}>{text.label}</label>
        <input
          id={inputId}
          type="password"
          autoComplete="off"
          spellCheck={false}
          value={token}
          onChange={(event) => setToken(event.target.value)}
          aria-describedby={refused ? `${inputId}-refused` : undefined}
        />
        {refused && (
          <p id={`${inputId}-refused`} className="field-error" role="alert">
            {text.refused}
          </p>
        )}
        <p className="hint">{text.hint}</p>
        <button type="submit" className="button button-primary" disabled={!token.trim()}>
          {text.connect}
        </button>
      </form>
    </StartupScreen>
  );
}
