import { useEffect } from 'react';

import { useAppState } from '../app/app-state';
import { ErrorNotice } from '../components/ErrorNotice';
import { LicenceStatusPanel } from '../components/LicenceStatusPanel';
import { PageHeader } from '../components/PageHeader';
import { useCommand } from '../hooks/use-command';
import { useEvent } from '../hooks/use-events';
import { LicenceAcceptForm } from '../licence/LicenceAcceptForm';
import { LicenceTerms } from '../licence/LicenceTerms';
import { SETTINGS_TEXT } from '../text/settings';
import { ANSWERS_PANEL_ID } from './settings/AnswerFields';
import { AnswerKeyPanel } from './settings/AnswerKeyPanel';
import { SettingsForm } from './settings/SettingsForm';
import { SettingsProblemBanner } from './settings/SettingsProblemBanner';
import './settings/settings.css';

/** Settings from `settings.get`, saved with `settings.set`; refreshed by `settings.changed` events. */
export function SettingsPage() {
  const text = SETTINGS_TEXT;
  const { settings, setSettings, reloadSettings, licence, setLicence } = useAppState();
  const index = useCommand('index.status');
  // The serving set changes when a re-embed completes; its sizes feed the binary tier's figures.
  useEvent('index.progress', (job) => {
    if (job.state !== 'running' && job.state !== 'paused') index.reload();
  });
  // Where the endpoint is and whether a key is stored; a saved endpoint changes both.
  const answerStatus = useCommand('answer.status');
  useEvent('settings.changed', answerStatus.reload);
  const ready = settings.status === 'ready';
  useEffect(() => {
    // `#/settings/answers` (the Ask panel's "connect a model" link) opens at the Answers panel.
    if (!ready || !window.location.hash.endsWith(`/${ANSWERS_PANEL_ID}`)) return;
    const panel = document.getElementById(ANSWERS_PANEL_ID);
    panel?.scrollIntoView({ block: 'start' });
    panel?.querySelector<HTMLInputElement>('input')?.focus({ preventScroll: true });
  }, [ready]);
  const activeSet =
    index.state.status === 'ready' ? (index.state.value.vectorSets.find((set) => set.active) ?? null) : null;
  return (
    <>
      <PageHeader title={text.title}>
        {settings.status === 'ready' ? (
          <>
            {text.storedIn} <code className="path">{settings.value.path}</code>
          </>
        ) : (
          text.lead
        )}
      </PageHeader>
      {settings.status === 'loading' && (
        <p className="muted" aria-busy="true">
          {text.reading}
        </p>
      )}
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context={text.readingContext} onRetry={reloadSettings} />
      )}
      {settings.status === 'ready' && (
        <>
          {settings.value.problem && <SettingsProblemBanner problem={settings.value.problem} />}
          <SettingsForm
            view={settings.value}
            activeSet={activeSet}
            licenceAccepted={licence.accepted}
            answerStatus={answerStatus.state}
            onSaved={(view) => {
              setSettings(view);
              answerStatus.reload();
            }}
          />
          <AnswerKeyPanel status={answerStatus.state} onStatus={answerStatus.replace} />
        </>
      )}
      <LicenceStatusPanel>
        {!licence.accepted && (
          <div className="licence-later">
            <LicenceTerms headingLevel={2} />
            <LicenceAcceptForm onAccepted={setLicence} />
          </div>
        )}
      </LicenceStatusPanel>
    </>
  );
}
