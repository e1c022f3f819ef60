import type { LicenseStatus } from '../../../shared';
import { Logo } from '../components/Logo';
import { LicenceAcceptForm } from './LicenceAcceptForm';
import { LicenceTerms } from './LicenceTerms';

interface Props {
  readonly onAccepted: (status: LicenseStatus) => void;
  readonly onContinueWithout: () => void;
}

/** First run: the only screen until the licence is accepted or model features are declined for now. */
export function LicenceScreen({ onAccepted, onContinueWithout }: Props) {
  return (
    <main className="gate">
      <section className="gate-card gate-card-wide" aria-labelledby="licence-title">
        <Logo />
        <p className="gate-lead">
          Polyseek searches your documents by meaning with the Jina Embeddings v3 model. Before the model can be used,
          please read its licence.
        </p>
        <LicenceTerms headingLevel={1} headingId="licence-title" />
        <LicenceAcceptForm onAccepted={onAccepted}>
          <button type="button" className="button" onClick={onContinueWithout}>
            Continue without the model
          </button>
        </LicenceAcceptForm>
        <p className="hint">
          Without the model, semantic search and evaluation stay off (you can still download the model and check it).
          You can accept the licence later in Settings.
        </p>
      </section>
    </main>
  );
}
