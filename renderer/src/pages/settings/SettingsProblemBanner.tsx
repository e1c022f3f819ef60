import type { SettingsProblem } from '../../../../shared';
import { SETTINGS_TEXT } from '../../text/settings';

/** Why the settings in use are not simply what the file said; never hidden. */
export function SettingsProblemBanner({ problem }: { readonly problem: SettingsProblem }) {
  const text = SETTINGS_TEXT.problems;
  return (
    <div className="notice notice-warning" role="alert">
      <p>
        <strong>{text.titles[problem.code]}.</strong> {sentence(problem.message)}
      </p>
      {problem.backupPath && (
        <p>
          {text.backup} <code>{problem.backupPath}</code>.
        </p>
      )}
      {problem.resetSections.length > 0 && (
        <p>
          {text.reset} <strong>{problem.resetSections.join(', ')}</strong>.
        </p>
      )}
      {problem.code === 'SETTINGS_TOO_NEW' && <p>{text.readOnly}</p>}
    </div>
  );
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
