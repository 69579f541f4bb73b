import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type FormEvent } from 'react';
import {
  getConfiguration,
  previewRouting,
  saveRoster,
  searchAssignablePeople,
  type ConfigurationView,
  type Person,
  type Reply,
  type RoutingPreview,
} from './api';
import { messages } from './messages';
import { fieldStyle, formBox, inputStyle, sectionTitle } from './forms';
import { Notice } from '../../shared/notice';
import { Loaded, useReply } from './Loaded';
import { RulesEditor } from './RulesEditor';

/**
 * Clients & SPOCs: the rosters and matching rules as tables, an editor of a client's roster for project
 * administrators (saved against the configuration version it was read at), and the routing preview.
 */
interface RosterVersion {
  readonly effectiveFrom?: string;
  readonly primarySpocAccountId?: string;
  readonly backupAccountIds?: readonly string[];
  readonly poolAccountIds?: readonly string[];
  readonly [field: string]: unknown;
}
interface Roster {
  readonly clientId: string;
  readonly versions: readonly RosterVersion[];
}
interface Rule {
  readonly id: string;
  readonly clientId: string;
  readonly kind: string;
  readonly values: readonly string[];
}

/** The version in force now: the latest that has started. */
function currentVersion(roster: Roster | undefined): RosterVersion | undefined {
  const now = new Date().toISOString();
  const started = (roster?.versions ?? []).filter((v) => !v.effectiveFrom || v.effectiveFrom <= now);
  return started[started.length - 1] ?? roster?.versions[0];
}

const field = fieldStyle;

export function Clients({ projectKey, isAdmin }: { projectKey: string; isAdmin: boolean }) {
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const reply = useReply(getConfiguration, [generation]);
  return (
    <section>
      <p>{messages.clientsIntro}</p>
      {!isAdmin && (
        <Notice tone="information" testId="read-only">
          {messages.readOnly}
        </Notice>
      )}
      {done && (
        <Notice tone="information" testId="roster-saved">
          {done}
        </Notice>
      )}
      <Loaded reply={reply}>
        {(view: ConfigurationView) => (
          <ClientTables
            view={view}
            projectKey={projectKey}
            isAdmin={isAdmin}
            onEdit={() => setDone(null)}
            onSaved={(text) => {
              setDone(text);
              setGeneration((g) => g + 1);
            }}
          />
        )}
      </Loaded>
      <RoutingPreviewForm />
    </section>
  );
}

