import { useState, type FormEvent } from 'react';

import type { AnswerStatus, ReembedPlan, ResultError, SettingsView, VectorSet } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { routeHref } from '../../app/routes';
import { ErrorNotice } from '../../components/ErrorNotice';
import type { Loadable } from '../../hooks/loadable';
import { SETTINGS_TEXT } from '../../text/settings';
import { AdapterFields } from './AdapterFields';
import { AnswerFields } from './AnswerFields';
import { ComputePanel } from './ComputePanel';
import { DimsFields } from './DimsFields';
import { startsWork } from './reembed-summary';
import { ReembedNotice } from './ReembedNotice';
import { SearchFields } from './SearchFields';
import {
  EMPTY_DRAFT,
  FORM_FIELDS,
  checkDraft,
  refusalByField,
  typedOrNull,
  type FieldErrors,
  type NumberField,
  type SettingsDraft,
} from './settings-draft';
import { useReembedPlans } from './use-reembed-plans';
import { VariantField } from './VariantField';

interface Props {
  readonly view: SettingsView;
  /** The vectors search uses by default (from `index.status`), for the binary tier's storage figures. */
  readonly activeSet: VectorSet | null;
  readonly licenceAccepted: boolean;
  /** `answer.status`: where the saved endpoint is (the warning when passages leave this machine). */
  readonly answerStatus: Loadable<AnswerStatus>;
  readonly onSaved: (view: SettingsView) => void;
}

/**
 * Encoder, search and compute settings. Every edit is checked with the contract's schema (the field
 * says why it is refused), the re-embed plan for it is shown before saving, and Save sends only the
 * fields that changed; a refusal from the engine is shown beside the field it names.
 */
export function SettingsForm({ view, activeSet, licenceAccepted, answerStatus, onSaved }: Props) {
  const text = SETTINGS_TEXT;
  const client = useClient();
  const [draft, setDraft] = useState<SettingsDraft>(EMPTY_DRAFT);
  const [busy, setBusy] = useState(false);
  const [refused, setRefused] = useState<{ errors: FieldErrors; rest: ResultError | null } | null>(null);
  const [saved, setSaved] = useState<{ work: boolean } | null>(null);

  const current = view.settings;
  const encoder = { ...current.encoder, ...draft.encoder };
  const plans = useReembedPlans(draft.encoder);
  const { patch, errors: local } = checkDraft(current, draft);
  const errors: FieldErrors = { ...refused?.errors, ...local };
  const invalid = Object.keys(local).length > 0;
  const encoderEdited = patch?.encoder !== undefined;
  const chosenPlan: ReembedPlan | null = plans.status === 'ready' ? (plans.plans.get(encoder.dims) ?? null) : null;

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setSaved(null);
    setRefused(null);
  };
  const editNumber = (field: NumberField, value: string) =>
    edit({ ...draft, numbers: { ...draft.numbers, [field]: value } });
  const numberText = (field: NumberField, fallback: number) => draft.numbers[field] ?? String(fallback);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!patch || invalid) return;
    setBusy(true);
    setRefused(null);
    const work = encoderEdited && startsWork(chosenPlan);
    const result = await client.invoke('settings.set', patch);
    setBusy(false);
    if (!result.ok) {
      if (result.error.code !== 'INVALID_INPUT') return setRefused({ errors: {}, rest: result.error });
      const split = refusalByField(result.error.message, FORM_FIELDS);
      return setRefused({
        errors: split.errors,
        rest: split.rest === null ? null : { code: result.error.code, message: split.rest },
      });
    }
    setDraft(EMPTY_DRAFT);
    setSaved({ work });
    onSaved(result.value);
  };

  return (
    <form className="settings-form" onSubmit={(event) => void save(event)} aria-label={text.formLabel} noValidate>
      <fieldset disabled={view.readOnly || busy} className="plain-fieldset">
        <AdapterFields
          values={encoder}
          errors={errors}
          onChange={(change) => edit({ ...draft, encoder: { ...draft.encoder, ...change } })}
        />
        <DimsFields
          dims={encoder.dims}
          errors={errors}
          plans={plans}
          onChange={(dims) => edit({ ...draft, encoder: { ...draft.encoder, dims } })}
        />
        <VariantField
          value={encoder.precision}
          saved={current.encoder.precision}
          errors={errors}
          onChange={(precision) => edit({ ...draft, encoder: { ...draft.encoder, precision } })}
        />
        <SearchFields
          values={{ ...current.search, ...draft.search }}
          numbers={{
            'search.fusion.semanticWeight': numberText(
              'search.fusion.semanticWeight',
              current.search.fusion.semanticWeight,
            ),
            'search.fusion.keywordWeight': numberText(
              'search.fusion.keywordWeight',
              current.search.fusion.keywordWeight,
            ),
            'search.fusion.k': numberText('search.fusion.k', current.search.fusion.k),
          }}
          errors={errors}
          activeSet={activeSet}
          onChange={(search) => edit({ ...draft, search: { ...draft.search, ...search } })}
          onNumber={editNumber}
        />
        <AnswerFields
          baseUrl={answerText(draft.answer.baseUrl, current.answer.baseUrl)}
          model={answerText(draft.answer.model, current.answer.model)}
          saved={
            typedOrNull(answerText(draft.answer.baseUrl, current.answer.baseUrl)) === current.answer.baseUrl &&
            typedOrNull(answerText(draft.answer.model, current.answer.model)) === current.answer.model
          }
          numbers={{
            'answer.contextTokens': numberText('answer.contextTokens', current.answer.contextTokens),
            'answer.maxAnswerTokens': numberText('answer.maxAnswerTokens', current.answer.maxAnswerTokens),
            'answer.temperature': numberText('answer.temperature', current.answer.temperature),
            'answer.timeoutSeconds': numberText('answer.timeoutSeconds', current.answer.timeoutSeconds),
          }}
          errors={errors}
          status={answerStatus}
          onText={(field, value) => edit({ ...draft, answer: { ...draft.answer, [field]: value } })}
          onNumber={editNumber}
        />
        <ComputePanel
          provider={draft.compute.provider ?? current.compute.provider}
          savedProvider={current.compute.provider}
          threadsText={numberText('compute.threads', current.compute.threads)}
          errors={errors}
          licenceAccepted={licenceAccepted}
          onProvider={(provider) => edit({ ...draft, compute: { ...draft.compute, provider } })}
          onThreads={(value) => editNumber('compute.threads', value)}
        />
      </fieldset>
      <div className="settings-actions">
        <ReembedNotice plans={plans} dims={encoder.dims} precision={encoder.precision} encoderEdited={encoderEdited} />
        {refused?.rest && <ErrorNotice error={refused.rest} context={text.savingContext} />}
        <div className="save-bar">
          <button type="submit" className="button button-primary" disabled={!patch || invalid || busy}>
            {busy ? text.saving : text.save}
          </button>
          <span className="save-state" role="status">
            {view.readOnly
              ? text.readOnly
              : invalid
                ? text.validation.fixFirst
                : saved && !patch
                  ? text.saved
                  : patch
                    ? text.unsaved
                    : ''}
          </span>
          {saved?.work && !patch && <a href={routeHref('folders')}>{text.plan.follow}</a>}
        </div>
      </div>
    </form>
  );
}

/** A text field of the Answers panel: as typed when touched, else the saved value ('' for none). */
function answerText(typed: string | null | undefined, saved: string | null): string {
  return typed === undefined ? (saved ?? '') : (typed ?? '');
}
