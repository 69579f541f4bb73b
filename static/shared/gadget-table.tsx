import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState, type CSSProperties, type ReactNode } from 'react';
import type { Reply } from '../../src/contract/reply';
import { TableOrStack } from './gadget-layout';
import { useViewTime } from './gadget-time';
import type { Viewer } from './time';
import { cellStyle, headStyle, Notice, subtleText, tableStyle } from './ui';

/**
 * What both gadget views share: loading the resolver's snapshot, the loading and failure states in words,
 * the rows as a table where the column is wide enough and as stacked cards where it is not, and the link
 * that opens an issue in Jira. Each view supplies its columns and texts. Refreshing is Jira's: its Refresh
 * control and auto-refresh render the gadget anew, so the view has no Refresh of its own.
 */
export type SnapshotState<Snapshot> =
  | { readonly kind: 'loading' }
  | { readonly kind: 'failed'; readonly error: string }
  | { readonly kind: 'ready'; readonly snapshot: Snapshot };

export function useSnapshot<Snapshot>(getSnapshot: () => Promise<Reply<Snapshot>>): {
  state: SnapshotState<Snapshot>;
  reload: () => void;
} {
  const [state, setState] = useState<SnapshotState<Snapshot>>({ kind: 'loading' });
  const reload = useCallback(() => {
    void getSnapshot().then((reply) =>
      setState(reply.ok ? { kind: 'ready', snapshot: reply.data } : { kind: 'failed', error: reply.error }),
    );
  }, [getSnapshot]);
  useEffect(reload, [reload]);
  return { state, reload };
}

export interface SnapshotTexts {
  readonly loading: string;
  readonly failed: string;
  readonly retry: string;
}

export interface SnapshotApi<Snapshot> {
  readonly getSnapshot: () => Promise<Reply<Snapshot>>;
}

/** Who is looking and when, for every time a view writes: its words are worked out as it is looked at. */
export interface ViewTime {
  readonly viewer: Viewer;
  readonly now: Date;
}

/** Loads the snapshot, then shows loading, failure (with Try again) or the view's content. */
export function SnapshotView<Snapshot extends { readonly takenAt: string }>({
  api,
  texts,
  testId,
  viewer,
  children,
}: {
  api: SnapshotApi<Snapshot>;
  texts: SnapshotTexts;
  testId: string;
  viewer: Viewer;
  children: (snapshot: Snapshot, time: ViewTime) => ReactNode;
}) {
  const { state, reload } = useSnapshot(api.getSnapshot);
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
      <Ready snapshot={state.snapshot} viewer={viewer}>
        {children}
      </Ready>
    </div>
  );
}

function Ready<Snapshot extends { readonly takenAt: string }>({
  snapshot,
  viewer,
  children,
}: {
  snapshot: Snapshot;
  viewer: Viewer;
  children: (snapshot: Snapshot, time: ViewTime) => ReactNode;
}) {
  const now = useViewTime(snapshot.takenAt);
  return <>{children(snapshot, { viewer, now })}</>;
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
  /** `data-testid` of the column's cells (in either layout). */
  readonly testId?: string;
  /** The cell that names the row: a `th scope=row` in the table, the card's first line when stacked. */
  readonly rowHeader?: boolean;
  /** Table cell style. */
  readonly style?: CSSProperties;
}

const nowrap: CSSProperties = { whiteSpace: 'nowrap' };

/** A table with a caption, column headers and one row per item; the row header names each row. */
function GadgetTable<Row>({ caption, columns, rows, rowKey, rowTestId, testId }: RowsProps<Row>) {
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
              const props = { style: { ...cellStyle, ...column.style }, 'data-testid': column.testId };
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

const cardStyle: CSSProperties = {
  padding: `${token('space.100', '8px')} 0`,
  borderBottom: `1px solid ${token('color.border', '#091E4224')}`,
};
const pairsStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  gap: `${token('space.050', '4px')} ${token('space.200', '16px')}`,
  margin: `${token('space.050', '4px')} 0 0`,
};
const pairStyle: CSSProperties = {
  display: 'flex',
  flexWrap: 'wrap',
  alignItems: 'baseline',
  gap: `0 ${token('space.075', '6px')}`,
  minWidth: 0,
};

/**
 * The same rows for a narrow column: one card each, its row header first, then every other column as a
 * label and its value, wrapping as the width allows. Nothing is dropped, so a narrow gadget says all a wide
 * one does.
 */
function GadgetStack<Row>({ caption, columns, rows, rowKey, rowTestId, testId }: RowsProps<Row>) {
  const heading = columns.find((c) => c.rowHeader);
  const rest = columns.filter((c) => !c.rowHeader);
  const captionId = `${testId}-caption`;
  return (
    <div data-testid={testId}>
      <p id={captionId} style={{ ...subtleText, margin: 0 }}>
        {caption}
      </p>
      <ul aria-labelledby={captionId} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {rows.map((row) => (
          <li key={rowKey(row)} data-testid={rowTestId(row)} style={cardStyle}>
            {heading && (
              <div
                data-testid={heading.testId}
                style={{ fontWeight: token('font.weight.semibold', '600'), overflowWrap: 'anywhere' }}
              >
                {heading.cell(row)}
              </div>
            )}
            <dl style={pairsStyle}>
              {rest.map((column) => (
                <div key={column.header} style={pairStyle}>
                  <dt style={{ ...subtleText, ...nowrap }}>{column.header}</dt>
                  <dd data-testid={column.testId} style={{ margin: 0, minWidth: 0 }}>
                    {column.cell(row)}
                  </dd>
                </div>
              ))}
            </dl>
          </li>
        ))}
      </ul>
    </div>
  );
}

interface RowsProps<Row> {
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  /** Unique per row. */
  rowKey: (row: Row) => string;
  rowTestId: (row: Row) => string;
  testId: string;
}

/**
 * The rows as a table while all its columns fit the gadget's width (and it is at least `minTableWidth`
 * wide), else as stacked cards with the same cells and test ids.
 */
export function GadgetRows<Row>(props: RowsProps<Row> & { minTableWidth: number }) {
  const { minTableWidth, ...rows } = props;
  return (
    <TableOrStack
      minWidth={minTableWidth}
      table={<GadgetTable {...rows} />}
      stacked={<GadgetStack {...rows} />}
    />
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
