import { LICENSE_TERMS } from '../../../shared';

/** The CC BY-NC 4.0 summary from the contract, with the full licence one click away. */
interface Props {
  readonly headingLevel: 1 | 2;
  readonly headingId?: string;
}

export function LicenceTerms({ headingLevel, headingId }: Props) {
  const Heading = headingLevel === 1 ? 'h1' : 'h2';
  return (
    <div className="licence-terms">
      <Heading id={headingId}>{LICENSE_TERMS.title}</Heading>
      <p className="muted">
        Model <code>{LICENSE_TERMS.modelId}</code> · licence <code>{LICENSE_TERMS.licenseId}</code>
      </p>
      <ul className="licence-summary">
        {LICENSE_TERMS.summary.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <a href={LICENSE_TERMS.url} target="_blank" rel="noreferrer">
          Read the full licence (creativecommons.org)
        </a>
      </p>
    </div>
  );
}
