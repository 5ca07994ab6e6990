import './zod-without-eval';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';
import { ErrorBoundary } from './components/error-boundary';
import { loadBundledData } from './io/bundled-data';
import { loadLocalData, type LocalData } from './io/edit-sync';
import { langFromSearch } from './io/lang-url';
import { openBrowserStore } from './io/local-store';
import './styles.css';

const root = document.getElementById('root');
if (root) {
  const data = loadBundledData();
  const render = (local: LocalData | null) =>
    createRoot(root).render(
      <StrictMode>
        <ErrorBoundary>
          <App data={data} local={local} />
        </ErrorBoundary>
      </StrictMode>,
    );
  // Edits saved in this browser are read before the first paint, so a reload shows them at once.
  if (data.ok) {
    // Storage problems are written in the language the address asks for.
    const { lang } = langFromSearch(window.location.search);
    void loadLocalData(
      () => openBrowserStore(undefined, lang),
      data.gazetteer.country.code,
      undefined,
      lang,
    ).then(render);
  } else render(null);
}
