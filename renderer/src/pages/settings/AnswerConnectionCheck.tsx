import { useState } from 'react';

import type { AnswerCheckResult, Result } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ANSWERS_TEXT } from '../../text/answers';

interface Props {
  /** The endpoint and model shown are the saved ones: `answer.check` asks the saved endpoint. */
  readonly saved: boolean;
  /** An endpoint is saved. */
  readonly configured: boolean;
  /** The model as shown, for marking the chosen one among those listed. */
  readonly model: string;
  readonly onModel: (name: string) => void;
}

/**
 * "Check connection": `answer.check` lists the endpoint's models (`GET /models`) and times the round
 * trip. The models come back as choices for the model field.
 */
export function AnswerConnectionCheck({ saved, configured, model, onModel }: Props) {
  const text = ANSWERS_TEXT.settings;
  const client = useClient();
  const [checking, setChecking] = useState(false);
  const [result, setResult] = useState<Result<AnswerCheckResult> | null>(null);

  const check = async () => {
    setChecking(true);
    setResult(null);
    const answer = await client.invoke('answer.check', {});
    setChecking(false);
    setResult(answer);
  };

  const blocked = !configured ? text.checkNeedsEndpoint : !saved ? text.checkSavedFirst : null;
  const value = result?.ok ? result.value : null;
  return (
    <div className="connection-check">
      <div className="actions">
        <button type="button" className="button" disabled={checking || blocked !== null} onClick={() => void check()}>
          {checking ? text.checking : text.check}
        </button>
        <span className="hint" role="status">
          {blocked ??
            (value ? `${text.reachable(value.latencyMs, value.models.length)}${listedNote(value, model)}` : '')}
        </span>
      </div>
      {result && !result.ok && <ErrorNotice error={result.error} context={text.checkContext} />}
      {value && value.models.length > 0 && (
        <div className="chips model-choices" role="group" aria-label={text.modelsLabel}>
          <span className="hint">{text.modelsPick}</span>
          {value.models.map((name) => (
            <button
              key={name}
              type="button"
              className="chip chip-button"
              aria-pressed={name === model.trim()}
              title={text.useModel(name)}
              onClick={() => onModel(name)}
            >
              {name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function listedNote(value: AnswerCheckResult, model: string): string {
  const text = ANSWERS_TEXT.settings;
  const name = model.trim();
  // Judged for the model shown, which may have been picked from the list since the check.
  if (value.models.length === 0 || name === '') return '';
  return ` ${value.models.includes(name) ? text.modelListed(name) : text.modelNotListed(name)}`;
}
