import { useId } from 'react';

import { TASKS } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SETTINGS_TEXT } from '../../text/settings';
import { SelectField } from './SelectField';
import type { EncoderSettings, FieldErrors } from './settings-draft';

interface Props {
  readonly values: EncoderSettings;
  readonly errors: FieldErrors;
  readonly onChange: (changed: Partial<EncoderSettings>) => void;
}

/** The query and passage adapters (all five tasks, each explained) and the instruction prefix. */
export function AdapterFields({ values, errors, onChange }: Props) {
  const text = SETTINGS_TEXT.adapters;
  const prefixId = useId();
  const listId = useId();
  return (
    <Panel title={text.title}>
      <p className="hint panel-intro">{text.intro}</p>
      <div className="field-grid">
        <SelectField
          label={text.query}
          value={values.queryTask}
          options={TASKS}
          onChange={(queryTask) => onChange({ queryTask })}
          hint={text.queryHint}
          error={errors['encoder.queryTask']}
        />
        <SelectField
          label={text.passage}
          value={values.passageTask}
          options={TASKS}
          onChange={(passageTask) => onChange({ passageTask })}
          hint={text.passageHint}
          error={errors['encoder.passageTask']}
        />
      </div>
      <h3 id={listId} className="subheading">
        {text.listLabel}
      </h3>
      <dl className="task-list" aria-labelledby={listId}>
        {TASKS.map((task) => (
          <div key={task}>
            <dt>
              <code>{task}</code>
            </dt>
            <dd>{text.about[task]}</dd>
          </div>
        ))}
      </dl>
      <div className="checkbox-row prefix-row">
        <input
          id={prefixId}
          type="checkbox"
          checked={values.instructionPrefix}
          aria-describedby={`${prefixId}-hint`}
          onChange={(event) => onChange({ instructionPrefix: event.target.checked })}
        />
        <div>
          <label htmlFor={prefixId}>{text.prefix}</label>
          <p id={`${prefixId}-hint`} className={errors['encoder.instructionPrefix'] ? 'field-error' : 'hint'}>
            {errors['encoder.instructionPrefix'] ?? text.prefixHint}
          </p>
        </div>
      </div>
    </Panel>
  );
}
