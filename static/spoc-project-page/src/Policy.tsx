import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { getConfiguration, savePolicy, type BypassHandling, type ConfigurationView } from './api';
import {
  describedBy,
  FieldMessages,
  FormField,
  NO_PROBLEMS,
  problemsAt,
  problemsOf,
  type FieldProblems,
} from './fields';
import { formBox, inputStyle, labelStyle } from './forms';
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

const TARGETS = 'responseTargets.byPriority.';

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
  const [problems, setProblems] = useState<FieldProblems>(NO_PROBLEMS);
  const [saving, setSaving] = useState(false);

  // Someone who may not change the policy reads it as text: nothing on the page looks editable.
  if (!isAdmin) return <PolicyText view={view} />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    setProblems(NO_PROBLEMS);
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
    if (reply.ok) return onSaved(reply.data.version);
    setError(reply.error);
    setProblems(problemsOf(reply, 'policy.'));
  };

  const number = (
    testId: string,
    field: string,
    value: string,
    set: (v: string) => void,
    label: string,
    helper: string,
    max: number,
  ) => (
    <FormField
      id={testId}
      label={label}
      helper={helper}
      errors={problemsAt(problems, field)}
      errorTestId={`${testId}-error`}
    >
      {(aria) => (
        <input
          id={testId}
          data-testid={testId}
          type="number"
          inputMode="numeric"
          min={1}
          max={max}
          value={value}
          onChange={(e) => set(e.target.value)}
          style={inputStyle}
          {...aria}
        />
      )}
    </FormField>
  );
  return (
    <form data-testid="policy-form" noValidate onSubmit={(e) => void submit(e)} style={formBox}>
      <p style={{ ...labelStyle, marginTop: 0 }}>{messages.targetLimits}</p>
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
          {Object.entries(byPriority).map(([name, minutes]) => {
            const id = `target-${name}`;
            const errors = problemsAt(problems, `${TARGETS}${name}`);
            return (
              <tr key={name}>
                <th
                  scope="row"
                  style={{
                    textAlign: 'start',
                    verticalAlign: 'top',
                    paddingInlineEnd: token('space.200', '16px'),
                  }}
                >
                  <label htmlFor={id}>{name}</label>
                </th>
                <td>
                  <input
                    id={id}
                    data-testid={id}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={43200}
                    value={minutes}
                    onChange={(e) => setByPriority({ ...byPriority, [name]: e.target.value })}
                    style={inputStyle}
                    {...describedBy(id, false, errors)}
                  />
                  <FieldMessages id={id} errors={errors} testId={`${id}-error`} />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {number(
        'target-default',
        'responseTargets.defaultMinutes',
        defaultMinutes,
        setDefaultMinutes,
        messages.defaultTarget,
        messages.targetLimits,
        43200,
      )}
      {number(
        'policy-at-risk',
        'atRiskPercent',
        atRisk,
        setAtRisk,
        messages.atRisk,
        messages.atRiskLimits,
        99,
      )}
      {number(
        'policy-capacity',
        'defaultCapacity',
        capacity,
        setCapacity,
        messages.defaultCapacityLabel,
        messages.capacityLimits,
        500,
      )}
      <FormField id="policy-bypass" label={messages.bypassLabel} errors={problemsAt(problems, 'bypass')}>
        {(aria) => (
          <select
            id="policy-bypass"
            data-testid="policy-bypass"
            value={bypass}
            onChange={(e) => setBypass(e.target.value as BypassHandling)}
            style={inputStyle}
            {...aria}
          >
            {(['record', 'revert'] as const).map((b) => (
              <option key={b} value={b}>
                {messages.bypass[b]}
              </option>
            ))}
          </select>
        )}
      </FormField>
      {error && (
        <Notice tone="error" testId="policy-error">
          {error} {Object.keys(problems).length > 0 && messages.fixBelow}
        </Notice>
      )}
      <Button type="submit" appearance="primary" testId="policy-save" isDisabled={saving}>
        {saving ? messages.saving : messages.savePolicy}
      </Button>
    </form>
  );
}

/** The policy as text, for those who read it (SPOCs, the delivery team). */
function PolicyText({ view }: { view: ConfigurationView }) {
  const { policy } = view.document;
  const cell = {
    padding: `${token('space.050', '4px')} ${token('space.200', '16px')} ${token('space.050', '4px')} 0`,
  };
  const row = (testId: string, label: string, value: string) => (
    <tr key={testId}>
      <th
        scope="row"
        style={{ ...cell, textAlign: 'start', fontWeight: token('font.weight.semibold', '600') }}
      >
        {label}
      </th>
      <td data-testid={testId} style={cell}>
        {value}
      </td>
    </tr>
  );
  return (
    <section data-testid="policy-form" style={formBox}>
      <Notice tone="information" testId="read-only">
        {messages.policyReadOnly}
      </Notice>
      <table data-testid="policy-read-only" style={{ borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'start', fontWeight: token('font.weight.semibold', '600') }}>
          {messages.policyTitle}
        </caption>
        <tbody>
          {Object.entries(policy.responseTargets.byPriority).map(([name, minutes]) =>
            row(`target-${name}`, name, messages.minutesValue(minutes)),
          )}
          {row(
            'target-default',
            messages.defaultTarget,
            messages.minutesValue(policy.responseTargets.defaultMinutes),
          )}
          {row('policy-at-risk', messages.atRisk, messages.percentValue(policy.atRiskPercent))}
          {row(
            'policy-capacity',
            messages.defaultCapacityLabel,
            messages.issuesValue(policy.defaultCapacity),
          )}
          {row('policy-bypass', messages.bypassLabel, messages.bypass[policy.bypass])}
        </tbody>
      </table>
    </section>
  );
}
