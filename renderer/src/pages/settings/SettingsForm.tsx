import { useState, type FormEvent } from 'react';

import type { ResultError, SettingsView, VectorSet } from '../../../../shared';
import { useClient } from '../../app/connection-context';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ComputeFields } from './ComputeFields';
import { EncoderFields } from './EncoderFields';
import { SearchFields } from './SearchFields';
import { EMPTY_DRAFT, parseThreads, patchFromDraft, type SettingsDraft } from './settings-draft';

interface Props {
  readonly view: SettingsView;
  /** The vectors search uses by default (from `index.status`), for the binary tier's storage figures. */
  readonly activeSet: VectorSet | null;
  readonly onSaved: (view: SettingsView) => void;
}

/** Encoder, search and compute settings; Save sends only the fields that changed. */
export function SettingsForm({ view, activeSet, onSaved }: Props) {
  const client = useClient();
  const [draft, setDraft] = useState<SettingsDraft>(EMPTY_DRAFT);
  const [threadsText, setThreadsText] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ResultError | null>(null);
  const [saved, setSaved] = useState(false);

  const current = view.settings;
  const threads = threadsText === null ? null : parseThreads(threadsText);
  const threadsError = threads && 'error' in threads ? threads.error : null;
  const effective: SettingsDraft = {
    encoder: draft.encoder,
    search: draft.search,
    compute: threads && 'threads' in threads ? { ...draft.compute, threads: threads.threads } : draft.compute,
  };
  const patch = patchFromDraft(current, effective);

  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setSaved(false);
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    if (!patch || threadsError) return;
    setBusy(true);
    setError(null);
    const result = await client.invoke('settings.set', patch);
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setDraft(EMPTY_DRAFT);
    setThreadsText(null);
    setSaved(true);
    onSaved(result.value);
  };

  return (
    <form
      className="settings-form"
      onSubmit={(event) => void save(event)}
      aria-label="Encoder, search and compute settings"
    >
      <fieldset disabled={view.readOnly || busy} className="plain-fieldset">
        <EncoderFields
          values={{ ...current.encoder, ...draft.encoder }}
          onChange={(encoder) => edit({ ...draft, encoder: { ...draft.encoder, ...encoder } })}
        />
        <SearchFields
          values={{ ...current.search, ...draft.search }}
          activeSet={activeSet}
          onChange={(search) => edit({ ...draft, search: { ...draft.search, ...search } })}
        />
        <ComputeFields
          provider={draft.compute.provider ?? current.compute.provider}
          threadsText={threadsText ?? String(current.compute.threads)}
          threadsError={threadsError}
          onProvider={(provider) => edit({ ...draft, compute: { ...draft.compute, provider } })}
          onThreads={(text) => {
            setThreadsText(text);
            setSaved(false);
          }}
        />
      </fieldset>
      {error && <ErrorNotice error={error} context="Saving settings" />}
      <div className="save-bar">
        <button type="submit" className="button button-primary" disabled={!patch || !!threadsError || busy}>
          {busy ? 'Saving…' : 'Save settings'}
        </button>
        <span className="save-state" role="status">
          {view.readOnly
            ? 'Read-only: written by a newer Polyseek'
            : saved && !patch
              ? 'Saved'
              : patch
                ? 'Unsaved changes'
                : ''}
        </span>
      </div>
    </form>
  );
}
