import { APP_TEXT } from '../text/app';
import { routeHref } from './routes';

/** Shown on every page while the model licence is not accepted: what is off, what still works, where to fix it. */
export function LicenceBanner({ onSettingsPage }: { readonly onSettingsPage: boolean }) {
  const text = APP_TEXT.banner;
  return (
    <div className="notice notice-warning" role="status">
      <p>
        <strong>{text.title}</strong> {text.body}{' '}
        {onSettingsPage ? text.acceptBelow : <a href={routeHref('settings')}>{text.acceptInSettings}</a>}
      </p>
    </div>
  );
}
