import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { sessionToken } from './api/session.ts';
import { I18nProvider } from './i18n/i18n.tsx';
import { Router } from './router.tsx';
import './styles/app.css';
import './styles/door.css';
import './styles/seating.css';

// Read the token before anything renders, so it leaves the address bar at once.
sessionToken();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <I18nProvider>
      <Router />
    </I18nProvider>
  </StrictMode>,
);
