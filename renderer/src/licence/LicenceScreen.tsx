import type { LicenseStatus } from '../../../shared';
import { Logo } from '../components/Logo';
import { STEP_IDS, stepNumber } from '../onboarding/setup-steps';
import { LICENCE_TEXT } from '../text/licence';
import { ONBOARDING_TEXT } from '../text/onboarding';
import { LicenceAcceptForm } from './LicenceAcceptForm';
import { LicenceTerms } from './LicenceTerms';

interface Props {
  readonly onAccepted: (status: LicenseStatus) => void;
  readonly onContinueWithout: () => void;
}

/**
 * The first step of the first run, before the app opens: until the licence is accepted (or declined for
 * this session) only this screen shows. Declining keeps every keyword feature, and the screen says so.
 */
export function LicenceScreen({ onAccepted, onContinueWithout }: Props) {
  return (
    <main className="gate">
      <section className="gate-card gate-card-wide" aria-labelledby="licence-title">
        <Logo />
        <p className="gate-step">{ONBOARDING_TEXT.firstRunStep(stepNumber('licence'), STEP_IDS.length)}</p>
        <p className="gate-lead">{LICENCE_TEXT.screenLead}</p>
        <LicenceTerms headingLevel={1} headingId="licence-title" />
        <LicenceAcceptForm onAccepted={onAccepted}>
          <button type="button" className="button" onClick={onContinueWithout}>
            {LICENCE_TEXT.continueWithout}
          </button>
        </LicenceAcceptForm>
        <p className="hint">{LICENCE_TEXT.withoutHint}</p>
      </section>
    </main>
  );
}
