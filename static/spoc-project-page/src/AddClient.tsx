import Button from '@atlaskit/button/new';
import { useState, type FormEvent } from 'react';
import type { Client } from './api';
import { FormField } from './fields';
import { formBox, inputStyle } from './forms';
import { messages } from './messages';

/**
 * Adding a client: its name and the id rules and exports know it by (suggested from the name), checked
 * here as the server checks them; then its first roster is chosen in the roster editor and saved with it.
 */
const CLIENT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export const suggestedId = (name: string) =>
  name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);

export function AddClient({
  clients,
  onCancel,
  onChosen,
}: {
  clients: readonly Client[];
  onCancel: () => void;
  onChosen: (client: { id: string; name: string }) => void;
}) {
  const [name, setName] = useState('');
  const [id, setId] = useState<string | null>(null);
  const [errors, setErrors] = useState<{ name?: string; id?: string }>({});
  const shownId = id ?? suggestedId(name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const taken = clients.find((c) => c.id === shownId);
    const found = {
      name: name.trim() ? undefined : messages.needClientName,
      id: !CLIENT_ID.test(shownId)
        ? messages.badClientId
        : taken
          ? messages.clientIdTaken(taken.name)
          : undefined,
    };
    setErrors(found);
    if (!found.name && !found.id) onChosen({ id: shownId, name: name.trim() });
  };

  return (
    <form
      data-testid="add-client-form"
      aria-labelledby="add-client-title"
      noValidate
      onSubmit={submit}
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      style={formBox}
    >
      <h4 id="add-client-title" style={{ marginTop: 0 }}>
        {messages.addClientTitle}
      </h4>
      <p>{messages.addClientIntro}</p>
      <FormField
        id="client-name"
        label={messages.clientNameLabel}
        helper={messages.clientNameHelper}
        errors={errors.name ? [errors.name] : []}
        errorTestId="client-name-error"
      >
        {(aria) => (
          <input
            id="client-name"
            data-testid="client-name"
            value={name}
            maxLength={255}
            // The form opens with the focus here.
            autoFocus
            onChange={(e) => setName(e.target.value)}
            style={{ ...inputStyle, width: '20em' }}
            {...aria}
          />
        )}
      </FormField>
      <FormField
        id="client-id"
        label={messages.clientIdLabel}
        helper={messages.clientIdHelper}
        errors={errors.id ? [errors.id] : []}
        errorTestId="client-id-error"
      >
        {(aria) => (
          <input
            id="client-id"
            data-testid="client-id"
            value={shownId}
            maxLength={64}
            onChange={(e) => setId(e.target.value)}
            style={{ ...inputStyle, width: '20em', fontFamily: 'monospace' }}
            {...aria}
          />
        )}
      </FormField>
      <div style={{ display: 'flex', gap: '8px' }}>
        <Button type="submit" appearance="primary" testId="add-client-next">
          {messages.chooseSpocs}
        </Button>
        <Button appearance="subtle" testId="add-client-cancel" onClick={onCancel}>
          {messages.cancel}
        </Button>
      </div>
    </form>
  );
}
