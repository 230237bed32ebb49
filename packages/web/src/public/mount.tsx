import './i18n.ts';
import { type ComponentType, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { PublicShell } from './PublicShell.tsx';

/**
 * Renders a public page in its frame. The page's one-time token is the address's second segment
 * (main.tsx only loads this for /selbsteinschaetzung/<token> and /rueckmeldung/<token>).
 */
export function mountPublicPage(Page: ComponentType<{ token: string }>) {
  const container = document.getElementById('root');
  if (!container) throw new Error('missing #root');
  const token = decodeURIComponent(window.location.pathname.split('/')[2] ?? '');
  createRoot(container).render(
    <StrictMode>
      <PublicShell>
        <Page token={token} />
      </PublicShell>
    </StrictMode>,
  );
}
