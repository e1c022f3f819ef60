import { buildRenderer } from './support/processes';

/** Builds the renderer once for every e2e file: the server host serves dist/renderer. */
export default async function setup(): Promise<void> {
  await buildRenderer();
}
