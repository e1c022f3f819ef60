import { Logo } from '../components/Logo';
import { ROUTES, routeHref, type Route } from './routes';

/** Left navigation; the current page is marked for assistive technology with aria-current. */
export function NavBar({ current }: { readonly current: Route }) {
  return (
    <nav className="nav" aria-label="Main">
      <Logo />
      <ul>
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
    </nav>
  );
}
