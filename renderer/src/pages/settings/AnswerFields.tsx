import { useId } from 'react';

import type { AnswerStatus } from '../../../../shared';
import { Panel } from '../../components/Panel';
import type { Loadable } from '../../hooks/loadable';
import { ANSWERS_TEXT, endpointHost } from '../../text/answers';
import { AnswerConnectionCheck } from './AnswerConnectionCheck';
import { NumberField } from './NumberField';
import type { FieldErrors, NumberField as NumberPath } from './settings-draft';

/** The id the Ask panel's "Settings → Answers" link scrolls to (route `#/settings/answers`). */
export const ANSWERS_PANEL_ID = 'answers';

type AnswerNumber = Extract<NumberPath, `answer.${string}`>;

interface Props {
  /** The endpoint and model as shown: typed, or saved ('' for none). */
  readonly baseUrl: string;
  readonly model: string;
  /** Whether the shown endpoint and model are the saved ones (the check uses the saved settings). */
  readonly saved: boolean;
  readonly numbers: Readonly<Record<AnswerNumber, string>>;
  readonly errors: FieldErrors;
  readonly status: Loadable<AnswerStatus>;
  readonly onText: (field: 'baseUrl' | 'model', text: string) => void;
  readonly onNumber: (field: NumberPath, text: string) => void;
}

/** The chat endpoint answers use: where it is, which model, and how much it reads and writes. */
export function AnswerFields({ baseUrl, model, saved, numbers, errors, status, onText, onNumber }: Props) {
  const text = ANSWERS_TEXT.settings;
  const id = useId();
  const current = status.status === 'ready' ? status.value : null;
  const location = current?.baseUrl && current.endpointLocation ? current.endpointLocation : null;
  const urlError = errors['answer.baseUrl'];
  const modelError = errors['answer.model'];
  return (
    <Panel title={text.title} id={ANSWERS_PANEL_ID}>
      <p className="panel-intro hint">{text.intro}</p>
      <div className="field-grid answer-endpoint">
        <div className="field">
          <label htmlFor={`${id}-url`}>{text.baseUrl}</label>
          <input
            id={`${id}-url`}
            type="url"
            inputMode="url"
            value={baseUrl}
            placeholder={text.examples[0]?.url}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={urlError ? true : undefined}
            aria-describedby={`${id}-url-hint`}
            onChange={(event) => onText('baseUrl', event.target.value)}
          />
          <p id={`${id}-url-hint`} className={urlError ? 'field-error' : 'hint'}>
            {urlError ?? text.baseUrlHint}
          </p>
          {location && current?.baseUrl && (
            <p className={location === 'loopback' ? 'hint endpoint-local' : 'notice notice-warning endpoint-warning'}>
              {text.location[location](endpointHost(current.baseUrl))}
            </p>
          )}
          <div className="endpoint-examples" role="group" aria-label={text.examplesGroup}>
            <span className="hint">{text.examplesLabel}</span>
            {text.examples.map((example) => (
              <button
                key={example.name}
                type="button"
                className="chip chip-button"
                title={example.url}
                aria-label={text.exampleLabel(example.name, example.url)}
                onClick={() => onText('baseUrl', example.url)}
              >
                {example.name}
              </button>
            ))}
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-model`}>{text.model}</label>
          <input
            id={`${id}-model`}
            type="text"
            value={model}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={modelError ? true : undefined}
            aria-describedby={`${id}-model-hint`}
            onChange={(event) => onText('model', event.target.value)}
          />
          <p id={`${id}-model-hint`} className={modelError ? 'field-error' : 'hint'}>
            {modelError ?? text.modelHint}
          </p>
        </div>
      </div>
      <AnswerConnectionCheck
        saved={saved}
        configured={current?.baseUrl !== null && current?.baseUrl !== undefined}
        model={model}
        onModel={(name) => onText('model', name)}
      />
      <div className="field-grid answer-numbers">
        <NumberField
          label={text.contextTokens}
          text={numbers['answer.contextTokens']}
          min={256}
          max={200_000}
          step={1}
          hint={text.contextTokensHint}
          error={errors['answer.contextTokens']}
          onChange={(value) => onNumber('answer.contextTokens', value)}
        />
        <NumberField
          label={text.maxAnswerTokens}
          text={numbers['answer.maxAnswerTokens']}
          min={16}
          max={32_768}
          step={1}
          hint={text.maxAnswerTokensHint}
          error={errors['answer.maxAnswerTokens']}
          onChange={(value) => onNumber('answer.maxAnswerTokens', value)}
        />
        <NumberField
          label={text.temperature}
          text={numbers['answer.temperature']}
          min={0}
          max={2}
          step={0.1}
          hint={text.temperatureHint}
          error={errors['answer.temperature']}
          onChange={(value) => onNumber('answer.temperature', value)}
        />
        <NumberField
          label={text.timeout}
          text={numbers['answer.timeoutSeconds']}
          min={1}
          max={3600}
          step={1}
          hint={text.timeoutHint}
          error={errors['answer.timeoutSeconds']}
          onChange={(value) => onNumber('answer.timeoutSeconds', value)}
        />
      </div>
    </Panel>
  );
}
