import { render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ErrorBoundary } from '../../renderer/app/ErrorBoundary.tsx';
import messages from '../../renderer/i18n/vi.json';

function Broken(): never {
  throw new Error('render failed');
}

describe('ErrorBoundary', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('shows a translated fallback instead of a screen that failed to render', () => {
    // React reports the caught error on console.error; keep the test output clean.
    vi.spyOn(console, 'error').mockImplementation(() => {});
    render(
      <ErrorBoundary>
        <Broken />
      </ErrorBoundary>,
    );
    const fallback = screen.getByTestId('screen-error');
    expect(fallback.getAttribute('role')).toBe('alert');
    expect(fallback.textContent).toContain(messages.errorBoundary.title);
    expect(fallback.textContent).not.toContain('render failed');
  });
});
