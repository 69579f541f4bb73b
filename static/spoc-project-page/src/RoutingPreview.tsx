import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { fail } from '../../../src/contract/reply';
import { previewRouting, type PickedPerson, type Reply, type RoutingPreview } from './api';
import { fieldStyle, inputStyle, labelStyle, sectionTitle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { PersonPicker } from './pickers';

/**
 * "Where would this issue go, and why": for an existing issue, or for a new one described by its reporter,
 * labels, components and priority. Nothing is written.
 */
type Mode = 'issue' | 'new';

const list = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

export function RoutingPreviewForm({ projectKey }: { projectKey: string }) {
  const [mode, setMode] = useState<Mode>('issue');
  const [issueKey, setIssueKey] = useState('');
  const [reporter, setReporter] = useState<PickedPerson[]>([]);
  const [labels, setLabels] = useState('');
  const [components, setComponents] = useState('');
  const [priority, setPriority] = useState('');
  const [reply, setReply] = useState<Reply<RoutingPreview> | null>(null);
  const [running, setRunning] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setReply(
      await previewRouting(
        mode === 'issue'
          ? { issueKey: issueKey.trim().toUpperCase() }
          : {
              projectKey,
              ...(reporter[0] ? { reporterAccountId: reporter[0].accountId } : {}),
              labels: list(labels),
              components: list(components),
              ...(priority.trim() ? { priority: priority.trim() } : {}),
            },
      ),
    );
    setRunning(false);
  };

  const text = (id: string, label: string, value: string, set: (v: string) => void, required = false) => (
    <div style={fieldStyle}>
      <label htmlFor={id} style={labelStyle}>
        {label}
      </label>
      <input
        id={id}
        data-testid={id}
        value={value}
        onChange={(e) => set(e.target.value)}
        required={required}
        style={inputStyle}
      />
    </div>
  );

  return (
    <section aria-labelledby="preview-title">
      <h3 id="preview-title" style={sectionTitle}>
        {messages.previewTitle}
      </h3>
      <p>{messages.previewIntro}</p>
      <form data-testid="preview-form" onSubmit={(e) => void submit(e)}>
        <fieldset style={{ border: 'none', padding: 0, margin: `0 0 ${token('space.100', '8px')}` }}>
          <legend style={labelStyle}>{messages.previewModeLabel}</legend>
          <div style={{ display: 'flex', gap: token('space.200', '16px') }}>
            {(['issue', 'new'] as const).map((m) => (
              <label key={m}>
                <input
                  type="radio"
                  name="preview-mode"
                  data-testid={`preview-mode-${m}`}
                  checked={mode === m}
                  onChange={() => setMode(m)}
                />{' '}
                {messages.previewModes[m]}
              </label>
            ))}
          </div>
        </fieldset>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px'), alignItems: 'end' }}
        >
          {mode === 'issue' ? (
            text('preview-issue', messages.previewLabel, issueKey, setIssueKey, true)
          ) : (
            <>
              <div style={{ ...fieldStyle, minWidth: '16em' }} data-testid="preview-reporter">
                <label htmlFor="preview-reporter-input" style={labelStyle}>
                  {messages.previewReporter}
                </label>
                <PersonPicker
                  inputId="preview-reporter-input"
                  projectKey={projectKey}
                  scope="anyone"
                  isClearable
                  value={reporter}
                  onChange={setReporter}
                  onSearchError={(message) =>
                    setReply(fail(`${messages.peopleFailed}: ${message}`, 'internal'))
                  }
                />
              </div>
              {text('preview-labels', messages.previewLabels, labels, setLabels)}
              {text('preview-components', messages.previewComponents, components, setComponents)}
              {text('preview-priority', messages.previewPriority, priority, setPriority)}
            </>
          )}
          <div style={fieldStyle}>
            <Button type="submit" testId="preview-run" isDisabled={running}>
              {messages.previewButton}
            </Button>
          </div>
        </div>
      </form>
      {reply && !reply.ok && (
        <Notice tone="error" testId="preview-error">
          {reply.error}
        </Notice>
      )}
      <div aria-live="polite">
        {reply?.ok && (
          <div data-testid="preview-result">
            <p>
              <strong>
                {reply.data.outcome === 'no-client'
                  ? reply.data.summary
                  : messages.previewSentence(
                      reply.data.spoc?.displayName ?? null,
                      reply.data.client?.name ?? null,
                    )}
              </strong>
            </p>
            <ul>
              {[...reply.data.matchReasons, ...reply.data.reasons].map((reason) => (
                <li key={reason}>{reason}</li>
              ))}
            </ul>
          </div>
        )}
      </div>
    </section>
  );
}
