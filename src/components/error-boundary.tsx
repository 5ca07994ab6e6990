import { Component, type ErrorInfo, type ReactNode } from 'react';

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
    return (
      <main className="app">
        <h1>Harta</h1>
        <section role="alert" className="data-problems">
          <h2>Something went wrong</h2>
          <p>The app stopped on an unexpected error: {this.state.message}</p>
          <p>
            <a href={window.location.pathname}>Open Harta without the settings in this link</a>
          </p>
        </section>
      </main>
    );
  }
}
