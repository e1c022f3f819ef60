import { LICENSE_TERMS } from '../../../shared';
import { LICENCE_TEXT } from '../text/licence';

interface Props {
  readonly headingLevel: 1 | 2 | 3;
  readonly headingId?: string;
}

/** The CC BY-NC 4.0 summary in plain words, with the full licence one click away. */
export function LicenceTerms({ headingLevel, headingId }: Props) {
  const text = LICENCE_TEXT;
  const Heading = headingLevel === 1 ? 'h1' : headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className="licence-terms">
      <Heading id={headingId}>{text.title}</Heading>
      <p className="muted">
        {text.modelAndLicence} <code>{LICENSE_TERMS.modelId}</code> · {text.licenceLabel}{' '}
        <code>{LICENSE_TERMS.licenseId}</code>
      </p>
      <ul className="licence-summary">
        {text.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <a href={LICENSE_TERMS.url} target="_blank" rel="noreferrer">
          {text.fullText}
        </a>
      </p>
    </div>
  );
}
