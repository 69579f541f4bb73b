import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type FormEvent } from 'react';
import { controlStyle, describedBy, Field, Notice, wholeNumber } from '../../shared/ui';
import { closeEditor, getProjects, saveConfig, type EscalationsConfig, type ProjectChoice } from './api';
import { messages } from './messages';

type Errors = Partial<Record<'breachedAlert' | 'maxRows' | 'refresh', string>>;

/** The gadget's edit view: checks every field in words, saves with `view.submit`, Cancel closes it. */
export function EscalationsEdit({ config }: { readonly config: EscalationsConfig }) {
  const [projects, setProjects] = useState<readonly ProjectChoice[]>([]);
  const [projectsError, setProjectsError] = useState<string | undefined>();
  const [projectKey, setProjectKey] = useState(config.projectKey ?? '');
  const [breachedAlert, setBreachedAlert] = useState(
    config.breachedAlert !== undefined ? String(config.breachedAlert) : '',
  );
  const [maxRows, setMaxRows] = useState(String(config.maxRows));
  const [refresh, setRefresh] = useState(config.refresh ? String(config.refresh) : '');
  const [errors, setErrors] = useState<Errors>({});
  const [saveError, setSaveError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    getProjects().then(setProjects, (e: unknown) => setProjectsError((e as Error).message));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const alert = breachedAlert.trim() === '' ? undefined : wholeNumber(breachedAlert, 1, 999);
    const rows = wholeNumber(maxRows, 1, 50);
    const minutes = refresh.trim() === '' ? undefined : wholeNumber(refresh, 1, 1440);
    const found: Errors = {
      ...(breachedAlert.trim() !== '' && alert === undefined
        ? { breachedAlert: messages.invalidBreachedAlert }
        : {}),
      ...(rows === undefined ? { maxRows: messages.invalidMaxRows } : {}),
      ...(refresh.trim() !== '' && minutes === undefined ? { refresh: messages.invalidRefresh } : {}),
    };
    setErrors(found);
    if (rows === undefined || Object.keys(found).length > 0) return;
    setSaving(true);
    saveConfig({
      ...(projectKey ? { projectKey } : {}),
      ...(alert !== undefined ? { breachedAlert: alert } : {}),
      maxRows: rows,
      ...(minutes ? { refresh: minutes } : {}),
    }).catch((e: unknown) => {
      setSaving(false);
      setSaveError((e as Error).message);
    });
  };

  return (
    <form onSubmit={submit} noValidate data-testid="gadget-edit">
      <h1 style={{ font: token('font.heading.small', '600 16px sans-serif') }}>{messages.editHeading}</h1>
      {Object.keys(errors).length > 0 && (
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
      <Field
        id="breachedAlert"
        label={messages.breachedAlertLabel}
        hint={messages.breachedAlertHint}
        error={errors.breachedAlert}
      >
        <input
          {...describedBy('breachedAlert', true, errors.breachedAlert)}
          style={controlStyle}
          name="breachedAlert"
          inputMode="numeric"
          value={breachedAlert}
          onChange={(e) => setBreachedAlert(e.target.value)}
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
