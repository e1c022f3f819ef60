import { useId, useState, type FormEvent } from 'react';

import { StartupScreen } from '../app/StartupScreen';

interface Props {
  /** The last token was refused by the server. */
  readonly refused: boolean;
  readonly onSubmit: (token: string) => void;
}

/** Asks for the bearer token the server was started with; kept for this browser session only. */
export function TokenScreen({ refused, onSubmit }: Props) {
  const [token, setToken] = useState('');
  const inputId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed) onSubmit(trimmed);
  };
  return (
    <StartupScreen title="Access token needed" message="This Polyseek server was started with an access token.">
      <form className="token-form" onSubmit={submit}>
        <label htmlFor={inputId}>Access token</label>
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
            The server refused that token. Check the one the server was started with.
          </p>
        )}
        <p className="hint">
          The token from the server's --token-file or POLYSEEK_TOKEN. It is kept only in this browser tab.
        </p>
        <button type="submit" className="button button-primary" disabled={!token.trim()}>
          Connect
        </button>
      </form>
    </StartupScreen>
  );
}
