import { routeHref } from '../../app/routes';
import { Facts } from '../../components/Facts';
import { Panel } from '../../components/Panel';
import { FOLDERS_TEXT } from '../../text/folders';
import { formatList } from '../../text/format';
import { ProgressBar } from '../models/ProgressBar';
import type { ReembedState } from './reembed-state';

/**
 * A re-embed after a settings change: which vectors answer searches meanwhile, which are being made,
 * how many files still lack them, and whether a job is on it (the job panel above has the live rate).
 */
export function ReembedPanel({ state }: { readonly state: Extract<ReembedState, { kind: 'reembedding' }> }) {
  const text = FOLDERS_TEXT.reembed;
  const done = Math.max(0, state.total - state.left);
  const status =
    state.job === 'running'
      ? text.running
      : state.job === 'paused'
        ? text.paused
        : state.job === 'waiting'
          ? text.waiting(state.why ?? '')
          : text.stopped;
  return (
    <Panel title={text.title}>
      <Facts
        rows={[
          [text.serving, FOLDERS_TEXT.provenance(state.serving)],
          [text.making, state.making ? FOLDERS_TEXT.provenance(state.making) : text.pendingUnknown],
        ]}
      />
      <p className="hint reembed-changed">
        {text.changed(formatList(state.changed.map((field) => text.fieldNames[field])))}
      </p>
      <ProgressBar
        label={text.bar}
        share={state.total > 0 ? done / state.total : null}
        detail={text.progress(state.left, state.total)}
      />
      <p>{text.keepsServing}</p>
      <p className={state.job === 'waiting' ? 'text-warning' : 'muted'}>{status}</p>
      <p>
        <a href={routeHref('settings')}>{text.settingsLink}</a>
      </p>
    </Panel>
  );
}
