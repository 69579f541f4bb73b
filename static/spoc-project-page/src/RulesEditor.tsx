import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type FormEvent } from 'react';
import {
  saveRules,
  searchAssignablePeople,
  type ConfigurationView,
  type MatchRule,
  type Person,
} from './api';
import { fieldStyle, formBox, inputStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';

/** Project administrators remove rules and add new ones at the end (the first rule that matches wins). */
const KINDS = Object.keys(messages.ruleKinds);

export function RulesEditor({
  view,
  projectKey,
  onCancel,
  onSaved,
}: {
  view: ConfigurationView;
  projectKey: string;
  onCancel: () => void;
  onSaved: (text: string) => void;
}) {
  const [rules, setRules] = useState<readonly MatchRule[]>(view.document.rules as readonly MatchRule[]);
  const [clientId, setClientId] = useState(view.document.clients[0]?.id ?? '');
  const [kind, setKind] = useState('label');
  const [values, setValues] = useState('');
  const [person, setPerson] = useState('');
  const [people, setPeople] = useState<Person[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    searchAssignablePeople(projectKey).then(setPeople, () => setPeople([]));
  }, [projectKey]);

  const name = (id: string) => view.names[id] ?? people.find((p) => p.accountId === id)?.displayName ?? id;
  const clientName = (id: string) => view.document.clients.find((c) => c.id === id)?.name ?? id;
  const newValues =
    kind === 'reporter-account'
      ? person
        ? [person]
        : []
      : values
          .split(',')
          .map((v) => v.trim())
          .filter(Boolean);

  const add = () => {
    if (!clientId || newValues.length === 0) return;
    const id = `${clientId}-${kind}-${Date.now().toString(36)}`;
    setRules([...rules, { id, clientId, kind, values: newValues }]);
    setValues('');
    setPerson('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const reply = await saveRules(rules, view.version);
    setSaving(false);
    if (reply.ok) return onSaved(messages.rulesSaved(reply.data.version));
    const stale = /^stale:(\d+)$/.exec(reply.error);
    setError(stale ? messages.staleRules(view.version, Number(stale[1])) : reply.error);
  };

  return (
    <form
      data-testid="rules-editor"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      style={formBox}
    >
      <h4 style={{ marginTop: 0 }}>{messages.rulesEditorTitle}</h4>
      <ol data-testid="rules-list">
        {rules.map((rule, index) => (
          <li key={rule.id} style={{ marginBottom: token('space.050', '4px') }}>
            {`${clientName(rule.clientId)}: ${messages.ruleKinds[rule.kind] ?? rule.kind} ${rule.values
              .map((v) => (rule.kind === 'reporter-account' ? name(v) : v))
              .join(', ')} `}
            <Button
              appearance="subtle"
              testId={`remove-rule-${index + 1}`}
              onClick={() => setRules(rules.filter((r) => r !== rule))}
            >
              {messages.removeRule(index + 1)}
            </Button>
          </li>
        ))}
      </ol>
      <div style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.100', '8px'), alignItems: 'end' }}>
        <label>
          <span style={fieldStyle}>{messages.ruleClient}</span>
          <select
            data-testid="rule-client"
            value={clientId}
            onChange={(e) => setClientId(e.target.value)}
            style={inputStyle}
          >
            {view.document.clients.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span style={fieldStyle}>{messages.ruleKind}</span>
          <select
            data-testid="rule-kind"
            value={kind}
            onChange={(e) => setKind(e.target.value)}
            style={inputStyle}
          >
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {messages.ruleKinds[k]}
              </option>
            ))}
          </select>
        </label>
        {kind === 'reporter-account' ? (
          <label>
            <span style={fieldStyle}>{messages.rulePerson}</span>
            <select
              data-testid="rule-person"
              value={person}
              onChange={(e) => setPerson(e.target.value)}
              style={inputStyle}
            >
              <option value="">{messages.choose}</option>
              {people.map((p) => (
                <option key={p.accountId} value={p.accountId}>
                  {p.displayName}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label>
            <span style={fieldStyle}>{messages.ruleValues}</span>
            <input
              data-testid="rule-values"
              value={values}
              onChange={(e) => setValues(e.target.value)}
              style={inputStyle}
            />
          </label>
        )}
        <Button testId="rule-add" onClick={add} isDisabled={newValues.length === 0}>
          {messages.addRule}
        </Button>
      </div>
      {error && (
        <Notice tone="error" testId="rules-error">
          {error}
        </Notice>
      )}
      <div style={{ display: 'flex', gap: token('space.100', '8px'), marginTop: token('space.150', '12px') }}>
        <Button type="submit" appearance="primary" testId="rules-save" isDisabled={saving}>
          {saving ? messages.saving : messages.saveRules}
        </Button>
        <Button onClick={onCancel} testId="rules-cancel">
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}
