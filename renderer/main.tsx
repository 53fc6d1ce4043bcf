/** Renderer entry: picks the transport (Electron bridge or web host), starts i18n and renders the app. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createApi } from './api/client';
import { createElectronTransport } from './api/electronTransport';
import type { PreloadBridge } from './api/transport';
import { createWebTransport } from './api/webTransport';
import { initI18n } from './i18n';
import './styles.css';

function transport() {
  const bridge = (window as unknown as { infusionApi?: PreloadBridge }).infusionApi;
  if (bridge) return createElectronTransport(bridge);
  const token = new URLSearchParams(location.search).get('token') ?? '';
  return createWebTransport(`ws://${location.host}/api?token=${encodeURIComponent(token)}`);
}

initI18n();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App api={createApi(transport())} />
  </StrictMode>,
);
