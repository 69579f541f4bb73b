import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type FormEvent } from 'react';
import { controlStyle, describedBy, Field, Notice, subtleText, wholeNumber } from '../../shared/ui';
import {
  closeEditor,
  getProjects,
  getSnapshot,
  saveConfig,
  type ProjectChoice,
  type WorkloadConfig,
} from './api';
import { messages } from './messages';

type Errors = Partial<Record<'capacityWarnPercent' | 'maxRows' | 'refresh', string>>;

/** The gadget's edit view: checks every field in words, saves with `view.submit`, Cancel closes it. */
export function WorkloadEdit({ config }: { readonly config: WorkloadConfig }) {
  const [projects, setProjects] = useState<readonly ProjectChoice[]>([]);
  const [projectsError, setProjectsError] = useState<string | undefined>();
  const [spocs, setSpocs] = useState<ReadonlyArray<{ accountId: string; displayName: string }> | undefined>();
  const [projectKey, setProjectKey] = useState(config.projectKey ?? '');
  const [chosen, setChosen] = useState<readonly string[]>(config.spocAccountIds ?? []);
  const [warn, setWarn] = useState(String(config.capacityWarnPercent));
  const [maxRows, setMaxRows] = useState(String(config.maxRows));
  const [refresh, setRefresh] = useState(config.refresh ? String(config.refresh) : '');
  const [errors, setErrors] = useState<Errors>({});
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getProjects().then(setProjects, (e: unknown) => setProjectsError((e as Error).message));
    // The SPOCs to choose from are the ones the resolver knows (kept ones stay listed even when idle).
    void getSnapshot().then((reply) => {
      const known = reply.ok
        ? reply.data.rows.map(({ accountId, displayName }) => ({ accountId, displayName }))
        : [];
      const kept = (config.spocAccountIds ?? [])
        .filter((id) => !known.some((s) => s.accountId === id))
        .map((id) => ({ accountId: id, displayName: id }));
      setSpocs([...known, ...kept]);
    });
  }, [config.spocAccountIds]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const capacityWarnPercent = wholeNumber(warn, 1, 100);
    const rows = wholeNumber(maxRows, 1, 50);
    const minutes = refresh.trim() === '' ? undefined : wholeNumber(refresh, 1, 1440);
    const found: Errors = {
      ...(capacityWarnPercent === undefined ? { capacityWarnPercent: messages.invalidCapacityWarn } : {}),
      ...(rows === undefined ? { maxRows: messages.invalidMaxRows } : {}),
      ...(refresh.trim() !== '' && minutes === undefined ? { refresh: messages.invalidRefresh } : {}),
    };
    setErrors(found);
    if (capacityWarnPercent === undefined || rows === undefined || Object.keys(found).length > 0) return;
    setSaving(true);
    saveConfig({
      ...(projectKey ? { projectKey } : {}),
      ...(chosen.length > 0 ? { spocAccountIds: chosen } : {}),
      capacityWarnPercent,
      maxRows: rows,
      ...(minutes ? { refresh: minutes } : {}),
    }).catch((e: unknown) => {
      setSaving(false);
      setSaveError((e as Error).message);
    });
  };

  const invalid = Object.keys(errors).length > 0;
  return (
    <form onSubmit={submit} noValidate data-testid="gadget-edit">
      <h1 style={{ font: token('font.heading.small', '600 16px sans-serif') }}>{messages.editHeading}</h1>
      {invalid && (
        <Notice tone="error" testId="edit-errors">
          {messages.fixErrors}
        </Notice>
      )}
      {saveError && (
        <Notice tone="error" testId="save-error">
          {saveError}
        </Notice>
      )}
      <Field
        id="projectKey"
        label={messages.projectLabel}
        error={projectsError && messages.projectsFailed(projectsError)}
      >
        <select
          {...describedBy('projectKey', false, projectsError)}
          style={controlStyle}
          name="projectKey"
          value={projectKey}
          onChange={(e) => setProjectKey(e.target.value)}
        >
          <option value="">{messages.allProjects}</option>
          {projects.map((p) => (
            <option key={p.key} value={p.key}>
              {`${p.name} (${p.key})`}
            </option>
          ))}
        </select>
      </Field>
      <fieldset
        data-testid="spoc-choices"
        aria-describedby="spocs-hint"
        style={{ border: 'none', padding: 0, margin: `0 0 ${token('space.150', '12px')}` }}
      >
        <legend style={{ fontWeight: token('font.weight.medium', '500'), padding: 0 }}>
          {messages.spocsLabel}
        </legend>
        <span id="spocs-hint" style={subtleText}>
          {messages.spocsHint}
        </span>
        {spocs === undefined ? (
          <p style={subtleText}>{messages.spocsLoading}</p>
        ) : (
          spocs.map((s) => (
            <label
              key={s.accountId}
              style={{ display: 'flex', gap: token('space.050', '4px'), alignItems: 'center' }}
            >
              <input
                type="checkbox"
                name="spocAccountIds"
                value={s.accountId}
                checked={chosen.includes(s.accountId)}
                onChange={(e) =>
                  setChosen(
                    e.target.checked ? [...chosen, s.accountId] : chosen.filter((id) => id !== s.accountId),
                  )
                }
              />
              {s.displayName}
            </label>
          ))
        )}
      </fieldset>
      <Field
        id="capacityWarnPercent"
        label={messages.capacityWarnLabel}
        hint={messages.capacityWarnHint}
        error={errors.capacityWarnPercent}
      >
        <input
          {...describedBy('capacityWarnPercent', true, errors.capacityWarnPercent)}
          style={controlStyle}
          name="capacityWarnPercent"
          inputMode="numeric"
          value={warn}
          onChange={(e) => setWarn(e.target.value)}
        />
      </Field>
      <Field id="maxRows" label={messages.maxRowsLabel} error={errors.maxRows}>
        <input
          {...describedBy('maxRows', false, errors.maxRows)}
          style={controlStyle}
          name="maxRows"
          inputMode="numeric"
          value={maxRows}
          onChange={(e) => setMaxRows(e.target.value)}
        />
      </Field>
      <Field id="refresh" label={messages.refreshLabel} hint={messages.refreshHint} error={errors.refresh}>
        <input
          {...describedBy('refresh', true, errors.refresh)}
          style={controlStyle}
          name="refresh"
          inputMode="numeric"
          value={refresh}
          onChange={(e) => setRefresh(e.target.value)}
        />
      </Field>
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button type="submit" appearance="primary" isDisabled={saving} testId="edit-save">
          {saving ? messages.saving : messages.save}
        </Button>
        <Button onClick={() => void closeEditor()} testId="edit-cancel">
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}
