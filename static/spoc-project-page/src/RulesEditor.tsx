import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import {
  saveRules,
  type ClientMatchRule,
  type ConfigurationView,
  type MatchRuleKind,
  type PickedPerson,
} from './api';
import {
  describedBy,
  FieldMessages,
  NO_PROBLEMS,
  problemsAt,
  problemsOf,
  type FieldProblems,
} from './fields';
import { fieldStyle, formBox, inputStyle, labelStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { PersonPicker } from './pickers';

/**
 * The ordered matching rules, edited as a list and saved as a whole (the first enabled rule that matches an
 * issue decides its client): project administrators add, change, move, switch off and remove rules. The
 * server checks the list and refuses it when the configuration changed meanwhile.
 */
const KINDS = Object.keys(messages.ruleKinds) as MatchRuleKind[];

interface Draft {
  readonly clientId: string;
  readonly kind: MatchRuleKind;
  readonly values: string;
  readonly people: readonly PickedPerson[];
  readonly enabled: boolean;
}

const splitValues = (text: string) =>
  text
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

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
  const clients = view.document.clients;
  const empty: Draft = {
    clientId: clients[0]?.id ?? '',
    kind: 'label',
    values: '',
    people: [],
    enabled: true,
  };
  const [rules, setRules] = useState<readonly ClientMatchRule[]>(view.document.rules);
  // The server's problems, each at its rule; they hold for the list they were found in, not after a change.
  const [found, setFound] = useState<{ rules: readonly ClientMatchRule[]; problems: FieldProblems } | null>(
    null,
  );
  const problems = found && found.rules === rules ? found.problems : NO_PROBLEMS;
  const [draft, setDraft] = useState<Draft>(empty);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  // After a rule moves or goes, the focus goes to this control (a moved DOM node loses it).
  const [focusNext, setFocusNext] = useState<string | null>(null);
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (!focusNext) return;
    formRef.current?.querySelector<HTMLElement>(`[data-testid="${focusNext}"]`)?.focus();
    setFocusNext(null);
  }, [focusNext]);

  const personName = (id: string) => view.names[id] ?? id;
  const clientName = (id: string) => clients.find((c) => c.id === id)?.name ?? id;
  const newValues =
    draft.kind === 'reporter-account' ? draft.people.map((p) => p.accountId) : splitValues(draft.values);
  const describe = (rule: ClientMatchRule) =>
    messages.ruleText(
      clientName(rule.clientId),
      messages.ruleKinds[rule.kind],
      rule.values.map((v) => (rule.kind === 'reporter-account' ? personName(v) : v)).join(', '),
      rule.enabled !== false,
    );

  const set = (change: Partial<Draft>) => setDraft({ ...draft, ...change });

  const newId = (clientId: string, kind: string) => {
    const base = `${clientId}-${kind}`;
    let id = base;
    for (let n = 2; rules.some((r) => r.id === id); n++) id = `${base}-${n}`;
    return id;
  };

  const apply = () => {
    if (!draft.clientId || newValues.length === 0) return setError(messages.needRuleValues);
    setError(null);
    const rule: ClientMatchRule = {
      id: editing ?? newId(draft.clientId, draft.kind),
      clientId: draft.clientId,
      kind: draft.kind,
      values: newValues,
      ...(draft.enabled ? {} : { enabled: false }),
    };
    setRules(editing ? rules.map((r) => (r.id === editing ? rule : r)) : [...rules, rule]);
    setEditing(null);
    setDraft({ ...empty, clientId: draft.clientId, kind: draft.kind });
    setFocusNext(`rule-row-${rule.id}`);
  };

  const edit = (rule: ClientMatchRule) => {
    setEditing(rule.id);
    setDraft({
      clientId: rule.clientId,
      kind: rule.kind,
      values: rule.kind === 'reporter-account' ? '' : rule.values.join(', '),
      people:
        rule.kind === 'reporter-account'
          ? rule.values.map((id) => ({ accountId: id, displayName: personName(id) }))
          : [],
      enabled: rule.enabled !== false,
    });
    setFocusNext('rule-client');
  };

  const move = (index: number, by: -1 | 1) => {
    const next = [...rules];
    const [rule] = next.splice(index, 1);
    if (!rule) return;
    next.splice(index + by, 0, rule);
    setRules(next);
    // Keep the focus on the button pressed, or on the other one when the rule reached the end of the list.
    const at = index + by;
    const up = by < 0 ? at > 0 : at === next.length - 1;
    setFocusNext(`${up ? 'move-up' : 'move-down'}-${rule.id}`);
  };

  const remove = (rule: ClientMatchRule) => {
    setRules(rules.filter((r) => r !== rule));
    if (editing === rule.id) {
      setEditing(null);
      setDraft(empty);
    }
    setFocusNext('rules-list');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const reply = await saveRules(rules, view.version);
    setSaving(false);
    if (reply.ok) onSaved([messages.rulesSaved(reply.data.version), ...reply.data.warnings].join(' '));
    else {
      setError(reply.error);
      setFound({ rules, problems: problemsOf(reply) });
    }
  };

  return (
    <form
      ref={formRef}
      data-testid="rules-editor"
      aria-labelledby="rules-editor-title"
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => e.key === 'Escape' && !e.defaultPrevented && onCancel()}
      style={formBox}
    >
      <h4 id="rules-editor-title" style={{ marginTop: 0 }}>
        {messages.rulesEditorTitle}
      </h4>
      <ol data-testid="rules-list" tabIndex={-1} aria-label={messages.rulesTitle}>
        {rules.map((rule, index) => (
          <li key={rule.id} style={{ marginBottom: token('space.050', '4px') }}>
            <span
              data-testid={`rule-row-${rule.id}`}
              tabIndex={-1}
              {...describedBy(`rule-${rule.id}`, false, problemsAt(problems, `rules[${index}]`, true))}
            >
              {describe(rule)}
            </span>{' '}
            <span style={{ display: 'inline-flex', gap: token('space.050', '4px') }}>
              <Button
                appearance="subtle"
                spacing="compact"
                testId={`edit-rule-${rule.id}`}
                aria-label={messages.editRule(index + 1)}
                onClick={() => edit(rule)}
              >
                {messages.ruleButtons.edit}
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                testId={`move-up-${rule.id}`}
                isDisabled={index === 0}
                aria-label={messages.moveUp(index + 1)}
                onClick={() => move(index, -1)}
              >
                {messages.ruleButtons.up}
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                testId={`move-down-${rule.id}`}
                isDisabled={index === rules.length - 1}
                aria-label={messages.moveDown(index + 1)}
                onClick={() => move(index, 1)}
              >
                {messages.ruleButtons.down}
              </Button>
              <Button
                appearance="subtle"
                spacing="compact"
                testId={`remove-rule-${rule.id}`}
                aria-label={messages.removeRule(index + 1)}
                onClick={() => remove(rule)}
              >
                {messages.ruleButtons.remove}
              </Button>
            </span>
            <FieldMessages
              id={`rule-${rule.id}`}
              errors={problemsAt(problems, `rules[${index}]`, true)}
              testId={`rule-${rule.id}-error`}
            />
          </li>
        ))}
      </ol>
      <fieldset
        style={{
          border: `1px solid ${token('color.border', '#091E4224')}`,
          borderRadius: token('radius.small', '3px'),
        }}
      >
        <legend style={labelStyle}>
          {editing ? messages.editingRule(rules.findIndex((r) => r.id === editing) + 1) : messages.newRule}
        </legend>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px'), alignItems: 'end' }}
        >
          <div style={fieldStyle}>
            <label htmlFor="rule-client" style={labelStyle}>
              {messages.ruleClient}
            </label>
            <select
              id="rule-client"
              data-testid="rule-client"
              value={draft.clientId}
              onChange={(e) => set({ clientId: e.target.value })}
              style={inputStyle}
            >
              {clients.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          </div>
          <div style={fieldStyle}>
            <label htmlFor="rule-kind" style={labelStyle}>
              {messages.ruleKind}
            </label>
            <select
              id="rule-kind"
              data-testid="rule-kind"
              value={draft.kind}
              onChange={(e) => set({ kind: e.target.value as MatchRuleKind })}
              style={inputStyle}
            >
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {messages.ruleKinds[k]}
                </option>
              ))}
            </select>
          </div>
          {draft.kind === 'reporter-account' ? (
            <div style={{ ...fieldStyle, minWidth: '18em' }} data-testid="rule-people">
              <label htmlFor="rule-people" style={labelStyle}>
                {messages.rulePeople}
              </label>
              <PersonPicker
                inputId="rule-people"
                projectKey={projectKey}
                scope="anyone"
                isMulti
                value={draft.people}
                onChange={(people) => set({ people })}
                onSearchError={(message) => setError(`${messages.peopleFailed}: ${message}`)}
              />
            </div>
          ) : (
            <div style={fieldStyle}>
              <label htmlFor="rule-values" style={labelStyle}>
                {messages.ruleValues}
              </label>
              <input
                id="rule-values"
                data-testid="rule-values"
                value={draft.values}
                onChange={(e) => set({ values: e.target.value })}
                // Enter adds the rule here rather than saving the whole list.
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    apply();
                  }
                }}
                style={inputStyle}
              />
            </div>
          )}
          <label
            style={{ ...fieldStyle, display: 'flex', gap: token('space.050', '4px'), alignItems: 'center' }}
          >
            <input
              type="checkbox"
              data-testid="rule-enabled"
              checked={draft.enabled}
              onChange={(e) => set({ enabled: e.target.checked })}
            />
            {messages.ruleEnabled}
          </label>
          <div style={{ ...fieldStyle, display: 'flex', gap: token('space.100', '8px') }}>
            <Button testId="rule-add" onClick={apply}>
              {editing ? messages.updateRule : messages.addRule}
            </Button>
            {editing && (
              <Button
                testId="rule-edit-cancel"
                onClick={() => {
                  setEditing(null);
                  setDraft(empty);
                }}
              >
                {messages.cancelRuleEdit}
              </Button>
            )}
          </div>
        </div>
      </fieldset>
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
