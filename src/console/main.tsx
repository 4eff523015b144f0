// Entry of the SPA (index.html). Order matters: TDesign's React 19 adapter must run before any
// TDesign component renders a popup or message, and i18n must pick the language before the first render.
import 'tdesign-react/es/_util/react-19-adapter';
import 'tdesign-react/es/style/index.css';
import './app/app.css';
import './i18n/i18n';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createAppState } from './app/app';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { queryClient, router } = createAppState();
createRoot(root).render(
  <StrictMode>
    <App queryClient={queryClient} router={router} />
  </StrictMode>,
);
