import { useEffect, useId, useState } from 'react';

import { ANSWERS_TEXT } from '../../../text/answers';

/** How long "Copied" stays on the button. */
const COPIED_MS = 2500;

interface Props {
  readonly text: string;
  readonly primary: boolean;
}

/**
 * Copies the context pack as text. The Clipboard API needs a secure context (a server reached over
 * plain HTTP on the network is not one): then the older copy command is tried, and if the browser
 * refuses both, the text is shown selected so the person copies it themselves.
 */
export function CopyContextButton({ text, primary }: Props) {
  const words = ANSWERS_TEXT.sources;
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const id = useId();

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = setTimeout(() => setState('idle'), COPIED_MS);
    return () => clearTimeout(timer);
  }, [state]);

  const copy = async () => setState((await copyText(text)) ? 'copied' : 'failed');

  return (
    <>
      <button
        type="button"
        className={primary ? 'button button-primary' : 'button'}
        aria-describedby={`${id}-state`}
        onClick={() => void copy()}
      >
        {words.copy}
      </button>
      <span id={`${id}-state`} className="copy-state" role="status">
        {state === 'copied' ? words.copied : ''}
      </span>
      {state === 'failed' && (
        <div className="copy-fallback">
          <p className="hint">{words.copyFailed}</p>
          <textarea
            readOnly
            value={text}
            aria-label={words.contextLabel}
            rows={8}
            ref={(area) => {
              area?.focus();
              area?.select();
            }}
          />
        </div>
      )}
    </>
  );
}

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // refused (no permission, document not focused): try the older way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.append(area);
  area.select();
  try {
    // Deprecated, but the one way left outside secure contexts; false when the browser refuses.
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    area.remove();
  }
}
