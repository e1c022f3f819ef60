import type { ComponentType } from 'react';

import { SetupPage } from '../onboarding/SetupPage';
import { EvaluatePage } from '../pages/EvaluatePage';
import { ExplorePage } from '../pages/ExplorePage';
import { FoldersPage } from '../pages/FoldersPage';
import { ModelsPage } from '../pages/ModelsPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';
import { APP_TEXT } from '../text/app';

export interface Route {
  readonly id: string;
  readonly label: string;
  readonly page: ComponentType;
}

/** The navigation, in order; `#/<id>` selects a page. */
export const ROUTES = [
  { id: 'search', label: APP_TEXT.nav.search, page: SearchPage },
  { id: 'folders', label: APP_TEXT.nav.folders, page: FoldersPage },
  { id: 'models', label: APP_TEXT.nav.models, page: ModelsPage },
  { id: 'explore', label: APP_TEXT.nav.explore, page: ExplorePage },
  { id: 'evaluate', label: APP_TEXT.nav.evaluate, page: EvaluatePage },
  { id: 'settings', label: APP_TEXT.nav.settings, page: SettingsPage },
] as const satisfies readonly Route[];

/**
 * The first-run guide: not a page of the navigation, which offers it as "Finish setting up" only while
 * something is left (see onboarding/setup-steps.ts).
 */
export const SETUP_ROUTE = { id: 'setup', label: APP_TEXT.nav.setup, page: SetupPage } as const satisfies Route;

export type RouteId = (typeof ROUTES)[number]['id'] | typeof SETUP_ROUTE.id;

export const DEFAULT_ROUTE: Route = ROUTES[0];

export function routeHref(id: RouteId): string {
  return `#/${id}`;
}

/** `#/settings` → the Settings route; anything unknown → Search. */
export function routeFromHash(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  if (id === SETUP_ROUTE.id) return SETUP_ROUTE;
  return ROUTES.find((route) => route.id === id) ?? DEFAULT_ROUTE;
}
