import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { token } from '@atlaskit/tokens';
import { lazy, Suspense, useRef, useState } from 'react';
import {
  getConfiguration,
  type ClientRoster,
  type ConfigurationView,
  type OffboardingReport,
  type RosterVersion,
} from './api';
import { BulkResults } from './BulkResults';
import { messages } from './messages';
import { sectionTitle } from './forms';
import { Notice } from '../../shared/notice';
import { Loaded, useReply } from './Loaded';
import { SavedNotice } from './SavedNotice';
import { dayOf, when } from './time';

/**
 * Clients & SPOCs: the rosters and matching rules as tables, editors of both for those who may change the
 * configuration (saved against the version they were read at), and the routing preview. The editors bring
 * the people pickers, so they load when first opened.
 */
const RosterEditor = lazy(() => import('./RosterEditor').then((m) => ({ default: m.RosterEditor })));
const AddClient = lazy(() => import('./AddClient').then((m) => ({ default: m.AddClient })));
const RulesEditor = lazy(() => import('./RulesEditor').then((m) => ({ default: m.RulesEditor })));
const Offboarding = lazy(() => import('./Offboarding').then((m) => ({ default: m.Offboarding })));
const RoutingPreviewForm = lazy(() =>
  import('./RoutingPreview').then((m) => ({ default: m.RoutingPreviewForm })),
);

/** The version in force now: the latest that has started. */
export function currentVersion(roster: ClientRoster | undefined): RosterVersion | undefined {
  const now = new Date().toISOString();
  const started = (roster?.versions ?? []).filter((v) => v.effectiveFrom <= now);
  return started[started.length - 1] ?? roster?.versions[0];
}

const loading = <p>{messages.loading}</p>;

