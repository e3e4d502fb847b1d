import { Component, type ReactNode } from 'react';
import { ErrorFallback } from './ErrorFallback.tsx';

interface ErrorBoundaryProps {
  children: ReactNode;
}

interface ErrorBoundaryState {
  failed: boolean;
}

/**
 * Contains a rendering failure to the screen it happened in: the header and navigation stay
 * usable. Nothing is logged from here (no logger in the renderer yet); React reports the error.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { failed: false };

  static getDerivedStateFromError(): ErrorBoundaryState {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? <ErrorFallback /> : this.props.children;
  }
}
