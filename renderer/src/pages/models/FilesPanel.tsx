import type { ModelFileStatus } from '../../../../shared';
import { formatBytes } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { CHECK_LABELS, checkTone, describeFileSource } from './model-format';

/** Every file of the manifest: size on disk, and what is known about its integrity. */
export function FilesPanel({ files }: { readonly files: readonly ModelFileStatus[] }) {
  return (
    <Panel title="Files">
      <table className="model-table">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Size</th>
            <th scope="col">Integrity</th>
          </tr>
        </thead>
        <tbody>
          {files.map((file) => (
            <tr key={file.path}>
              <th scope="row">
                <code>{file.path}</code>
                <span className="hint hint-block">
                  {file.variants.length > 0 ? file.variants.join(', ') : 'shared'}
                  {file.optional && ' · optional'}
                </span>
              </th>
              <td>{file.bytes === null ? '—' : formatBytes(file.bytes)}</td>
              <td>
                <span className={`text-${checkTone(file.check)}`}>{CHECK_LABELS[file.check]}</span>
                {file.check !== 'missing' && <span className="hint hint-block">{describeFileSource(file)}</span>}
                {file.hashSource === null && (
                  <details className="file-note">
                    <summary className="hint">Why</summary>
                    <span className="hint">{file.note}</span>
                  </details>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Panel>
  );
}