export function Clients({ projectKey, accountId }: { projectKey: string; accountId: string }) {
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const [offboarded, setOffboarded] = useState<OffboardingReport | null>(null);
  const reply = useReply(getConfiguration, [generation]);
  return (
    <section>
      <p>{messages.clientsIntro}</p>
      {done && <SavedNotice testId="roster-saved">{done}</SavedNotice>}
      {offboarded && (
        <BulkResults report={offboarded} title={messages.offboardDone} testId="offboard-report" />
      )}
      <Loaded reply={reply}>
        {(view: ConfigurationView) => (
          <>
            {!view.canEdit && (
              <Notice tone="information" testId="read-only">
                {messages.readOnly}
              </Notice>
            )}
            <ClientTables
              view={view}
              projectKey={projectKey}
              onEdit={() => {
                setDone(null);
                setOffboarded(null);
              }}
              onSaved={(text) => {
                setDone(text);
                setGeneration((g) => g + 1);
              }}
            />
            {view.canEdit && (
              <OffboardingSection
                view={view}
                projectKey={projectKey}
                onOpen={() => {
                  setDone(null);
                  setOffboarded(null);
                }}
                onDone={(report) => {
                  setOffboarded(report);
                  setGeneration((g) => g + 1);
                }}
              />
            )}
            {(view.canEdit || view.document.profiles.some((p) => p.accountId === accountId)) && (
              <Suspense fallback={loading}>
                <RoutingPreviewForm projectKey={projectKey} />
              </Suspense>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function ClientTables({
  view,
  projectKey,
  onEdit,
  onSaved,
}: {
  view: ConfigurationView;
  projectKey: string;
  onEdit: () => void;
  onSaved: (text: string) => void;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  // Adding a client: its name and id first, then its first roster.
  const [adding, setAdding] = useState<'naming' | { id: string; name: string } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const stopAdding = () => {
    setAdding(null);
    requestAnimationFrame(() => addButton.current?.focus());
  };
  const { canEdit } = view;
  const name = (id: string | undefined) => (id ? (view.names[id] ?? id) : messages.none);
  const names = (ids: readonly string[] | undefined) =>
    ids && ids.length > 0 ? ids.map((id) => name(id)).join(', ') : messages.none;
  const { rosters, rules, clients } = view.document;
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id;
  const r = messages.rosterColumns;
  const rosterRows = clients.map((client) => {
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
          key: name(version?.escalationManagerAccountId),
          content: version ? name(version.escalationManagerAccountId) : messages.none,
        },
        {
          key: version?.effectiveFrom ?? '',
          content: version ? dayOf(version.effectiveFrom) : messages.noDate,
        },
        ...(canEdit
          ? [
              {
                key: 'edit',
                content: (
                  <Button
                    testId={`edit-roster-${client.id}`}
                    onClick={() => {
                      onEdit();
                      setAdding(null);
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
  const ruleRows = rules.map((rule, index) => ({
    key: rule.id,
    cells: [
      { key: index, content: index + 1 },
      { key: clientName(rule.clientId), content: clientName(rule.clientId) },
      {
        key: rule.kind,
        content: `${messages.ruleKinds[rule.kind]}${rule.enabled === false ? ` ${messages.disabled}` : ''}`,
      },
      {
        key: rule.values.join(', '),
        content: rule.kind === 'reporter-account' ? names(rule.values) : rule.values.join(', '),
      },
    ],
  }));
  const editedClient = clients.find((c) => c.id === editing);
  return (
    <>
      <p style={{ color: token('color.text.subtle', '#44546F') }} data-testid="config-version">
        {messages.version(
          view.version,
          view.updatedAt ? when(view.updatedAt) : null,
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
              { key: 'manager', content: r.manager, isSortable: true },
              { key: 'since', content: r.since, isSortable: true },
              ...(canEdit ? [{ key: 'edit', content: messages.actions }] : []),
            ],
          }}
          rows={rosterRows}
          rowsPerPage={10}
        />
      </div>
      {canEdit && adding === null && (
        <Button
          ref={addButton}
          testId="add-client"
          onClick={() => {
            onEdit();
            setEditing(null);
            setAdding('naming');
          }}
        >
          {messages.addClient}
        </Button>
      )}
      {adding === 'naming' && (
        <Suspense fallback={loading}>
          <AddClient clients={clients} onCancel={stopAdding} onChosen={setAdding} />
        </Suspense>
      )}
      {adding !== null && adding !== 'naming' && (
        <Suspense fallback={loading}>
          <RosterEditor
            key={`new-${adding.id}`}
            projectKey={projectKey}
            client={{ ...adding, isNew: true }}
            version={undefined}
            configurationVersion={view.version}
            names={view.names}
            onCancel={stopAdding}
            onSaved={(text) => {
              setAdding(null);
              onSaved(text);
            }}
          />
        </Suspense>
      )}
      {editedClient && (
        <Suspense fallback={loading}>
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
        </Suspense>
      )}
      <h3 style={sectionTitle}>{messages.rulesTitle}</h3>
      <p>{messages.rulesIntro}</p>
      <div data-testid="rules-table">
        <DynamicTable
          label={messages.rulesTitle}
          head={{
            cells: [
              { key: 'order', content: messages.ruleColumns.order },
              { key: 'client', content: messages.ruleColumns.client },
              { key: 'kind', content: messages.ruleColumns.kind },
              { key: 'values', content: messages.ruleColumns.values },
            ],
          }}
          rows={ruleRows}
          rowsPerPage={20}
        />
      </div>
      {canEdit &&
        (editingRules ? (
          <Suspense fallback={loading}>
            <RulesEditor
              view={view}
              projectKey={projectKey}
              onCancel={() => setEditingRules(false)}
              onSaved={(text) => {
                setEditingRules(false);
                onSaved(text);
              }}
            />
          </Suspense>
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

/** Offboarding a SPOC: a button that opens the form (loaded when first opened), for those who keep rosters. */
function OffboardingSection({
  view,
  projectKey,
  onOpen,
  onDone,
}: {
  view: ConfigurationView;
  projectKey: string;
  onOpen: () => void;
  onDone: (report: OffboardingReport) => void;
}) {
  const [open, setOpen] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    requestAnimationFrame(() => opener.current?.focus());
  };
  return (
    <section aria-labelledby="offboard-section-title" data-testid="offboard-section">
      <h3 id="offboard-section-title" style={sectionTitle}>
        {messages.offboardTitle}
      </h3>
      <p>{messages.offboardIntro}</p>
      {open ? (
        <Suspense fallback={loading}>
          <Offboarding
            view={view}
            projectKey={projectKey}
            onCancel={close}
            onDone={(report) => {
              setOpen(false);
              onDone(report);
            }}
          />
        </Suspense>
      ) : (
        <Button
          ref={opener}
          testId="offboard-open"
          onClick={() => {
            onOpen();
            setOpen(true);
          }}
        >
          {messages.offboardOpen}
        </Button>
      )}
    </section>
  );
}
