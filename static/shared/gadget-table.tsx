import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { Reply } from '../../src/contract/reply';
import { cellStyle, headStyle, Notice, subtleText, tableStyle } from './ui';

/**
 * What both gadget views share: loading the resolver's snapshot (again on Jira's refresh event and on the
 * gadget's own Refresh button), the loading and failure states in words, the table of rows and the link that
 * opens an issue in Jira. Each view supplies its columns and texts.
 */
export type SnapshotState<Snapshot> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ready'; readonly snapshot: Snapshot };

export function useSnapshot<Snapshot>(
  getSnapshot: () => Promise<Reply<Snapshot>>,
  onDashboardRefresh: (listener: () => void) => Promise<() => void>,
): { state: SnapshotState<Snapshot>; reload: () => void } {
  const [state, setState] = useState<SnapshotState<Snapshot>>({ kind: 'loading' });
  const reload = useCallback(() => {
    void getSnapshot().then((reply) =>
      setState(reply.ok ? { kind: 'ready', snapshot: reply.data } : { kind: 'failed', error: reply.error }),
    );
  }, [getSnapshot]);
  useEffect(reload, [reload]);
  useEffect(() => {
    const unsubscribe = onDashboardRefresh(reload);
    return () =>
      void unsubscribe.then(
        (stop) => stop(),
        () => undefined,
      );
  }, [reload, onDashboardRefresh]);
  return { state, reload };
}

export interface SnapshotTexts {
  readonly loading: string;
  readonly failed: string;
  readonly retry: string;
  readonly refresh: string;
}

export interface SnapshotApi<Snapshot> {
  readonly getSnapshot: () => Promise<Reply<Snapshot>>;
  readonly onDashboardRefresh: (listener: () => void) => Promise<() => void>;
}

/** Loads the snapshot, then shows loading, failure (with Try again) or the view's content, and Refresh. */
export function SnapshotView<Snapshot>({
  api,
  texts,
  testId,
  children,
}: {
  api: SnapshotApi<Snapshot>;
  texts: SnapshotTexts;
  testId: string;
  children: (snapshot: Snapshot) => ReactNode;
}) {
  const { state, reload } = useSnapshot(api.getSnapshot, api.onDashboardRefresh);
  if (state.kind === 'loading') return <p>{texts.loading}</p>;
  if (state.kind === 'failed') {
    return (
      <Notice tone="error" title={texts.failed}>
        <p data-testid="gadget-error">{state.error}</p>
        <Button onClick={reload} testId="gadget-retry">
          {texts.retry}
        </Button>
      </Notice>
    );
  }
  return (
    <div data-testid={testId}>
      {children(state.snapshot)}
      <div style={{ marginTop: token('space.100', '8px') }}>
        <Button appearance="subtle" spacing="compact" onClick={reload} testId="gadget-refresh">
          {texts.refresh}
        </Button>
      </div>
    </div>
  );
}

/** The line that says what the gadget covers and when its numbers were taken. */
export function SnapshotLine({ children }: { children: ReactNode }) {
  return (
    <p data-testid="gadget-snapshot" style={subtleText} aria-live="polite">
      {children}
    </p>
  );
}

export interface Column<Row> {
  readonly header: string;
  readonly cell: (row: Row) => ReactNode;
  /** `data-testid` of the column's cells. */
  readonly testId?: string;
  /** The cell that names the row (a `th scope=row`). */
  readonly rowHeader?: boolean;
  readonly style?: CSSProperties;
  readonly title?: (row: Row) => string;
}

/** A table with a caption, column headers and one row per item; the row header names each row. */
export function GadgetTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  rowTestId,
  testId,
}: {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Unique per row. */
  rowKey: (row: Row) => string;
  rowTestId: (row: Row) => string;
  testId: string;
}) {
  return (
    <table style={tableStyle} data-testid={testId}>
      <caption style={{ ...subtleText, textAlign: 'start' }}>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.header} scope="col" style={headStyle}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={rowKey(row)} data-testid={rowTestId(row)}>
            {columns.map((column) => {
              const props = {
                style: { ...cellStyle, ...column.style },
                'data-testid': column.testId,
                title: column.title?.(row),
              };
              return column.rowHeader ? (
                <th key={column.header} scope="row" {...props}>
                  {column.cell(row)}
                </th>
              ) : (
                <td key={column.header} {...props}>
                  {column.cell(row)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A link to an issue that opens it in Jira (through the host's router, as the frame may not navigate). */
export function IssueLink({
  issueKey,
  label,
  open,
}: {
  issueKey: string;
  label: string;
  open: (issueKey: string) => Promise<void>;
}) {
  return (
    <a
      href={`/browse/${issueKey}`}
      aria-label={label}
      data-testid={`open-${issueKey}`}
      onClick={(event) => {
        event.preventDefault();
        void open(issueKey);
      }}
      style={{ color: token('color.link', '#0C66E4'), whiteSpace: 'nowrap' }}
    >
      {issueKey}
    </a>
  );
}
