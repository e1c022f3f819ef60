import { Fragment, useState } from 'react';

import type { IndexStatus, Root, RootUpdateInput } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { RootEditor } from './RootEditor';

interface Props {
  readonly roots: readonly Root[];
  readonly status: IndexStatus | null;
  readonly busy: boolean;
  readonly onUpdate: (input: RootUpdateInput) => void;
  readonly onRemove: (path: string) => void;
}

/** The indexed folders: files and chunks in each, whether the folder is there, its options. */
export function RootsPanel({ roots, status, busy, onUpdate, onRemove }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Panel title="Indexed folders">
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">Folder</th>
            <th scope="col">Files</th>
            <th scope="col">Chunks</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {roots.map((root) => {
            const counts = status?.roots.find((r) => r.path === root.path);
            return (
              <Fragment key={root.path}>
                <tr aria-label={root.path}>
                  <th scope="row">
                    <code>{root.path}</code>
                    <span className="hint hint-block">
                      {counts && !counts.exists && (
                        <strong className="text-warning">Missing — its index is kept. </strong>
                      )}
                      {root.include.join(' ')} · {root.exclude.length} exclude globs · up to{' '}
                      {formatMiB(root.maxFileBytes)}
                      {root.followSymlinks
                        ? root.allowOutside
                          ? ' · links followed anywhere'
                          : ' · links followed inside'
                        : ' · links ignored'}
                    </span>
                  </th>
                  <td>
                    {counts ? (
                      <>
                        {counts.indexed} indexed
                        {(counts.failed > 0 || counts.skipped > 0 || counts.pending > 0) && (
                          <span className="hint hint-block">
                            {counts.failed} failed · {counts.skipped} skipped · {counts.pending} pending
                          </span>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{counts ? counts.chunks.toLocaleString() : '—'}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button"
                        aria-expanded={editing === root.path}
                        onClick={() => setEditing(editing === root.path ? null : root.path)}
                      >
                        Options
                      </button>
                      <button type="button" className="button" disabled={busy} onClick={() => onRemove(root.path)}>
                        Remove
                      </button>
                    </div>
                  </td>
                </tr>
                {editing === root.path && (
                  <tr>
                    <td colSpan={4}>
                      <RootEditor
                        root={root}
                        busy={busy}
                        onSave={(input) => {
                          onUpdate(input);
                          setEditing(null);
                        }}
                        onCancel={() => setEditing(null)}
                      />
                    </td>
                  </tr>
                )}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </Panel>
  );
}

/** The cap as set: binary megabytes, as the options field takes it. */
function formatMiB(bytes: number): string {
  return `${Math.round((bytes / (1024 * 1024)) * 100) / 100} MiB`;
}
