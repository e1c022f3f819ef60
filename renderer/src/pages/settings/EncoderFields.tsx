import { useId } from 'react';

import { MATRYOSHKA_DIMS, PRECISIONS, TASKS } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { SelectField } from './SelectField';
import type { EncoderSettings } from './settings-draft';

interface Props {
  readonly values: EncoderSettings;
  readonly onChange: (changed: Partial<EncoderSettings>) => void;
}

/** Adapters, instruction prefix, Matryoshka dimensions and weight precision. */
export function EncoderFields({ values, onChange }: Props) {
  const prefixId = useId();
  return (
    <Panel title="Encoder">
      <div className="field-grid">
        <SelectField
          label="Query task"
          value={values.queryTask}
          options={TASKS}
          onChange={(queryTask) => onChange({ queryTask })}
          hint="LoRA adapter used to embed search queries."
        />
        <SelectField
          label="Passage task"
          value={values.passageTask}
          options={TASKS}
          onChange={(passageTask) => onChange({ passageTask })}
          hint="Adapter used to embed indexed passages; changing it needs new vectors."
        />
        <SelectField
          label="Dimensions"
          value={values.dims}
          options={MATRYOSHKA_DIMS}
          onChange={(dims) => onChange({ dims })}
          hint="Stored vector size; smaller is faster and smaller, slightly less accurate."
        />
        <SelectField
          label="Precision"
          value={values.precision}
          options={PRECISIONS}
          onChange={(precision) => onChange({ precision })}
          hint="fp32 is the reference; int8 is about 2.4× faster on CPU (cosine ≈ 0.9995)."
        />
      </div>
      <div className="checkbox-row">
        <input
          id={prefixId}
          type="checkbox"
          checked={values.instructionPrefix}
          onChange={(event) => onChange({ instructionPrefix: event.target.checked })}
        />
        <label htmlFor={prefixId}>
          Instruction prefix
          <span className="hint hint-block">
            Prepend the task's instruction (“Represent the query for …”) where it has one.
          </span>
        </label>
      </div>
    </Panel>
  );
}
