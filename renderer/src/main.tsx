import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Transport } from '../../main/contract/api.js';
import { App } from './App.js';
import { AppContext } from './context.js';
import { LangProvider } from './i18n/index.js';
import { browserTransport, createApi, IpcTransport } from './transport.js';
import './styles.css';
import './check.css';

const root = createRoot(document.getElementById('root') as HTMLElement);

function fatal(message: string): void {
  root.render(
    <div className="fatal" role="alert">
      <h1>Stackscope cannot start</h1>
      <p>{message}</p>
    </div>,
  );
}

async function boot(): Promise<void> {
  let transport: Transport;
  if (window.stackscope) transport = new IpcTransport(window.stackscope);
  else {
    const ws = browserTransport();
    ws.onState = (state) => {
      if (state === 'lost') fatal('The connection to the Stackscope server was lost. Restart `npm run serve` and open the new URL it prints.');
    };
    transport = ws;
  }
  const api = createApi(transport);
  const info = await api['app.info']({});
  root.render(
    <StrictMode>
      <AppContext.Provider value={{ api, transport, info }}>
        <LangProvider>
          <App />
        </LangProvider>
      </AppContext.Provider>
    </StrictMode>,
  );
}

boot().catch((err: unknown) => fatal(err instanceof Error ? err.message : String(err)));
