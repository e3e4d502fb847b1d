import './configureZod.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from '../i18n/index.ts';
import { App } from './App.tsx';
import './app.css';

// Vietnamese until the core's settings arrive; the settings store then applies the saved one.
initI18n();

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
