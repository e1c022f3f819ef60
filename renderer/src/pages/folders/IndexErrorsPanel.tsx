import type { IndexErrors } from '../../../../shared';
import { Panel } from '../../components/Panel';

interface Props {
  readonly errors: IndexErrors;
  readonly busy: boolean;
  readonly onRetry: (paths: string[] | null) => void;
}

/** Files that are not in the index, each with its code and reason; failed ones can be tried again. */
export function IndexErrorsPanel({ errors, busy, onRetry }: Props) {
  const failed = errors.errors.filter((e) => e.status === 'failed');
  return (
    <Panel
      title="Files not indexed"
      aside={
        failed.length > 0 && (
          <button type="button" className="button" disabled={busy} onClick={() => onRetry(null)}>
            Retry all failed
          </button>
        )
      }
    >
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Reason</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {errors.errors.map((e) => (
            <tr key={e.path} aria-label={e.path}>
              <th scope="row">
                <code>{e.path}</code>
              </th>
              <td>
                <code className="error-code">{e.code}</code> {e.message}
                {e.status === 'skipped' && <span className="hint hint-block">skipped on purpose</span>}
              </td>
              <td>
                {e.status === 'failed' && (
                  <button type="button" className="button" disabled={busy} onClick={() => onRetry([e.path])}>
                    Retry
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errors.total > errors.errors.length && (
        <p className="hint">
          Showing {errors.errors.length} of {errors.total}; `polyseek index errors` lists them all.
        </p>
      )}
    </Panel>
  );
}
