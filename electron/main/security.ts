import { app, type Session } from 'electron';

import { hardenWebContents } from './navigation';

/**
 * Polyseek needs no browser permission (camera, notifications, geolocation, …); refusing them all means
 * injected content cannot ask either.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hardens every webContents at creation, so none can slip through a path that skips the window factory. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}
