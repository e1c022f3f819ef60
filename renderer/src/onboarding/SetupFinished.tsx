import { routeHref } from '../app/routes';
import { ONBOARDING_TEXT } from '../text/onboarding';

/** The end of the guide: everything done, or the rest left for later. */
export function SetupFinished({ allDone }: { readonly allDone: boolean }) {
  const text = ONBOARDING_TEXT.finished;
  return (
    <section className="setup-step" aria-labelledby="setup-finished-title">
      <h2 id="setup-finished-title">{allDone ? text.title : text.laterTitle}</h2>
      <p>{allDone ? text.body : text.someSkipped}</p>
      <div className="actions">
        <a className="button button-primary" href={routeHref('search')}>
          {ONBOARDING_TEXT.goSearch}
        </a>
      </div>
    </section>
  );
}
