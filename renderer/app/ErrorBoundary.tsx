import { Component, type ReactNode } from 'react';
import { Translation } from 'react-i18next';

interface State {
  error: Error | null;
}

/**
 * A rendering bug in a panel shows a message instead of blanking the window. The document lives in
 * the store, not in the panel, so nothing the user typed is lost and Save still works.
 */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error): void {
    console.error('zimu: a panel failed to render:', error);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Translation>
        {(t) => (
          <div className="panel-crash" role="alert">
            <p>{t('app.crashed')}</p>
            <pre>{this.state.error?.message}</pre>
            <button type="button" className="button" onClick={() => this.setState({ error: null })}>
              {t('app.retry')}
            </button>
          </div>
        )}
      </Translation>
    );
  }
}
