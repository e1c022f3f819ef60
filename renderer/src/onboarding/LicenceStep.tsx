import { LICENSE_TERMS } from '../../../shared';
import { useAppState } from '../app/app-state';
import { LicenceAcceptForm } from '../licence/LicenceAcceptForm';
import { LicenceTerms } from '../licence/LicenceTerms';
import { formatDateTime } from '../text/format';
import { LICENCE_TEXT } from '../text/licence';
import { ONBOARDING_TEXT } from '../text/onboarding';

/** Step 1 inside the app, for someone who declined at first and came back: the same terms and form. */
export function LicenceStep() {
  const { licence, setLicence } = useAppState();
  const text = ONBOARDING_TEXT.licence;
  if (licence.accepted) {
    return (
      <p className="text-ok">
        {text.accepted(licence.acceptedAt ? formatDateTime(licence.acceptedAt) : '—')}{' '}
        <a href={LICENSE_TERMS.url} target="_blank" rel="noreferrer">
          {LICENCE_TEXT.fullText}
        </a>
      </p>
    );
  }
  return (
    <>
      <p className="lead">{text.lead}</p>
      <LicenceTerms headingLevel={3} />
      <LicenceAcceptForm onAccepted={setLicence} />
      <p className="hint">{text.declineEffect}</p>
    </>
  );
}
