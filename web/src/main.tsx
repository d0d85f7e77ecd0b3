import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { I18nProvider, startingLanguage } from './i18n/I18nContext.tsx';
import { RouterProvider } from './router.tsx';
import { SessionProvider } from './session.tsx';
import './styles/app.css';

// The chosen language's catalogue first, so the first paint is already in it.
const language = await startingLanguage();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <I18nProvider initial={language}>
      <RouterProvider>
        <SessionProvider>
          <App />
        </SessionProvider>
      </RouterProvider>
    </I18nProvider>
  </StrictMode>,
);
