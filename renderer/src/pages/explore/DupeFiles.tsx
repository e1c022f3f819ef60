import type { ExploreFileRef } from '../../../../shared';
import { EXPLORE_TEXT } from '../../text/explore';
import { languageName } from '../../text/search';
import { baseName } from './map-points';

interface Props {
  readonly files: readonly ExploreFileRef[];
  readonly label: string;
  readonly onOpen: (path: string) => void;
}

/** The files of a group: name (and title), folder, language, passages, and Open. */
export function DupeFiles({ files, label, onOpen }: Props) {
  const text = EXPLORE_TEXT.dupes;
  return (
    <ul className="explore-files" aria-label={label}>
      {files.map((file) => {
        const name = baseName(file.path);
        return (
          <li key={file.path} className="explore-file">
            <div className="explore-file-text">
              <span className="explore-file-name" dir="auto">
                {name}
                {file.title && file.title !== name && <span className="explore-file-title"> · {file.title}</span>}
              </span>
              <span className="explore-file-path hint" dir="auto">
                {file.path}
              </span>
            </div>
            <span className="hint explore-file-facts">
              {file.language && file.language !== 'und' ? `${languageName(file.language)} · ` : ''}
              {EXPLORE_TEXT.passages(file.passages)}
            </span>
            <button
              type="button"
              className="button button-small"
              aria-label={text.openLabel(name)}
              onClick={() => onOpen(file.path)}
            >
              {text.open}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
