import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import {
  asReply,
  getComponents,
  saveRoster,
  type Component,
  type DeliveryTarget,
  type PickedPerson,
  type Reply,
  type RosterVersion,
} from './api';
import { fieldStyle, formBox, inputStyle, labelStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { PersonPicker, useKnownPeople } from './pickers';

/**
 * A client's roster, edited by a project administrator: primary SPOC, backups in the order they cover, the
 * pool, the escalation manager and where vetted work goes. Saving adds a new dated roster version from now
 * on top of the configuration version the editor was opened at.
 */
type DeliveryKind = DeliveryTarget['kind'];
const KINDS: readonly DeliveryKind[] = ['user', 'component-lead', 'unassigned'];

export function RosterEditor({
  projectKey,
  client,
  version,
  configurationVersion,
  names,
  onCancel,
  onSaved,
}: {
  projectKey: string;
  /** `isNew`: a client added here, saved with its name and its first roster. */
  client: { id: string; name: string; isNew?: boolean };
  version: RosterVersion | undefined;
  configurationVersion: number;
  names: Readonly<Record<string, string>>;
  onCancel: () => void;
  onSaved: (text: string) => void;
}) {
  const target = version?.deliveryTarget ?? { kind: 'unassigned' };
  const person = useKnownPeople(
    [
      ...(version ? [version.primarySpocAccountId, version.escalationManagerAccountId] : []),
      ...(version?.backupAccountIds ?? []),
      ...(version?.poolAccountIds ?? []),
      ...(target.kind === 'user' ? [target.accountId] : []),
    ],
    names,
  );
  const one = (id: string | undefined) => (id ? [person(id)] : []);
  const [primary, setPrimary] = useState<PickedPerson[] | null>(null);
  const [backups, setBackups] = useState<PickedPerson[] | null>(null);
  const [pool, setPool] = useState<PickedPerson[] | null>(null);
  const [manager, setManager] = useState<PickedPerson[] | null>(null);
  const [kind, setKind] = useState<DeliveryKind>(target.kind);
  const [deliveryUser, setDeliveryUser] = useState<PickedPerson[] | null>(null);
  const [componentId, setComponentId] = useState(target.kind === 'component-lead' ? target.componentId : '');
  const [note, setNote] = useState('');
  const [components, setComponents] = useState<Reply<Component[]> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // A stable ref callback: the primary SPOC's picker takes the focus once, when the editor opens.
  const focusFirst = useCallback((element: { focus(): void } | null) => element?.focus(), []);

  // Until a picker is changed it shows the roster's people (with avatars once Jira answered).
  const chosen = {
    primary: primary ?? one(version?.primarySpocAccountId),
    backups: backups ?? (version?.backupAccountIds ?? []).map(person),
    pool: pool ?? (version?.poolAccountIds ?? []).map(person),
    manager: manager ?? one(version?.escalationManagerAccountId),
    deliveryUser: deliveryUser ?? one(target.kind === 'user' ? target.accountId : undefined),
  };

  useEffect(() => {
    if (kind !== 'component-lead' || components) return;
    void asReply(() => getComponents(projectKey)).then(setComponents);
  }, [kind, components, projectKey]);

  const problem = (): string | null => {
    if (!chosen.primary[0]) return messages.needPrimary;
    if (!chosen.manager[0]) return messages.needManager;
    if (kind === 'user' && !chosen.deliveryUser[0]) return messages.needDeliveryUser;
    if (kind === 'component-lead' && !componentId) return messages.needComponent;
    return null;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = problem();
    if (missing) return setError(missing);
    const primaryId = (chosen.primary[0] as PickedPerson).accountId;
    const backupIds = chosen.backups.map((p) => p.accountId).filter((id) => id !== primaryId);
    const deliveryTarget: DeliveryTarget =
      kind === 'user'
        ? { kind, accountId: (chosen.deliveryUser[0] as PickedPerson).accountId }
        : kind === 'component-lead'
          ? { kind, componentId }
          : { kind };
    setSaving(true);
    setError(null);
    // Someone chosen as primary or backup leaves the lists further down the failover order.
    const reply = await saveRoster(
      client.id,
      {
        primarySpocAccountId: primaryId,
        backupAccountIds: backupIds,
        poolAccountIds: chosen.pool
          .map((p) => p.accountId)
          .filter((id) => id !== primaryId && !backupIds.includes(id)),
        supportHours: version?.supportHours ?? null,
        deliveryTarget,
        escalationManagerAccountId: (chosen.manager[0] as PickedPerson).accountId,
        ...(note.trim() ? { handoverNote: note.trim() } : {}),
      },
      configurationVersion,
      client.isNew ? client.name : undefined,
    );
    setSaving(false);
    if (reply.ok)
      onSaved([messages.saved(client.name, reply.data.version), ...reply.data.warnings].join(' '));
    else setError(reply.error);
  };

  const id = (field: string) => `roster-${client.id}-${field}`;
  const picker = (
    field: string,
    label: string,
    value: PickedPerson[],
    set: (people: PickedPerson[]) => void,
    options: { isMulti?: boolean; scope?: 'assignable' | 'anyone'; hint?: string; autoFocus?: boolean } = {},
  ) => (
    <div style={fieldStyle} data-testid={`roster-${field}`}>
      <label htmlFor={id(field)} style={labelStyle}>
        {label}
      </label>
      {options.hint && <p style={{ margin: `0 0 ${token('space.050', '4px')}` }}>{options.hint}</p>}
      <PersonPicker
        inputId={id(field)}
        projectKey={projectKey}
        scope={options.scope ?? 'assignable'}
        value={value}
        onChange={set}
        isMulti={options.isMulti}
        isClearable={options.isMulti}
        focusRef={options.autoFocus ? focusFirst : undefined}
        onSearchError={(message) => setError(`${messages.peopleFailed}: ${message}`)}
      />
    </div>
  );

  return (
    <form
      data-testid="roster-editor"
      aria-labelledby={id('title')}
      onSubmit={(e) => void submit(e)}
      // Escape inside a picker closes its menu (and is handled there); anywhere else it closes the editor.
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onCancel()}
      style={formBox}
    >
      <h4 id={id('title')} style={{ marginTop: 0 }}>
        {client.isNew ? messages.newClientRosterTitle(client.name) : messages.editTitle(client.name)}
      </h4>
      {picker('primary', messages.primaryLabel, chosen.primary, setPrimary, { autoFocus: true })}
      {picker('backups', messages.backupsLabel, chosen.backups, setBackups, {
        isMulti: true,
        hint: messages.backupsHint,
      })}
      {picker('pool', messages.poolLabel, chosen.pool, setPool, { isMulti: true })}
      {picker('manager', messages.managerLabel, chosen.manager, setManager, { scope: 'anyone' })}
      <fieldset style={{ border: 'none', padding: 0, margin: `0 0 ${token('space.150', '12px')}` }}>
        <legend style={labelStyle}>{messages.deliveryLabel}</legend>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.200', '16px') }}>
          {KINDS.map((k) => (
            <label key={k}>
              <input
                type="radio"
                name={id('delivery')}
                value={k}
                data-testid={`roster-delivery-${k}`}
                checked={kind === k}
                onChange={() => setKind(k)}
              />{' '}
              {messages.deliveryKinds[k]}
            </label>
          ))}
        </div>
      </fieldset>
      {kind === 'user' &&
        picker('delivery-user', messages.deliveryUserLabel, chosen.deliveryUser, setDeliveryUser)}
      {kind === 'component-lead' && (
        <div style={fieldStyle}>
          <label htmlFor={id('component')} style={labelStyle}>
            {messages.componentLabel}
          </label>
          {components && !components.ok && <Notice tone="error">{components.error}</Notice>}
          <select
            id={id('component')}
            data-testid="roster-component"
            value={componentId}
            onChange={(e) => setComponentId(e.target.value)}
            style={inputStyle}
          >
            <option value="">{messages.chooseComponent}</option>
            {(components?.ok ? components.data : []).map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
      )}
      <div style={fieldStyle}>
        <label htmlFor={id('note')} style={labelStyle}>
          {messages.handoverNoteLabel}
        </label>
        <input
          id={id('note')}
          data-testid="roster-note"
          value={note}
          maxLength={500}
          onChange={(e) => setNote(e.target.value)}
          style={{ ...inputStyle, width: '100%', boxSizing: 'border-box' }}
        />
      </div>
      {error && (
        <Notice tone="error" testId="roster-error">
          {error}
        </Notice>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button type="submit" appearance="primary" testId="roster-save" isDisabled={saving}>
          {saving ? messages.saving : messages.save}
        </Button>
        <Button onClick={onCancel} testId="roster-cancel">
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}
