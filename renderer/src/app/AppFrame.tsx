import { useEffect } from 'react';

import { stepsLeft } from '../onboarding/setup-steps';
import { useSetup } from '../onboarding/use-setup';
import { APP_TEXT } from '../text/app';
import { useModelEnabled } from './app-state';
import { LicenceBanner } from './LicenceBanner';
import { NavBar } from './NavBar';
import { SETUP_ROUTE } from './routes';
import { StatusBar } from './StatusBar';
import { useHashRoute } from './use-hash-route';

const MAIN_ID = 'main-content';

/** A skip link, the navigation, the current page in the middle, the status bar at the bottom. */
export function AppFrame() {
  const route = useHashRoute();
  const modelEnabled = useModelEnabled();
  const { steps } = useSetup();
  const Page = route.page;

  useEffect(() => {
    document.title = APP_TEXT.documentTitle(route.label);
  }, [route]);

  return (
    <div className="frame">
      <a className="skip-link" href={`#${MAIN_ID}`} onClick={(event) => skipToMain(event.nativeEvent)}>
        {APP_TEXT.skipToContent}
      </a>
      <NavBar current={route} setupLeft={stepsLeft(steps)} />
      <main className="content" id={MAIN_ID} tabIndex={-1}>
        {/* The guide explains the licence in its own step; the banner would say it twice. */}
        {!modelEnabled && route.id !== SETUP_ROUTE.id && <LicenceBanner onSettingsPage={route.id === 'settings'} />}
        <Page key={route.id} />
      </main>
      <StatusBar />
    </div>
  );
}

/** `#main-content` would be read as a route by the hash router: move focus without touching the hash. */
function skipToMain(event: MouseEvent): void {
  event.preventDefault();
  document.getElementById(MAIN_ID)?.focus();
}
