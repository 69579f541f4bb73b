import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { getConfiguration, savePolicy, type BypassHandling, type ConfigurationView } from './api';
import { fieldStyle, formBox, inputStyle, labelStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { Loaded, useReply } from './Loaded';
import { SavedNotice } from './SavedNotice';

/**
 * Policy: response targets by priority, the at-risk share, the default capacity and what happens when
 * someone assigns an unvetted client issue away from its SPOC. Those who may change the configuration edit.
 */
export function Policy() {
  const [generation, setGeneration] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const reply = useReply(getConfiguration, [generation]);
  return (
    <section>
      <p>{messages.policyIntro}</p>
      {done && <SavedNotice testId="policy-saved">{done}</SavedNotice>}
      <Loaded reply={reply}>
        {(view: ConfigurationView) => (
          <PolicyForm
            key={view.version}
            view={view}
            isAdmin={view.canEdit}
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
  const { policy } = view.document;
  const [defaultMinutes, setDefaultMinutes] = useState(String(policy.responseTargets.defaultMinutes));
  const [byPriority, setByPriority] = useState<Record<string, string>>(
    Object.fromEntries(Object.entries(policy.responseTargets.byPriority).map(([k, v]) => [k, String(v)])),
  );
  const [atRisk, setAtRisk] = useState(String(policy.atRiskPercent));
  const [capacity, setCapacity] = useState(String(policy.defaultCapacity));
  const [bypass, setBypass] = useState<BypassHandling>(policy.bypass);
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
        bypass,
      },
      view.version,
    );
    setSaving(false);
    if (reply.ok) onSaved(reply.data.version);
    else setError(reply.error);
  };

  const number = (testId: string, value: string, set: (v: string) => void, label: string) => (
    <div style={fieldStyle}>
      <label htmlFor={testId} style={labelStyle}>
        {label}
      </label>
      <input
        id={testId}
        data-testid={testId}
        type="number"
        min={1}
        value={value}
        onChange={(e) => set(e.target.value)}
        readOnly={!isAdmin}
        required
        style={inputStyle}
      />
    </div>
  );
  return (
    <form data-testid="policy-form" onSubmit={(e) => void submit(e)} style={formBox}>
      {!isAdmin && (
        <Notice tone="information" testId="read-only">
          {messages.policyReadOnly}
        </Notice>
      )}
      <table style={{ borderCollapse: 'collapse', marginBottom: token('space.200', '16px') }}>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start' }}>
              {messages.priority}
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              {messages.minutes}
            </th>
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
      <div style={fieldStyle}>
        <label htmlFor="policy-bypass" style={labelStyle}>
          {messages.bypassLabel}
        </label>
        <select
          id="policy-bypass"
          data-testid="policy-bypass"
          value={bypass}
          disabled={!isAdmin}
          onChange={(e) => setBypass(e.target.value as BypassHandling)}
          style={inputStyle}
        >
          {(['record', 'revert'] as const).map((b) => (
            <option key={b} value={b}>
              {messages.bypass[b]}
            </option>
          ))}
        </select>
      </div>
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
