import { resolve } from 'node:path';

import {
  FileOpenInputSchema,
  PolyseekError,
  err,
  errorMessage,
  ok,
  type FileOpenResult,
  type Result,
} from '../../shared';
import type { Dispatch } from '../engine/dispatch';
import type { FileOpener } from '../engine/search/system-opener';
import { fileUrl } from './file-route';
import type { FileTickets } from './file-tickets';

export interface ServerFilesOptions {
  /**
   * The server is bound to loopback, so its client sits at this machine's desktop: files open here.
   * Otherwise the client is elsewhere and gets a URL of the file route instead.
   */
  readonly local: boolean;
  /** The desktop opener (tests inject a recorder). */
  readonly opener: FileOpener;
  /** Tickets for the URLs; null when no token guards the server (the route needs none then). */
  readonly tickets: FileTickets | null;
}

/**
 * The engine checks `file.open` / `file.reveal` and answers with the real path; this finishes them the
 * server's way. Every other command passes through untouched.
 */
export function withServerFiles(dispatch: Dispatch, options: ServerFilesOptions): Dispatch {
  return async (name, input, context) => {
    if (name !== 'file.open' && name !== 'file.reveal') return dispatch(name, input, context);
    const checked = (await dispatch(name, input, context)) as Result<FileOpenResult>;
    if (!checked.ok) return checked;
    // The engine accepted this very input, so it parses.
    const request = FileOpenInputSchema.parse(input);
    const { path } = checked.value;
    try {
      if (options.local) {
        if (name === 'file.open') await options.opener.open(path, request.page);
        else await options.opener.reveal(path);
        return ok({ path, opened: true, url: null });
      }
      // A file manager on the server's machine is no use to a client elsewhere.
      if (name === 'file.reveal') return ok({ path, opened: false, url: null });
      return ok({ path, opened: false, url: fileUrl(resolve(request.path), request.page, options.tickets) });
    } catch (error) {
      if (error instanceof PolyseekError) return err(error.code, error.message);
      return err('INTERNAL', `${name}: ${errorMessage(error)}`);
    }
  };
}
