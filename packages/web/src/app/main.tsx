import '../i18n/index.ts';
import { StrictMode } from 'react';
import { I18nProvider } from 'react-aria-components';
import { createRoot } from 'react-dom/client';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router/dom';
import { localeOf } from '../i18n/index.ts';
import { router } from './router.tsx';

/**
 * The staff app: every page but the client's public ones (see ../main.tsx). Keeps react-aria's own
 * texts and formats in the UI language.
 */
function App() {
  const { i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'en' ? 'en' : 'de';
  return (
    <I18nProvider locale={localeOf[language]}>
      <RouterProvider router={router} />
    </I18nProvider>
  );
}

const container = document.getElementById('root');
if (!container) throw new Error('missing #root');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
