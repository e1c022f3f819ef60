import type { ComponentType } from 'react';

import { EvaluatePage } from '../pages/EvaluatePage';
import { FoldersPage } from '../pages/FoldersPage';
import { ModelsPage } from '../pages/ModelsPage';
import { SearchPage } from '../pages/SearchPage';
import { SettingsPage } from '../pages/SettingsPage';

export interface Route {
  readonly id: string;
  readonly label: string;
  readonly page: ComponentType;
}

/** The navigation, in order; `#/<id>` selects a page. */
export const ROUTES = [
  { id: 'search', label: 'Search', page: SearchPage },
  { id: 'folders', label: 'Folders', page: FoldersPage },
  { id: 'models', label: 'Models', page: ModelsPage },
  { id: 'evaluate', label: 'Evaluate', page: EvaluatePage },
  { id: 'settings', label: 'Settings', page: SettingsPage },
] as const satisfies readonly Route[];

export type RouteId = (typeof ROUTES)[number]['id'];

export const DEFAULT_ROUTE: Route = ROUTES[0];

export function routeHref(id: RouteId): string {
  return `#/${id}`;
}

/** `#/settings` → the Settings route; anything unknown → Search. */
export function routeFromHash(hash: string): Route {
  const id = hash.replace(/^#\/?/, '').split(/[/?]/)[0];
  return ROUTES.find((route) => route.id === id) ?? DEFAULT_ROUTE;
}
