import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState } from 'react';
import { getMyQueue, getVettedQueue, type QueueItem } from './api';
import { HandedOver } from './HandedOver';
import { messages } from './messages';
import { Loaded, useReply } from './Loaded';
import { SubpageLink } from './navigation';
import { QueueTable } from './QueueTable';

export function TriageQueue() {
  const [generation, setGeneration] = useState(0);
  const reply = useReply(getMyQueue, [generation]);
  return (
    <section>
      <p>
        {messages.triageIntro}{' '}
        <SubpageLink to="/availability" testId="link-availability">
          {messages.keepAvailability}
        </SubpageLink>
      </p>
      <HandedOver onTakenBack={() => setGeneration((g) => g + 1)} />
      <Loaded reply={reply}>
        {(items: readonly QueueItem[]) => (
          <QueueTable
            items={items}
            title={messages.subpages['/triage'] as string}
            empty={messages.emptyTriage}
            testId="triage-queue"
            urgency
          />
        )}
      </Loaded>
    </section>
  );
}

function CopyJql({ jql }: { jql: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  const copy = () =>
    navigator.clipboard.writeText(jql).then(
      () => setCopied(messages.copied),
      () => setCopied(messages.copyFailed),
    );
  return (
    <div style={{ margin: `${token('space.150', '12px')} 0` }}>
      <label
        htmlFor="vetted-jql"
        style={{ display: 'block', fontWeight: token('font.weight.semibold', '600') }}
      >
        {messages.jqlLabel}
      </label>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'center' }}>
        <input
          id="vetted-jql"
          data-testid="vetted-jql"
          readOnly
          value={jql}
          onFocus={(e) => e.currentTarget.select()}
          style={{
            flex: 1,
            font: token('font.code', '12px monospace'),
            padding: token('space.075', '6px'),
            color: token('color.text', '#172B4D'),
            background: token('color.background.input', '#FFFFFF'),
            border: `1px solid ${token('color.border.input', '#8590A2')}`,
            borderRadius: token('radius.small', '3px'),
          }}
        />
        <Button testId="copy-jql" onClick={() => void copy()}>
          {messages.copy}
        </Button>
        <span role="status" data-testid="copy-status">
          {copied}
        </span>
      </div>
    </div>
  );
}

export function VettedQueue({ projectKey }: { projectKey: string }) {
  const reply = useReply(getVettedQueue);
  return (
    <section>
      <p>{messages.vettedIntro}</p>
      <CopyJql jql={messages.jql(projectKey)} />
      <Loaded reply={reply}>
        {(items: readonly QueueItem[]) => (
          <QueueTable
            items={items}
            title={messages.subpages['/vetted'] as string}
            empty={messages.emptyVetted}
            testId="vetted-queue"
          />
        )}
      </Loaded>
    </section>
  );
}
