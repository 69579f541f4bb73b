import Lozenge from '@atlaskit/lozenge';
import SectionMessage from '@atlaskit/section-message';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState } from 'react';
import { getSnapshot, onDashboardRefresh, type GadgetSnapshot, type EscalationsConfig } from './api';
import { messages } from './messages';

export function View({ config }: { readonly config: EscalationsConfig }) {
  const [snapshot, setSnapshot] = useState<GadgetSnapshot | undefined>();
  const [error, setError] = useState<string | undefined>();
  const [refreshes, setRefreshes] = useState(0);

  const load = useCallback(() => {
    getSnapshot().then(
      (reply) => (reply.ok ? setSnapshot(reply.data) : setError(reply.error)),
      (e: unknown) => setError((e as Error).message),
    );
  }, []);
  useEffect(load, [load]);
  useEffect(() => {
    const unsubscribe = onDashboardRefresh(() => {
      setRefreshes((n) => n + 1);
      load();
    });
    return () => void unsubscribe.then((stop) => stop());
  }, [load]);

  if (error) {
    return (
      <SectionMessage appearance="error" title={messages.failed}>
        <p data-testid="gadget-error">{error}</p>
      </SectionMessage>
    );
  }
  if (!snapshot) return <p>{messages.loading}</p>;
  return (
    <div style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}>
      <p data-testid="gadget-snapshot">
        {snapshot.takenAt ? messages.snapshot(snapshot.takenAt, snapshot.rows.length) : messages.noSnapshot}
      </p>
      <p data-testid="gadget-config">
        <Lozenge appearance={config.breachedOnly ? 'removed' : 'moved'}>
          {config.breachedOnly ? messages.scopeBreached : messages.scopeAll}
        </Lozenge>{' '}
        {config.refresh ? <Lozenge>{messages.refreshEvery(config.refresh)}</Lozenge> : null}
      </p>
      {refreshes > 0 ? <p data-testid="gadget-refreshes">{messages.refreshedByHost(refreshes)}</p> : null}
    </div>
  );
}
