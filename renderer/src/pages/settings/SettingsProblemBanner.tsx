import type { SettingsProblem } from '../../../../shared';

const TITLES: Record<SettingsProblem['code'], string> = {
  SETTINGS_CORRUPT: 'The settings file could not be read',
  SETTINGS_TOO_NEW: 'The settings file was written by a newer Polyseek',
  SETTINGS_WRITE_FAILED: 'The settings could not be saved',
};

/** Why the settings in use are not simply what the file said; never hidden. */
export function SettingsProblemBanner({ problem }: { readonly problem: SettingsProblem }) {
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{TITLES[problem.code]}.</strong> {sentence(problem.message)}
      </p>
      {problem.backupPath && (
        <p>
          A copy of the original file was kept as <code>{problem.backupPath}</code>.
        </p>
      )}
      {problem.resetSections.length > 0 && (
        <p>
          Reset to defaults: <strong>{problem.resetSections.join(', ')}</strong>.
        </p>
      )}
      {problem.code === 'SETTINGS_TOO_NEW' && (
        <p>Settings are read-only here so the newer file is not damaged. Update Polyseek to change them.</p>
      )}
    </div>
  );
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
