import { Component, type ReactNode } from 'react';
import { Notice } from '../../shared/notice';

/**
 * Catches a lazily loaded part that failed to load (a network hiccup, a redeployed app), so the panel keeps
 * showing the issue and says in words that the form is missing instead of going blank.
 */
export class LoadBoundary extends Component<
  { readonly message: string; readonly children: ReactNode },
  { readonly failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render() {
    return this.state.failed ? (
      <Notice tone="error" testId="action-form-failed">
        {this.props.message}
      </Notice>
    ) : (
      this.props.children
    );
  }
}
