import { useEffect } from 'react';

import { useModelEnabled } from './app-state';
import { LicenceBanner } from './LicenceBanner';
import { NavBar } from './NavBar';
import { StatusBar } from './StatusBar';
import { useHashRoute } from './use-hash-route';

/** Navigation on the left, the current page in the middle, the status bar at the bottom. */
export function AppFrame() {
  const route = useHashRoute();
  const modelEnabled = useModelEnabled();
  const Page = route.page;

  useEffect(() => {
    document.title = `${route.label} · Polyseek`;
  }, [route]);

  return (
    <div className="frame">
      <NavBar current={route} />
      <main className="content">
        {!modelEnabled && <LicenceBanner onSettingsPage={route.id === 'settings'} />}
        <Page key={route.id} />
      </main>
      <StatusBar />
    </div>
  );
}
