import { Fragment, useState } from 'react';

import type { IndexStatus, Root, RootUpdateInput } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';
import { formatNumber } from '../../text/format';
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
  const text = FOLDERS_TEXT.roots;
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Panel title={text.title}>
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">{text.folder}</th>
            <th scope="col">{text.files}</th>
            <th scope="col">{text.chunks}</th>
            <th scope="col">
              <span className="visually-hidden">{text.actions}</span>
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
                      {counts && !counts.exists && <strong className="text-warning">{text.missing}</strong>}
                      {[
                        root.include.join(' '),
                        text.excludeCount(root.exclude.length),
                        text.upTo(text.mib(root.maxFileBytes / (1024 * 1024))),
                        root.followSymlinks
                          ? root.allowOutside
                            ? text.linksAnywhere
                            : text.linksInside
                          : text.linksIgnored,
                      ].join(' · ')}
                    </span>
                  </th>
                  <td>
                    {counts ? (
                      <>
                        {text.indexed(counts.indexed)}
                        {(counts.failed > 0 || counts.skipped > 0 || counts.pending > 0) && (
                          <span className="hint hint-block">
                            {text.breakdown(counts.failed, counts.skipped, counts.pending)}
                          </span>
                        )}
                      </>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>{counts ? formatNumber(counts.chunks) : '—'}</td>
                  <td>
                    <div className="actions">
                      <button
                        type="button"
                        className="button"
                        aria-expanded={editing === root.path}
                        onClick={() => setEditing(editing === root.path ? null : root.path)}
                      >
                        {text.options}
                      </button>
                      <button type="button" className="button" disabled={busy} onClick={() => onRemove(root.path)}>
                        {text.remove}
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
