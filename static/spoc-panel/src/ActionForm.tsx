import Button from '@atlaskit/button/new';
import { AsyncSelect } from '@atlaskit/select';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import {
  applyTriageAction,
  searchAssignablePeople,
  type TriageActionName,
  type TriageActionRequest,
} from './api';
import type { TriageActionReply } from '../../../src/contract/issue-panel';
import { Notice } from '../../shared/notice';
import { actionTexts, duplicateNote, messages, reassignTo } from './messages';

/** Actions whose text is required; for the others it is an optional note. */
const REQUIRED_TEXT: ReadonlySet<TriageActionName> = new Set([
  'request-info',
  'reject',
  'reassign',
  'escalate',
  'return-to-spoc',
]);

interface Option {
  readonly label: string;
  readonly value: string;
}

export interface ActionFormProps {
  readonly action: TriageActionName;
  readonly issueKey: string;
  readonly onCancel: () => void;
  readonly onDone: (reply: TriageActionReply) => void;
}

function requestOf(
  action: TriageActionName,
  text: string,
  duplicateOf: string,
  to: string,
): TriageActionRequest {
  const note = text === '' ? {} : { note: text };
  switch (action) {
    case 'accept-for-delivery':
      return { action, ...note };
    case 'take-over':
      return { action, ...note };
    case 'request-info':
      return { action, message: text };
    case 'mark-duplicate':
      return { action, duplicateOf: duplicateOf.toUpperCase(), ...note };
    case 'reassign':
      return { action, toAccountId: to, reason: text };
    case 'reject':
    case 'escalate':
    case 'return-to-spoc':
      return { action, reason: text };
  }
}

/** The confirmation of one triage action: the input it needs, then the resolver's answer or its error. */
export default function ActionForm({ action, issueKey, onCancel, onDone }: ActionFormProps) {
  const texts = actionTexts[action];
  const id = useId();
  const [text, setText] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [person, setPerson] = useState<Option | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const firstField = useRef<HTMLElement | null>(null);

  useEffect(() => {
    firstField.current?.focus();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    if (action === 'mark-duplicate' && !/^[A-Za-z][A-Za-z0-9_]*-\d+$/.test(duplicateOf.trim())) {
      setMissing(`${id}-duplicate`);
      return;
    }
    if (action === 'reassign' && !person) {
      setMissing(`${id}-person`);
      return;
    }
    if (REQUIRED_TEXT.has(action) && trimmed === '') {
      setMissing(`${id}-text`);
      return;
    }
    setMissing(null);
    setError(null);
    setSaving(true);
    const reply = await applyTriageAction(
      requestOf(action, trimmed, duplicateOf.trim(), person?.value ?? ''),
    );
    setSaving(false);
    if (reply.ok) onDone(reply.data);
    else setError(reply.error);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && !event.defaultPrevented && !saving) {
      event.stopPropagation();
      onCancel();
    }
  };

  const loadPeople = async (query: string): Promise<Option[]> => {
    try {
      const people = await searchAssignablePeople(issueKey, query);
      return people.map((p) => ({ label: p.displayName, value: p.accountId }));
    } catch (failure) {
      setError((failure as Error).message);
      return [];
    }
  };

  const fieldStyle = { marginBottom: token('space.150', '12px') };
  const labelStyle = {
    display: 'block',
    marginBottom: token('space.050', '4px'),
    font: token('font.body.small', '12px sans-serif'),
    fontWeight: token('font.weight.semibold', '600'),
    color: token('color.text.subtle', '#44546F'),
  };
  const hint = (fieldId: string) =>
    missing === fieldId ? (
      <div id={`${fieldId}-error`} role="alert" style={{ color: token('color.text.danger', '#AE2E24') }}>
        {messages.required}
      </div>
    ) : null;

  return (
    <form
      onSubmit={submit}
      onKeyDown={onKeyDown}
      aria-labelledby={`${id}-title`}
      data-testid="action-form"
      style={{
        marginTop: token('space.150', '12px'),
        padding: token('space.200', '16px'),
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.large', '8px'),
        background: token('elevation.surface.raised', '#FFFFFF'),
        boxShadow: token('elevation.shadow.raised', 'none'),
      }}
    >
      <h4 id={`${id}-title`} style={{ margin: `0 0 ${token('space.150', '12px')}` }}>
        {texts.title}
      </h4>
      {error && (
        <Notice tone="error" title={messages.actionFailed} testId="action-error">
          {error}
        </Notice>
      )}
      {action === 'mark-duplicate' && (
        <div style={fieldStyle}>
          <label htmlFor={`${id}-duplicate`} style={labelStyle}>
            {texts.field}
          </label>
          <Textfield
            id={`${id}-duplicate`}
            name="duplicateOf"
            value={duplicateOf}
            ref={(element: HTMLInputElement | null) => {
              firstField.current = element;
            }}
            isInvalid={missing === `${id}-duplicate`}
            aria-describedby={missing === `${id}-duplicate` ? `${id}-duplicate-error` : undefined}
            onChange={(event) => setDuplicateOf(event.currentTarget.value)}
          />
          {hint(`${id}-duplicate`)}
        </div>
      )}
      {action === 'reassign' && (
        <div style={fieldStyle}>
          <label htmlFor={`${id}-person`} style={labelStyle}>
            {reassignTo}
          </label>
          <AsyncSelect<Option>
            inputId={`${id}-person`}
            ref={(select: { focus(): void } | null) => {
              if (select) firstField.current = select as unknown as HTMLElement;
            }}
            cacheOptions
            defaultOptions
            loadOptions={loadPeople}
            value={person}
            onChange={(option) => setPerson(option as Option | null)}
            placeholder={messages.searchPeople}
            noOptionsMessage={() => messages.noPeople}
            loadingMessage={() => messages.loadingPeople}
            isInvalid={missing === `${id}-person`}
            menuPosition="fixed"
          />
          {hint(`${id}-person`)}
        </div>
      )}
      <div style={fieldStyle}>
        <label htmlFor={`${id}-text`} style={labelStyle}>
          {action === 'mark-duplicate' ? duplicateNote : texts.field}
        </label>
        <TextArea
          id={`${id}-text`}
          name="text"
          value={text}
          minimumRows={2}
          resize="vertical"
          ref={(element: HTMLTextAreaElement | null) => {
            if (action !== 'mark-duplicate' && action !== 'reassign') firstField.current = element;
          }}
          isInvalid={missing === `${id}-text`}
          aria-describedby={missing === `${id}-text` ? `${id}-text-error` : undefined}
          onChange={(event) => setText(event.currentTarget.value)}
        />
        {hint(`${id}-text`)}
      </div>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving}>
          {messages.cancel}
        </Button>
        <Button type="submit" appearance="primary" isLoading={saving} testId="action-confirm">
          {texts.confirm}
        </Button>
      </div>
    </form>
  );
}
