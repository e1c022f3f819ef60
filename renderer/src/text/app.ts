import type { EngineState } from '../../../shared';
import { catalog } from './catalog';
import { plural } from './format';

/** The frame around the pages: start-up screens, navigation, status bar, the model-features banner. */
const en = {
  productName: 'Polyseek',
  /** The window title: "Search · Polyseek". */
  documentTitle: (page: string) => `${page} · Polyseek`,
  skipToContent: 'Skip to main content',
  nav: {
    label: 'Main',
    search: 'Search',
    folders: 'Folders',
    models: 'Models',
    evaluate: 'Evaluate',
    explore: 'Explore',
    settings: 'Settings',
    setup: 'Set up',
  },
  /** The navigation entry back into the first-run guide while something is left. */
  finishSetup: 'Finish setting up',
  stepsLeft: (n: number) => plural(n, { one: '# step left', other: '# steps left' }),
  connectingServer: 'Connecting to the Polyseek server…',
  serverUnreachable: 'Polyseek could not reach its server.',
  connectingEngine: 'Connecting to the Polyseek engine…',
  licenceUnreadable: 'Polyseek could not read the licence status.',
  status: {
    label: 'Status',
    engine: {
      starting: 'Engine starting',
      ready: 'Engine ready',
      restarting: 'Engine restarting',
      failed: 'Engine failed',
      stopped: 'Engine stopped',
    } satisfies Record<EngineState['state'], string>,
    restarts: (n: number) => plural(n, { one: '(# restart)', other: '(# restarts)' }),
    licenceAccepted: 'Licence accepted',
    licenceNotAccepted: 'Licence not accepted',
    compute: (provider: string) => `Compute: ${provider}`,
    version: (version: string) => `Polyseek ${version}`,
  },
  banner: {
    title: 'Model features are off.',
    body: 'Semantic search, evaluation and running the model need the Jina Embeddings v3 licence (CC BY-NC 4.0, non-commercial use only) to be accepted; downloading and checking the model’s files do not. Keyword search works.',
    acceptBelow: 'You can accept it below.',
    acceptInSettings: 'Review and accept it in Settings.',
  },
  token: {
    title: 'Access token needed',
    message: 'This Polyseek server was started with an access token.',
    label: 'Access token',
    refused: 'The server refused that token. Check the one the server was started with.',
    hint: "The token from the server's --token-file or POLYSEEK_TOKEN. It is kept only in this browser tab.",
    connect: 'Connect',
  },
};

export type AppText = typeof en;
export const APP_TEXT: AppText = catalog({ en });
