import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { getConfiguration, savePolicy, type ConfigurationView } from './api';
import { fieldStyle, formBox, inputStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { Loaded, useReply } from './Loaded';

/** Policy: response targets by priority, the at-risk share and the default capacity; administrators edit. */
interface PolicyShape {
  readonly responseTargets?: {
    readonly defaultMinutes?: number;
    readonly byPriority?: Record<string, number>;
  };
  readonly atRiskPercent?: number;
  readonly defaultCapacity?: number;
  readonly [field: string]: unknown;
}

export function Policy({ isAdmin }: { isAdmin: boolean }) {
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const reply = useReply(getConfiguration, [generation]);
  return (
    <section>
      <p>{messages.policyIntro}</p>
      {!isAdmin && (
        <Notice tone="information" testId="read-only">
          {messages.policyReadOnly}
        </Notice>
      )}
      {done && (
        <Notice tone="information" testId="policy-saved">
          {done}
        </Notice>
      )}
      <Loaded reply={reply}>
        {(view: ConfigurationView) => (
          <PolicyForm
            key={view.version}
            view={view}
            isAdmin={isAdmin}
            onSaved={(version) => {
              setDone(messages.policySaved(version));
              setGeneration((g) => g + 1);
            }}
          />
        )}
      </Loaded>
    </section>
  );
}

function PolicyForm({
  view,
  isAdmin,
  onSaved,
}: {
  view: ConfigurationView;
  isAdmin: boolean;
  onSaved: (version: number) => void;
}) {
  const policy = (view.document.policy ?? {}) as PolicyShape;
  const [defaultMinutes, setDefaultMinutes] = useState(String(policy.responseTargets?.defaultMinutes ?? ''));
  const [byPriority, setByPriority] = useState<Record<string, string>>(
    Object.fromEntries(
      Object.entries(policy.responseTargets?.byPriority ?? {}).map(([k, v]) => [k, String(v)]),
    ),
  );
  const [atRisk, setAtRisk] = useState(String(policy.atRiskPercent ?? ''));
  const [capacity, setCapacity] = useState(String(policy.defaultCapacity ?? ''));
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const reply = await savePolicy(
      {
        ...policy,
        responseTargets: {
          defaultMinutes: Number(defaultMinutes),
          byPriority: Object.fromEntries(Object.entries(byPriority).map(([k, v]) => [k, Number(v)])),
        },
        atRiskPercent: Number(atRisk),
        defaultCapacity: Number(capacity),
      },
      view.version,
    );
    setSaving(false);
    if (reply.ok) onSaved(reply.data.version);
    else setError(reply.error);
  };

  const number = (testId: string, value: string, set: (v: string) => void, label: string) => (
    <label style={fieldStyle}>
      <span style={fieldStyle}>{label}</span>
      <input
        data-testid={testId}
        type="number"
        min={1}
        value={value}
        onChange={(e) => set(e.target.value)}
        readOnly={!isAdmin}
        required
        style={inputStyle}
      />
    </label>
  );
  return (
    <form data-testid="policy-form" onSubmit={(e) => void submit(e)} style={formBox}>
      <table style={{ borderCollapse: 'collapse', marginBottom: token('space.200', '16px') }}>
        <thead>
          <tr>
            <th style={{ textAlign: 'start' }}>{messages.priority}</th>
            <th style={{ textAlign: 'start' }}>{messages.minutes}</th>
          </tr>
        </thead>
        <tbody>
          {Object.entries(byPriority).map(([name, minutes]) => (
            <tr key={name}>
              <th scope="row" style={{ textAlign: 'start', paddingInlineEnd: token('space.200', '16px') }}>
                <label htmlFor={`target-${name}`}>{name}</label>
              </th>
              <td>
                <input
                  id={`target-${name}`}
                  data-testid={`target-${name}`}
                  type="number"
                  min={1}
                  value={minutes}
                  readOnly={!isAdmin}
                  onChange={(e) => setByPriority({ ...byPriority, [name]: e.target.value })}
                  style={inputStyle}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {number('target-default', defaultMinutes, setDefaultMinutes, messages.defaultTarget)}
      {number('policy-at-risk', atRisk, setAtRisk, messages.atRisk)}
      {number('policy-capacity', capacity, setCapacity, messages.defaultCapacityLabel)}
      {error && (
        <Notice tone="error" testId="policy-error">
          {error}
        </Notice>
      )}
      {isAdmin && (
        <Button type="submit" appearance="primary" testId="policy-save" isDisabled={saving}>
          {saving ? messages.saving : messages.savePolicy}
        </Button>
      )}
    </form>
  );
}
