import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useState, type FormEvent } from 'react';
import { closeEditor, saveConfig, type EscalationsConfig } from './api';
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

export function Edit({ config }: { readonly config: EscalationsConfig }) {
  const [breachedOnly, setBreachedOnly] = useState(config.breachedOnly);
  const [refresh, setRefresh] = useState(config.refresh ? String(config.refresh) : '');
  const [error, setError] = useState<string | undefined>();
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = refresh.trim();
    const minutes = /^\d+$/.test(text) ? Number(text) : undefined;
    if (text !== '' && (minutes === undefined || minutes < 1 || minutes > 1440))
      return setError(messages.invalidRefresh);
    setSaving(true);
    saveConfig(minutes ? { breachedOnly, refresh: minutes } : { breachedOnly }).catch((e: unknown) => {
      setSaving(false);
      setError((e as Error).message);
    });
  };

  return (
    <form
      onSubmit={submit}
      style={{ color: token('color.text', '#172B4D'), font: token('font.body', '14px sans-serif') }}
    >
      <h3>{messages.editHeading}</h3>
      <label style={{ ...fieldStyle, display: 'flex', alignItems: 'center' }}>
        <input
          name="breachedOnly"
          type="checkbox"
          checked={breachedOnly}
          onChange={(e) => setBreachedOnly(e.target.checked)}
        />
        {messages.breachedOnlyLabel}
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
