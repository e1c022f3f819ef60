import './zod-jitless';
import './styles/base.css';
import './styles/frame.css';
import './styles/controls.css';
import './styles/panels.css';
import './styles/models.css';
import './styles/search.css';
import './styles/onboarding.css';
import './styles/job-rows.css';

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

import { App } from './app/App';
import { ConnectionContext } from './app/connection-context';
import { connect } from './client';
import { UI_LOCALE } from './text/locale';

// The page's language is the UI's: screen readers pick their voice by it.
document.documentElement.lang = UI_LOCALE;

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

createRoot(container).render(
  <StrictMode>
    <ConnectionContext value={connect()}>
      <App />
    </ConnectionContext>
  </StrictMode>,
);
