import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { AppProviders } from './components/AppProviders.tsx';
import { requestedLocale, switchLanguage } from './i18n/i18n.ts';
import { routes } from './routes/routes.tsx';

const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

const render = () =>
  createRoot(root).render(
    <StrictMode>
      <AppProviders>
        <RouterProvider router={router} />
      </AppProviders>
    </StrictMode>,
  );

// The first screen appears in the user's language (its catalog is loaded first), or in English if that fails.
switchLanguage(requestedLocale()).then(render, render);
