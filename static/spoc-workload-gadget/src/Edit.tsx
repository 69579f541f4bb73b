import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useEffect, useState, type FormEvent } from 'react';
import { closeEditor, getProjects, saveConfig, type ProjectChoice, type WorkloadConfig } from './api';
import { messages } from './messages';

const fieldStyle = {
  display: 'grid',
  gap: token('space.050', '4px'),
  marginBottom: token('space.150', '12px'),
};
const controlStyle = {
  font: 'inherit',
  color: token('color.text', '#172B4D'),
  background: token('color.background.input', '#FFFFFF'),
  border: `1px solid ${token('color.border.input', '#8590A2')}`,
  borderRadius: token('radius.small', '3px'),
  padding: `${token('space.050', '4px')} ${token('space.100', '8px')}`,
  minHeight: '32px',
};

/** Whole numbers in a range, or undefined. */
function wholeNumber(text: string, min: number, max: number): number | undefined {
  if (!/^\d+$/.test(text.trim())) return undefined;
  const value = Number(text);
  return value >= min && value <= max ? value : undefined;
}

export function Edit({ config }: { readonly config: WorkloadConfig }) {
  const [projects, setProjects] = useState<readonly ProjectChoice[]>([]);
  const [projectKey, setProjectKey] = useState(config.projectKey ?? '');
  const [maxRows, setMaxRows] = useState(String(config.maxRows));
  const [refresh, setRefresh] = useState(config.refresh ? String(config.refresh) : '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    getProjects().then(setProjects, (e: unknown) => setError((e as Error).message));
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const rows = wholeNumber(maxRows, 1, 50);
    if (rows === undefined) return setError(messages.invalidMaxRows);
    const minutes = refresh.trim() === '' ? undefined : wholeNumber(refresh, 1, 1440);
    if (refresh.trim() !== '' && minutes === undefined) return setError(messages.invalidRefresh);
    setSaving(true);
    const scope = projectKey ? { projectKey } : {};
    saveConfig(minutes ? { ...scope, maxRows: rows, refresh: minutes } : { ...scope, maxRows: rows }).catch(
      (e: unknown) => {
        setSaving(false);
        setError((e as Error).message);
      },
    );
  };

  return (
    <form
      onSubmit={submit}
      style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}
    >
      <h3>{messages.editHeading}</h3>
      <label style={fieldStyle}>
        {messages.projectLabel}
        <select
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
      </label>
      <label style={fieldStyle}>
        {messages.maxRowsLabel}
        <input
          style={controlStyle}
          name="maxRows"
          inputMode="numeric"
          value={maxRows}
          onChange={(e) => setMaxRows(e.target.value)}
        />
      </label>
      <label style={fieldStyle}>
        {messages.refreshLabel}
        <input
          style={controlStyle}
          name="refresh"
          inputMode="numeric"
          value={refresh}
          onChange={(e) => setRefresh(e.target.value)}
        />
      </label>
      {error ? (
        <p role="alert" style={{ color: token('color.text.danger', '#AE2E24') }}>
          {error}
        </p>
      ) : null}
      <div style={{ display: 'flex', gap: token('space.100', '8px') }}>
        <Button type="submit" appearance="primary" isDisabled={saving}>
          {messages.save}
        </Button>
        <Button onClick={() => void closeEditor()}>{messages.cancel}</Button>
      </div>
    </form>
  );
}
