import { formatBytes, type IndexErrors } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';

interface Props {
  readonly errors: IndexErrors;
  readonly busy: boolean;
  readonly onRetry: (paths: string[] | null) => void;
}

/** Files that are not in the index, each with its code and reason; failed ones can be tried again. */
export function IndexErrorsPanel({ errors, busy, onRetry }: Props) {
  const text = FOLDERS_TEXT.errors;
  const failed = errors.errors.filter((e) => e.status === 'failed');
  return (
    <Panel
      title={text.title}
      aside={
        failed.length > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => onRetry(null)}>
            {text.retryAll}
          </button>
        )
      }
    >
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">{text.file}</th>
            <th scope="col">{text.reason}</th>
            <th scope="col">
              <span className="visually-hidden">{text.actions}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.errors.map((e) => (
            <tr key={e.path} aria-label={e.path}>
              <th scope="row">
                <code>{e.path}</code>
                <span className="hint hint-block">{text.details(e.format, formatBytes(e.size))}</span>
              </th>
              <td>
                <code className="error-code">{e.code}</code> {e.message}
                {e.status === 'skipped' && <span className="hint hint-block">{text.skipped}</span>}
              </td>
              <td>
                {e.status === 'failed' && (
                  <button type="button" className="button" disabled={busy} onClick={() => onRetry([e.path])}>
                    {text.retry}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.total > errors.errors.length && (
        <p className="hint">{text.showing(errors.errors.length, errors.total)}</p>
      )}
    </Panel>
  );
}
