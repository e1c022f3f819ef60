import { Logo } from '../components/Logo';
import { APP_TEXT } from '../text/app';
import { ROUTES, SETUP_ROUTE, routeHref, type Route } from './routes';

interface Props {
  readonly current: Route;
  /** Steps of the first-run guide still open; the way back to it shows while any is (or while on it). */
  readonly setupLeft: number;
}

/** The navigation (a sidebar, a top bar in narrow windows); the current page is marked with aria-current. */
export function NavBar({ current, setupLeft }: Props) {
  const onSetup = current.id === SETUP_ROUTE.id;
  return (
    <nav className="nav" aria-label={APP_TEXT.nav.label}>
      <Logo />
      <ul className="nav-links">
        {ROUTES.map((route) => (
          <li key={route.id}>
            <a
              href={routeHref(route.id)}
              className="nav-link"
              aria-current={route.id === current.id ? 'page' : undefined}
            >
              {route.label}
            </a>
          </li>
        ))}
      </ul>
      {(setupLeft > 0 || onSetup) && (
        <a href={routeHref('setup')} className="nav-setup" aria-current={onSetup ? 'page' : undefined}>
          <span>{setupLeft > 0 ? APP_TEXT.finishSetup : APP_TEXT.nav.setup}</span>
          {setupLeft > 0 && (
            <>
              <span className="nav-setup-count">{APP_TEXT.stepsLeft(setupLeft)}</span>
              {/* The top bar has room for the number only; the sentence above is hidden there instead. */}
              <span className="nav-setup-badge" aria-hidden="true">
                {setupLeft}
              </span>
            </>
          )}
        </a>
      )}
    </nav>
  );
}
