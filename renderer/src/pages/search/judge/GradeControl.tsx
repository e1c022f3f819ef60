import { EVALUATE_TEXT } from '../../../text/evaluate';
import { nextGrade } from './grades';

interface Props {
  /** The file's name, for the group's label. */
  readonly name: string;
  readonly grade: number | undefined;
  readonly disabled: boolean;
  readonly onGrade: (grade: number | null) => void;
}

/**
 * 0–3 as four toggle buttons (aria-pressed), not radios: the result list moves through results with the
 * arrow keys, and radios would both fight over those and save a grade on every arrow press. Pressing the
 * grade a file has removes it.
 */
export function GradeControl({ name, grade, disabled, onGrade }: Props) {
  const text = EVALUATE_TEXT.judge;
  return (
    <div className="grade-control" role="group" aria-label={text.groupLabel(name)}>
      <span className="grade-legend" aria-hidden="true">
        {text.legend}
      </span>
      {text.grades.map((meaning, value) => (
        <button
          key={value}
          type="button"
          className="button grade-button"
          aria-pressed={grade === value}
          aria-label={text.gradeLabel(value, meaning)}
          title={text.gradeTitle(meaning, grade === value)}
          disabled={disabled}
          onClick={() => onGrade(nextGrade(grade, value))}
        >
          {value}
        </button>
      ))}
    </div>
  );
}
