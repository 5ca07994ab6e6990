import { Component, type ErrorInfo, type ReactNode } from 'react';
import { translator } from '../i18n/messages';
import { langFromSearch } from '../io/lang-url';

interface ErrorBoundaryState {
  message: string | null;
}

/**
 * The last line of defence: an unexpected error shows a plain message and a way back, never a
 * blank page. Data problems are reported elsewhere, with file and line; this is for bugs.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { message: null };

  static getDerivedStateFromError(error: unknown): ErrorBoundaryState {
    return { message: error instanceof Error ? error.message : String(error) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Harta stopped on an unexpected error', error, info.componentStack);
  }

  override render() {
    if (this.state.message === null) return this.props.children;
    // Above the store: the address keeps the interface language (`lang=sq`) in step.
    const t = translator(langFromSearch(window.location.search).lang);
    return (
      <main className="app">
        <h1>Harta</h1>
        <section role="alert" className="data-problems">
          <h2>{t('notice.error.title')}</h2>
          <p>
            {t('notice.error.stopped')} <span lang="en">{this.state.message}</span>
          </p>
          <p>
            <a href={window.location.pathname}>{t('notice.error.reopen')}</a>
          </p>
        </section>
      </main>
    );
  }
}
