import type { Precision } from '../../../../shared';
import { routeHref } from '../../app/routes';
import { Panel } from '../../components/Panel';
import { useCommand } from '../../hooks/use-command';
import { useEvent } from '../../hooks/use-events';
import { SETTINGS_TEXT } from '../../text/settings';
import { SelectField } from './SelectField';
import type { FieldErrors } from './settings-draft';
import { variantChoice } from './variant-choice';

interface Props {
  readonly value: Precision;
  /** The variant saved in settings: kept selectable even when incomplete, so the form shows the truth. */
  readonly saved: Precision;
  readonly errors: FieldErrors;
  readonly onChange: (precision: Precision) => void;
}

/**
 * The weights to embed with. Only variants whose files are all in the model folder (model.status) are
 * offered; the others are listed with what it takes to get them, and a link to the Models page.
 */
export function VariantField({ value, saved, errors, onChange }: Props) {
  const text = SETTINGS_TEXT.variant;
  const status = useCommand('model.status');
  useEvent('model.progress', (job) => {
    if (job.state !== 'running') status.reload();
  });
  const model = status.state.status === 'ready' ? status.state.value : null;
  const { offered, missing } = variantChoice(model, saved, value);
  return (
    <Panel title={text.title} busy={status.state.status === 'loading'}>
      <div className="field-grid">
        <SelectField
          label={text.label}
          value={value}
          options={offered}
          onChange={onChange}
          hint={`${text.about[value]} ${text.changeNeedsVectors}`}
          error={errors['encoder.precision']}
        />
      </div>
      {missing.includes(saved) && <p className="notice notice-warning">{text.savedIncomplete(saved)}</p>}
      {status.state.status === 'failed' && <p className="hint">{text.unknown}</p>}
      {missing.length > 0 && (
        <div className="variant-missing">
          <h3 className="subheading">{text.unavailableTitle}</h3>
          <ul className="plain-list">
            {missing.map((precision) => (
              <li key={precision}>
                <code>{precision}</code> — {text.missing[precision]}{' '}
                <span className="hint">{text.about[precision]}</span>
              </li>
            ))}
          </ul>
          <p>
            <a href={routeHref('models')}>{text.goModels}</a>
          </p>
        </div>
      )}
    </Panel>
  );
}
