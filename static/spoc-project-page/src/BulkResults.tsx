import { token } from '@atlaskit/tokens';
import { useEffect, useRef } from 'react';
import type { BulkReport } from './api';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { IssueLink } from './QueueTable';

/**
 * What a change made to many issues did, issue by issue. It takes the focus when it appears, as the "saved"
 * notices do, so keyboard and screen reader users hear it and continue from here.
 */
export function BulkResults({
  report,
  title,
  testId,
}: {
  report: BulkReport;
  title?: string;
  testId: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), [report]);
  const allWent = report.results.every((r) => r.outcome === 'done' || r.outcome === 'writes-pending');
  return (
    <div ref={ref} tabIndex={-1} role="status" data-testid={testId}>
      <Notice tone={allWent ? 'information' : 'warning'} title={title}>
        <p style={{ margin: 0 }} data-testid={`${testId}-summary`}>
          {report.summary}
        </p>
        {report.results.length > 0 && (
          <ul
            style={{
              margin: `${token('space.100', '8px')} 0 0`,
              paddingInlineStart: token('space.250', '20px'),
            }}
          >
            {report.results.map((r) => (
              <li key={r.issueId} data-testid={`${testId}-${r.outcome}`}>
                <IssueLink issueKey={r.issueKey} /> ({messages.outcomes[r.outcome]}): {r.message}
              </li>
            ))}
          </ul>
        )}
      </Notice>
    </div>
  );
}