function ClientTables({
  view,
  projectKey,
  isAdmin,
  onEdit,
  onSaved,
}: {
  view: ConfigurationView;
  projectKey: string;
  isAdmin: boolean;
  onEdit: () => void;
  onSaved: (text: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const name = (id: string | undefined) => (id ? (view.names[id] ?? id) : messages.none);
  const names = (ids: readonly string[] | undefined) =>
    ids && ids.length > 0 ? ids.map((id) => name(id)).join(', ') : messages.none;
  const rosters = view.document.rosters as readonly Roster[];
  const rules = view.document.rules as readonly Rule[];
  const clientName = (id: string) => view.document.clients.find((c) => c.id === id)?.name ?? id;
  const r = messages.rosterColumns;
  const rosterRows = view.document.clients.map((client) => {
    const version = currentVersion(rosters.find((x) => x.clientId === client.id));
    return {
      key: client.id,
      cells: [
        { key: client.name, content: client.name },
        {
          key: name(version?.primarySpocAccountId),
          content: version ? name(version.primarySpocAccountId) : messages.noRoster,
        },
        { key: names(version?.backupAccountIds), content: names(version?.backupAccountIds) },
        { key: names(version?.poolAccountIds), content: names(version?.poolAccountIds) },
        {
          key: version?.effectiveFrom ?? '',
          content: version?.effectiveFrom ? new Date(version.effectiveFrom).toLocaleDateString() : '—',
        },
        ...(isAdmin
          ? [
              {
                key: 'edit',
                content: (
                  <Button
                    testId={`edit-roster-${client.id}`}
                    onClick={() => {
                      onEdit();
                      setEditing(client.id);
                    }}
                  >
                    {messages.edit(client.name)}
                  </Button>
                ),
              },
            ]
          : []),
      ],
    };
  });
  const ruleRows = rules.map((rule) => ({
    key: rule.id,
    cells: [
      { key: clientName(rule.clientId), content: clientName(rule.clientId) },
      { key: rule.kind, content: messages.ruleKinds[rule.kind] ?? rule.kind },
      {
        key: rule.values.join(', '),
        content: rule.kind === 'reporter-account' ? names(rule.values) : rule.values.join(', '),
      },
    ],
  }));
  const editedClient = view.document.clients.find((c) => c.id === editing);
  return (
    <>
      <p style={{ color: token('color.text.subtle', '#44546F') }} data-testid="config-version">
        {messages.version(
          view.version,
          view.updatedAt ? new Date(view.updatedAt).toLocaleString() : null,
          view.updatedBy?.displayName ?? null,
        )}
      </p>
      {view.warnings.map((warning) => (
        <Notice key={warning} tone="warning">
          {warning}
        </Notice>
      ))}
      <h3 style={sectionTitle}>{messages.rosterTitle}</h3>
      <div data-testid="roster-table">
        <DynamicTable
          label={messages.rosterTitle}
          head={{
            cells: [
              { key: 'client', content: r.client, isSortable: true },
              { key: 'primary', content: r.primary, isSortable: true },
              { key: 'backups', content: r.backups },
              { key: 'pool', content: r.pool },
              { key: 'since', content: r.since, isSortable: true },
              ...(isAdmin ? [{ key: 'edit', content: '' }] : []),
            ],
          }}
          rows={rosterRows}
          rowsPerPage={10}
        />
      </div>
      {editedClient && (
        <RosterEditor
          key={editedClient.id}
          projectKey={projectKey}
          client={editedClient}
          version={currentVersion(rosters.find((x) => x.clientId === editedClient.id))}
          configurationVersion={view.version}
          names={view.names}
          onCancel={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            onSaved(text);
          }}
        />
      )}
      <h3 style={sectionTitle}>{messages.rulesTitle}</h3>
      <div data-testid="rules-table">
        <DynamicTable
          label={messages.rulesTitle}
          head={{
            cells: [
              { key: 'client', content: messages.ruleColumns.client, isSortable: true },
              { key: 'kind', content: messages.ruleColumns.kind, isSortable: true },
              { key: 'values', content: messages.ruleColumns.values },
            ],
          }}
          rows={ruleRows}
          rowsPerPage={10}
        />
      </div>
      {isAdmin &&
        (editingRules ? (
          <RulesEditor
            view={view}
            projectKey={projectKey}
            onCancel={() => setEditingRules(false)}
            onSaved={(text) => {
              setEditingRules(false);
              onSaved(text);
            }}
          />
        ) : (
          <Button
            testId="edit-rules"
            onClick={() => {
              onEdit();
              setEditingRules(true);
            }}
          >
            {messages.editRules}
          </Button>
        ))}
    </>
  );
}

function RosterEditor({
  projectKey,
  client,
  version,
  configurationVersion,
  names,
  onCancel,
  onSaved,
}: {
  projectKey: string;
  client: { id: string; name: string };
  version: RosterVersion | undefined;
  configurationVersion: number;
  names: Readonly<Record<string, string>>;
  onCancel: () => void;
  onSaved: (text: string) => void;
}) {
  const [people, setPeople] = useState<Reply<Person[]> | null>(null);
  const [primary, setPrimary] = useState(version?.primarySpocAccountId ?? '');
  const [backups, setBackups] = useState<readonly string[]>(version?.backupAccountIds ?? []);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    searchAssignablePeople(projectKey).then(
      (data) => setPeople({ ok: true, data }),
      (e: unknown) => setPeople({ ok: false, error: `${messages.peopleFailed}: ${(e as Error).message}` }),
    );
  }, [projectKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const { effectiveFrom: _from, clientId: _client, ...kept } = version ?? {};
    // The primary SPOC leaves the backups and the pool they may have been in.
    const reply = await saveRoster({
      clientId: client.id,
      version: {
        ...kept,
        primarySpocAccountId: primary,
        backupAccountIds: backups.filter((b) => b !== primary),
        poolAccountIds: (version?.poolAccountIds ?? []).filter((p) => p !== primary),
      },
      expectedVersion: configurationVersion,
    });
    setSaving(false);
    if (reply.ok) onSaved(messages.saved(client.name, reply.data.version));
    else setError(reply.error);
  };

  // Everyone the roster names stays choosable even when Jira's list leaves them out.
  const candidates: Person[] = people?.ok ? [...people.data] : [];
  for (const id of [primary, ...backups]) {
    if (id && !candidates.some((p) => p.accountId === id))
      candidates.push({ accountId: id, displayName: names[id] ?? id });
  }
  return (
    <form
      data-testid="roster-editor"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      style={formBox}
    >
      <h4 style={{ marginTop: 0 }}>{messages.editTitle(client.name)}</h4>
      {people && !people.ok && <Notice tone="error">{people.error}</Notice>}
      <label style={field}>
        <span style={field}>{messages.primaryLabel}</span>
        <select
          data-testid="roster-primary"
          value={primary}
          onChange={(e) => setPrimary(e.target.value)}
          required
          autoFocus
          style={inputStyle}
        >
          <option value="">{messages.choose}</option>
          {candidates.map((p) => (
            <option key={p.accountId} value={p.accountId}>
              {p.displayName}
            </option>
          ))}
        </select>
      </label>
      <fieldset style={{ border: 'none', padding: 0, margin: `0 0 ${token('space.150', '12px')}` }}>
        <legend style={field}>{messages.backupsLabel}</legend>
        <div
          data-testid="roster-backups"
          style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px') }}
        >
          {candidates
            .filter((p) => p.accountId !== primary)
            .map((p) => (
              <label key={p.accountId}>
                <input
                  type="checkbox"
                  checked={backups.includes(p.accountId)}
                  onChange={(e) =>
                    setBackups(
                      e.target.checked ? [...backups, p.accountId] : backups.filter((b) => b !== p.accountId),
                    )
                  }
                />{' '}
                {p.displayName}
              </label>
            ))}
        </div>
      </fieldset>
      {error && (
        <Notice tone="error" testId="roster-error">
          {error}
        </Notice>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button type="submit" appearance="primary" testId="roster-save" isDisabled={saving || !primary}>
          {saving ? messages.saving : messages.save}
        </Button>
        <Button onClick={onCancel} testId="roster-cancel">
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}

function RoutingPreviewForm() {
  const [issueKey, setIssueKey] = useState('');
  const [reply, setReply] = useState<Reply<RoutingPreview> | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setReply(await previewRouting({ issueKey: issueKey.trim().toUpperCase() }));
  };
  return (
    <section>
      <h3 style={sectionTitle}>{messages.previewTitle}</h3>
      <p>{messages.previewIntro}</p>
      <form
        onSubmit={(e) => void submit(e)}
        style={{ display: 'flex', gap: token('space.100', '8px'), alignItems: 'end' }}
      >
        <label>
          <span style={field}>{messages.previewLabel}</span>
          <input
            data-testid="preview-issue"
            value={issueKey}
            onChange={(e) => setIssueKey(e.target.value)}
            required
            style={inputStyle}
          />
        </label>
        <Button type="submit" testId="preview-run">
          {messages.previewButton}
        </Button>
      </form>
      {reply && !reply.ok && (
        <Notice tone="error" testId="preview-error">
          {reply.error}
        </Notice>
      )}
      {reply?.ok && (
        <div data-testid="preview-result" aria-live="polite">
          <p>
            <strong>
              {messages.previewSentence(
                reply.data.spoc?.displayName ?? null,
                reply.data.client?.name ?? null,
              )}
            </strong>
          </p>
          <ul>
            {reply.data.reasons.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
