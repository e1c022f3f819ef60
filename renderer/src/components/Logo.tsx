import { COMPONENTS_TEXT } from '../text/components';

/** The wordmark used on the gate screens and in the navigation. */
export function Logo() {
  return (
    <div className="logo">
      <span className="logo-mark" aria-hidden="true">
        P
      </span>
      <span className="logo-text">{COMPONENTS_TEXT.logo}</span>
    </div>
  );
}
