import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import {
  applyOffboarding,
  previewOffboarding,
  type ConfigurationView,
  type OffboardingPreview,
  type OffboardingReport,
  type PickedPerson,
} from './api';
import { fieldStyle, formBox, inputStyle, labelStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { PersonPicker } from './pickers';
import { IssueLink, when } from './QueueTable';

/**
 * Offboarding a SPOC, for project administrators: who leaves, who takes over, and why; then the preview of
 * every change (roster places, open issues from whom to whom, what stays, warnings); then applying exactly
 * that preview. Changing a choice drops the preview, so what is applied is always what was shown.
 */
type Step =
  { readonly kind: 'choosing' } | { readonly kind: 'previewed'; readonly preview: OffboardingPreview };

/** Everyone the configuration names as a SPOC or on a roster, by name: those who can be offboarded. */
function peopleOf(view: ConfigurationView): ReadonlyArray<{ accountId: string; name: string }> {
  const ids = new Set<string>(view.document.profiles.map((p) => p.accountId));
  for (const roster of view.document.rosters) {
    for (const v of roster.versions) {
      [
        v.primarySpocAccountId,
        ...v.backupAccountIds,
        ...v.poolAccountIds,
        v.escalationManagerAccountId,
      ].forEach((id) => ids.add(id));
    }
  }
  const name = (id: string) =>
    view.names[id] ?? view.document.profiles.find((p) => p.accountId === id)?.displayName ?? id;
  return [...ids]
    .map((accountId) => ({ accountId, name: name(accountId) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

export function Offboarding({
  view,
  projectKey,
  onCancel,
  onDone,
}: {
  view: ConfigurationView;
  projectKey: string;
  onCancel: () => void;
  onDone: (report: OffboardingReport) => void;
}) {
  const people = peopleOf(view);
  const [leaving, setLeaving] = useState('');
  const [successor, setSuccessor] = useState<PickedPerson[]>([]);
  const [reason, setReason] = useState('');
  const [step, setStep] = useState<Step>({ kind: 'choosing' });
  const [error, setError] = useState<string | null>(null);
  const [working, setWorking] = useState<'previewing' | 'applying' | null>(null);
  const previewHeading = useRef<HTMLHeadingElement>(null);
  const focusFirst = useCallback((element: HTMLSelectElement | null) => element?.focus(), []);

  useEffect(() => {
    if (step.kind === 'previewed') previewHeading.current?.focus();
  }, [step]);

  // A changed choice makes the preview out of date: it goes, and must be made again.
  const changed =
    <T,>(set: (value: T) => void) =>
    (value: T) => {
      set(value);
      setStep({ kind: 'choosing' });
    };

  const problem = (): string | null => {
    if (!leaving) return messages.needLeaving;
    const to = successor[0];
    if (!to) return messages.needSuccessor;
    if (to.accountId === leaving) return messages.sameSuccessor;
    if (!reason.trim()) return messages.needReason;
    return null;
  };

  const request = () => ({
    leavingAccountId: leaving,
    successorAccountId: (successor[0] as PickedPerson).accountId,
    reason: reason.trim(),
  });

  const preview = async (event: FormEvent) => {
    event.preventDefault();
    const missing = problem();
    if (missing) return setError(missing);
    setError(null);
    setWorking('previewing');
    const reply = await previewOffboarding(request());
    setWorking(null);
    if (reply.ok) setStep({ kind: 'previewed', preview: reply.data });
    else setError(reply.error);
  };

  const apply = async (shown: OffboardingPreview) => {
    setError(null);
    setWorking('applying');
    const reply = await applyOffboarding({
      ...request(),
      expectedVersion: shown.configurationVersion,
      issues: shown.issueMoves.map((m) => ({ issueId: m.issueId, fromAccountId: m.from.accountId })),
    });
    setWorking(null);
    if (reply.ok) onDone(reply.data);
    else {
      // The preview is out of date or was refused: show why, and let them preview again.
      setStep({ kind: 'choosing' });
      setError(reply.error);
    }
  };

  return (
    <form
      data-testid="offboarding"
      aria-labelledby="offboard-title"
      onSubmit={(e) => void preview(e)}
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onCancel()}
      style={formBox}
    >
      <h4 id="offboard-title" style={{ marginTop: 0 }}>
        {messages.offboardFormTitle}
      </h4>
      <div style={fieldStyle}>
        <label htmlFor="offboard-leaving" style={labelStyle}>
          {messages.offboardLeaving}
        </label>
        <select
          id="offboard-leaving"
          ref={focusFirst}
          data-testid="offboard-leaving"
          value={leaving}
          onChange={(e) => changed(setLeaving)(e.target.value)}
          style={inputStyle}
        >
          <option value="">{messages.chooseLeaving}</option>
          {people.map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <div style={fieldStyle} data-testid="offboard-successor">
        <label htmlFor="offboard-successor-input" style={labelStyle}>
          {messages.offboardSuccessor}
        </label>
        <PersonPicker
          inputId="offboard-successor-input"
          projectKey={projectKey}
          scope="assignable"
          value={successor}
          onChange={changed(setSuccessor)}
          onSearchError={(message) => setError(`${messages.peopleFailed}: ${message}`)}
        />
      </div>
      <div style={fieldStyle}>
        <label htmlFor="offboard-reason" style={labelStyle}>
          {messages.offboardReason}
        </label>
        <textarea
          id="offboard-reason"
          data-testid="offboard-reason"
          value={reason}
          maxLength={300}
          rows={2}
          onChange={(e) => changed(setReason)(e.target.value)}
          style={{ ...inputStyle, width: '100%', boxSizing: 'border-box' }}
        />
      </div>
      {error && (
        <Notice tone="error" testId="offboard-error">
          {error}
        </Notice>
      )}
      {step.kind === 'choosing' ? (
        <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
          <Button type="submit" appearance="primary" testId="offboard-preview" isDisabled={working !== null}>
            {working === 'previewing' ? messages.previewing : messages.offboardPreview}
          </Button>
          <Button onClick={onCancel} testId="offboard-cancel">
            {messages.cancel}
          </Button>
        </div>
      ) : (
        <PreviewShown
          preview={step.preview}
          headingRef={previewHeading}
          applying={working === 'applying'}
          onApply={() => void apply(step.preview)}
          onBack={() => setStep({ kind: 'choosing' })}
          onCancel={onCancel}
        />
      )}
    </form>
  );
}

function PreviewShown({
  preview,
  headingRef,
  applying,
  onApply,
  onBack,
  onCancel,
}: {
  preview: OffboardingPreview;
  headingRef: RefObject<HTMLHeadingElement>;
  applying: boolean;
  onApply: () => void;
  onBack: () => void;
  onCancel: () => void;
}) {
  const c = messages.columns;
  const i = messages.issueColumns;
  const rows = preview.issueMoves.map((move) => ({
    key: move.issueId,
    cells: [
      { key: move.issueKey, content: <IssueLink issueKey={move.issueKey} /> },
      { key: move.summary, content: move.summary },
      { key: move.client.name, content: move.client.name },
      { key: move.from.displayName, content: move.from.displayName },
      {
        key: move.to.displayName,
        content: move.kind === 'keep' ? messages.keeps(move.to.displayName) : move.to.displayName,
      },
      { key: move.reason, content: move.reason },
    ],
  }));
  const subheading = {
    font: token('font.heading.xsmall', '600 14px sans-serif'),
    margin: `${token('space.200', '16px')} 0 ${token('space.075', '6px')}`,
  };
  return (
    <section data-testid="offboard-preview-result" aria-labelledby="offboard-preview-title">
      <h4
        id="offboard-preview-title"
        ref={headingRef}
        tabIndex={-1}
        style={{ margin: `${token('space.200', '16px')} 0 0`, outlineOffset: '2px' }}
      >
        {messages.offboardPreviewTitle(preview.leaving.displayName, preview.successor.displayName)}
      </h4>
      {preview.nothingToDo ? (
        <Notice tone="information" testId="offboard-nothing">
          {messages.offboardNothing(preview.leaving.displayName)}
        </Notice>
      ) : (
        <>
          {preview.warnings.length > 0 && (
            <Notice tone="warning" title={messages.warningsTitle} testId="offboard-warnings">
              <ul style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
                {preview.warnings.map((w) => (
                  <li key={w}>{w}</li>
                ))}
              </ul>
            </Notice>
          )}
          <h5 style={subheading}>{messages.rosterChangesTitle}</h5>
          <div data-testid="offboard-rosters">
            {preview.rosterChanges.length === 0 ? (
              <p>{messages.noRosterChanges}</p>
            ) : (
              preview.rosterChanges.map((r) => (
                <div key={`${r.clientId}-${r.effectiveFrom}`} data-testid={`offboard-roster-${r.clientId}`}>
                  <p
                    style={{
                      margin: `${token('space.100', '8px')} 0 ${token('space.050', '4px')}`,
                      fontWeight: token('font.weight.semibold', '600'),
                    }}
                  >
                    {messages.rosterChangeWhen(r.clientName, r.planned, when(r.effectiveFrom))}
                  </p>
                  <ul style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
                    {r.changes.map((change) => (
                      <li key={`${change.role}-${change.position}`}>{change.reason}</li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </div>
          <h5 style={subheading}>{messages.issueMovesTitle}</h5>
          {preview.issueMoves.length === 0 ? (
            <p>{messages.noIssueMoves}</p>
          ) : (
            <div data-testid="offboard-issues">
              <DynamicTable
                label={messages.issueMovesLabel}
                head={{
                  cells: [
                    { key: 'issue', content: c.issue },
                    { key: 'summary', content: c.summary },
                    { key: 'client', content: c.client },
                    { key: 'from', content: i.from },
                    { key: 'to', content: i.to },
                    { key: 'why', content: i.why },
                  ],
                }}
                rows={rows}
                rowsPerPage={10}
              />
            </div>
          )}
          {preview.issuesLeft.length > 0 && (
            <Notice tone="warning" title={messages.issuesLeftTitle} testId="offboard-left">
              <ul style={{ margin: 0, paddingInlineStart: token('space.250', '20px') }}>
                {preview.issuesLeft.map((left) => (
                  <li key={left.issueId}>{left.reason}</li>
                ))}
              </ul>
            </Notice>
          )}
          {preview.moreIssues && <Notice tone="information">{messages.moreIssues}</Notice>}
        </>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px'), marginTop: token('space.150', '12px') }}>
        {!preview.nothingToDo && (
          <Button appearance="primary" testId="offboard-apply" isDisabled={applying} onClick={onApply}>
            {applying ? messages.applying : messages.offboardApply}
          </Button>
        )}
        <Button testId="offboard-back" onClick={onBack}>
          {messages.offboardBack}
        </Button>
        <Button testId="offboard-cancel" onClick={onCancel}>
          {messages.cancel}
        </Button>
      </div>
    </section>
  );
}
