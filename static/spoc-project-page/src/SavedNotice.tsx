import { useEffect, useRef, type ReactNode } from 'react';
import { Notice } from '../../shared/notice';

/**
 * "Saved" after an editor closes: it takes the focus the closed editor had, so keyboard and screen reader
 * users hear what happened and continue from here rather than from the top of the page.
 */
export function SavedNotice({ testId, children }: { testId: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [children]);
  return (
    <div ref={ref} tabIndex={-1} role="status">
      <Notice tone="information" testId={testId}>
        {children}
      </Notice>
    </div>
  );
}
