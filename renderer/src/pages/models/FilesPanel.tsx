import type { ModelFileStatus } from '../../../../shared';
import { formatBytes } from '../../../../shared';
import { Panel } from '../../components/Panel';
import { MODELS_TEXT } from '../../text/models';
import { CHECK_LABELS, checkTone, describeFileSource } from './model-format';

/** Every file of the manifest: size on disk, and what is known about its integrity. */
export function FilesPanel({ files }: { readonly files: readonly ModelFileStatus[] }) {
  const text = MODELS_TEXT.files;
  return (
    <Panel title={text.title}>
      <div className="table-scroll">
        <table className="model-table">
          <thead>
            <tr>
              <th scope="col">{text.file}</th>
              <th scope="col">{text.size}</th>
              <th scope="col">{text.integrity}</th>
            </tr>
          </thead>
          <tbody>
            {files.map((file) => (
              <tr key={file.path}>
                <th scope="row">
                  <code>{file.path}</code>
                  <span className="hint hint-block">
                    {file.variants.length > 0 ? file.variants.join(', ') : text.shared}
                    {file.optional && text.optional}
                  </span>
                </th>
                <td className="numeric">{file.bytes === null ? '—' : formatBytes(file.bytes)}</td>
                <td>
                  <span className={`text-${checkTone(file.check)}`}>{CHECK_LABELS[file.check]}</span>
                  {file.check !== 'missing' && <span className="hint hint-block">{describeFileSource(file)}</span>}
                  {file.hashSource === null && (
                    <details className="file-note">
                      <summary className="hint">{text.why}</summary>
                      <span className="hint">{file.note}</span>
                    </details>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Panel>
  );
}
