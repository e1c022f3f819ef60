import type { Precision } from '../../../shared';
import { ONBOARDING_TEXT } from '../text/onboarding';
import type { ModelSituation } from './setup-steps';

interface Props {
  readonly situation: ModelSituation;
  readonly dir: string;
  readonly onUse: (variant: Precision) => void;
}

/** Why the model step is open, in the words of what happened; nothing for a first setup or a running job. */
export function ModelSituationNotice({ situation, dir, onUse }: Props) {
  const text = ONBOARDING_TEXT.model;
  switch (situation.kind) {
    case 'ready':
      return <p className="notice notice-ok">{text.ready(situation.variant, situation.verified, dir)}</p>;
    case 'gone':
      return <p className="notice notice-warning">{text.gone(situation.dir, situation.dirSource)}</p>;
    case 'partial':
      return (
        <p className="notice notice-info">{text.partial(situation.variant, situation.present, situation.needed)}</p>
      );
    case 'damaged':
      return <p className="notice notice-error">{text.damaged(situation.files)}</p>;
    case 'fingerprint':
      return <p className="notice notice-error">{text.fingerprint}</p>;
    case 'other-variant':
      return (
        <div className="notice notice-warning">
          <p>{text.otherVariant(situation.selected, situation.available)}</p>
          <button type="button" className="button" onClick={() => onUse(situation.available)}>
            {text.useVariant(situation.available)}
          </button>
        </div>
      );
    default:
      return null;
  }
}
