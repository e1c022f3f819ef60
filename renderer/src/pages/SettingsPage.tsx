import { useAppState } from '../app/app-state';
import { ErrorNotice } from '../components/ErrorNotice';
import { GpuStatusPanel } from '../components/GpuStatusPanel';
import { LicenceStatusPanel } from '../components/LicenceStatusPanel';
import { PageHeader } from '../components/PageHeader';
import { useCommand } from '../hooks/use-command';
import { LicenceAcceptForm } from '../licence/LicenceAcceptForm';
import { LicenceTerms } from '../licence/LicenceTerms';
import { SettingsForm } from './settings/SettingsForm';
import { SettingsProblemBanner } from './settings/SettingsProblemBanner';

/** Settings from `settings.get`, saved with `settings.set`; refreshed by `settings.changed` events. */
export function SettingsPage() {
  const { settings, setSettings, reloadSettings, licence, setLicence } = useAppState();
  const index = useCommand('index.status');
  const activeSet =
    index.state.status === 'ready' ? (index.state.value.vectorSets.find((set) => set.active) ?? null) : null;
  return (
    <>
      <PageHeader title="Settings">
        {settings.status === 'ready' ? (
          <>
            Stored in <code className="path">{settings.value.path}</code>
          </>
        ) : (
          'How Polyseek embeds your documents and where it runs.'
        )}
      </PageHeader>
      {settings.status === 'loading' && (
        <p className="muted" aria-busy="true">
          Reading settings…
        </p>
      )}
      {settings.status === 'failed' && (
        <ErrorNotice error={settings.error} context="Reading settings" onRetry={reloadSettings} />
      )}
      {settings.status === 'ready' && (
        <>
          {settings.value.problem && <SettingsProblemBanner problem={settings.value.problem} />}
          <SettingsForm view={settings.value} activeSet={activeSet} onSaved={setSettings} />
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
      <GpuStatusPanel />
    </>
  );
}
