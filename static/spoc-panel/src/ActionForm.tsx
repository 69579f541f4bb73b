import Button from '@atlaskit/button/new';
import TextArea from '@atlaskit/textarea';
import Textfield from '@atlaskit/textfield';
import { token } from '@atlaskit/tokens';
import { useCallback, useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { Notice } from '../../shared/notice';
import { PeoplePicker, type PickedPerson } from '../../shared/people-picker';
import { isIssueKey } from '../../../src/contract/reply';
import {
  applyTriageAction,
  searchAssignablePeople,
  type TriageActionName,
  type TriageActionReply,
  type TriageActionRequest,
  type Viewer,
} from './api';
import { actionTexts, duplicateNote, messages, reassignMissing, reassignTexts, reassignTo } from './messages';
import {
  byAvailability,
  ChoiceVerdict,
  choiceOf,
  PersonDetail,
  useReassignCandidates,
} from './ReassignChoice';
import { useNow } from './useNow';

/** Actions whose text is required; for the others it is an optional note. */
const REQUIRED_TEXT: ReadonlySet<TriageActionName> = new Set([
  'request-info',
  'reject',
  'reassign',
  'escalate',
  'return-to-spoc',
]);

type Field = 'duplicate' | 'person' | 'text';

export interface ActionFormProps {
  readonly action: TriageActionName;
  readonly issueKey: string;
  /** The id of the form, so the action's button can say which form it controls. */
  readonly id: string;
  /** The issue's SPOC now: a reassign offers everybody else. */
  readonly spocAccountId: string | null;
  /** The signed-in person's locale and zone, for the reassign form's times. */
  readonly viewer: Viewer;
  /** The app's clock when it last answered (SpocIssueView.now): "in 2 hours" counts from it. */
  readonly appNow: string;
  readonly onCancel: () => void;
  readonly onDone: (reply: TriageActionReply) => void;
  /** The resolver refused: the issue may have changed meanwhile, so the panel reads it again. */
  readonly onRefused: () => void;
}

function requestOf(
  action: TriageActionName,
  text: string,
  duplicateOf: string,
  to: string,
  evenIfUnavailable: boolean,
): TriageActionRequest {
  const note = text === '' ? {} : { note: text };
  switch (action) {
    case 'accept-for-delivery':
      return { action, ...note };
    case 'take-over':
    case 'acknowledge':
    case 'take-back':
      return { action, ...note };
    case 'request-info':
      return { action, message: text };
    case 'mark-duplicate':
      return { action, duplicateOf: duplicateOf.toUpperCase(), ...note };
    case 'reassign':
      return { action, toAccountId: to, reason: text, ...(evenIfUnavailable ? { evenIfUnavailable } : {}) };
    case 'reject':
    case 'escalate':
    case 'return-to-spoc':
      return { action, reason: text };
  }
}

const fieldStyle = { marginBottom: token('space.150', '12px') };
const labelStyle = {
  display: 'block',
  marginBottom: token('space.050', '4px'),
  font: token('font.body.small', '12px sans-serif'),
  fontWeight: token('font.weight.semibold', '600'),
  color: token('color.text.subtle', '#44546F'),
};
const hintStyle = {
  marginTop: token('space.050', '4px'),
  color: token('color.text.danger', '#AE2E24'),
  font: token('font.body.small', '12px sans-serif'),
};

/**
 * The confirmation of one triage action: the input it needs, then the resolver's answer or its refusal in
 * words. A field left empty is named in words under it and gets the focus; Escape cancels (unless it is
 * closing the people picker's list); Ctrl+Enter in the text confirms.
 */
export default function ActionForm({
  action,
  issueKey,
  id,
  spocAccountId,
  viewer,
  appNow,
  onCancel,
  onDone,
  onRefused,
}: ActionFormProps) {
  const texts = actionTexts[action];
  const [text, setText] = useState('');
  const [duplicateOf, setDuplicateOf] = useState('');
  const [people, setPeople] = useState<PickedPerson[]>([]);
  const [invalid, setInvalid] = useState<ReadonlySet<Field>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const focusable = useRef(new Map<Field, { focus(): void } | null>());
  const reassigning = useReassignCandidates(action === 'reassign');
  const now = useNow(appNow);
  const choice = choiceOf(people[0], reassigning.reply);
  // Someone the issue cannot go to (no profile, or the policy refuses them) is not sent at all.
  const blocked =
    choice.kind === 'no-profile' || (choice.kind === 'candidate' && choice.candidate.verdict === 'refuse');
  const warned = choice.kind === 'candidate' && choice.candidate.verdict === 'warn';

  const fields: readonly Field[] =
    action === 'mark-duplicate'
      ? ['duplicate', 'text']
      : action === 'reassign'
        ? ['person', 'text']
        : ['text'];

  const firstField = fields[0] as Field;
  useEffect(() => {
    focusable.current.get(firstField)?.focus();
  }, [firstField]);

  const missing = (field: Field): boolean => {
    // Typed in any case: the request sends it in capitals.
    if (field === 'duplicate') return !isIssueKey(duplicateOf.trim().toUpperCase());
    if (field === 'person') return people.length === 0 || blocked;
    return REQUIRED_TEXT.has(action) && text.trim() === '';
  };
  const fixed = (field: Field) =>
    setInvalid((current) => {
      if (!current.has(field)) return current;
      const next = new Set(current);
      next.delete(field);
      return next;
    });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    const empty = fields.filter(missing);
    setInvalid(new Set(empty));
    if (empty.length > 0) {
      focusable.current.get(empty[0] as Field)?.focus();
      return;
    }
    setError(null);
    setSaving(true);
    const reply = await applyTriageAction(
      requestOf(action, text.trim(), duplicateOf.trim(), people[0]?.accountId ?? '', warned),
    );
    setSaving(false);
    if (reply.ok) {
      onDone(reply.data);
    } else {
      setError(reply.error);
      onRefused();
      // The person may have gone away or filled up meanwhile: show them as they are now.
      if (action === 'reassign') reassigning.reload();
    }
  };

  // In the capture phase, because the people picker swallows Escape even when its list is closed.
  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || saving) return;
    if ((event.target as HTMLElement).getAttribute('aria-expanded') === 'true') return;
    event.preventDefault();
    event.stopPropagation();
    onCancel();
  };

  const { candidates } = reassigning;
  const search = useCallback(
    async (query: string) => {
      const [people, known] = await Promise.all([searchAssignablePeople(issueKey, query), candidates()]);
      const others = people.filter((p) => p.accountId !== spocAccountId);
      return known.ok ? byAvailability(others, known.data.candidates) : others;
    },
    [issueKey, spocAccountId, candidates],
  );
  const onSearchError = useCallback((why: string) => setError(messages.searchFailed(why)), []);

  const hint = (field: Field, words: string) =>
    invalid.has(field) ? (
      <div id={`${id}-${field}-error`} role="alert" style={hintStyle} data-testid={`action-missing-${field}`}>
        {words}
      </div>
    ) : null;
  const describedBy = (field: Field) => (invalid.has(field) ? `${id}-${field}-error` : undefined);

  return (
    <form
      id={id}
      onSubmit={submit}
      onKeyDownCapture={onKeyDownCapture}
      aria-labelledby={`${id}-title`}
      aria-busy={saving}
      noValidate
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
            autoComplete="off"
            ref={(element: HTMLInputElement | null) => focusable.current.set('duplicate', element)}
            isInvalid={invalid.has('duplicate')}
            aria-invalid={invalid.has('duplicate') || undefined}
            aria-describedby={describedBy('duplicate')}
            onChange={(event) => {
              setDuplicateOf(event.currentTarget.value);
              fixed('duplicate');
            }}
          />
          {hint('duplicate', texts.missing ?? '')}
        </div>
      )}
      {action === 'reassign' && (
        <div style={fieldStyle} data-testid="action-person">
          <label htmlFor={`${id}-person`} style={labelStyle}>
            {reassignTo}
          </label>
          <PeoplePicker
            inputId={`${id}-person`}
            search={search}
            value={people}
            onChange={(chosen) => {
              setPeople(chosen);
              fixed('person');
              setError(null); // a new choice answers a refusal of the last one, or a failed search
            }}
            texts={{
              placeholder: messages.searchPeople,
              noPeople: messages.noPeople,
              loading: messages.loadingPeople,
            }}
            isInvalid={invalid.has('person')}
            onSearchError={onSearchError}
            focusRef={(select) => focusable.current.set('person', select)}
            aria-describedby={[describedBy('person'), `${id}-verdict`].filter(Boolean).join(' ')}
            describe={(person) => (
              <PersonDetail person={person} reply={reassigning.reply} viewer={viewer} now={now} />
            )}
          />
          {hint('person', people.length === 0 ? reassignMissing : reassignTexts.chooseAnother)}
          <ChoiceVerdict choice={choice} viewer={viewer} now={now} id={`${id}-verdict`} />
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
          ref={(element: HTMLTextAreaElement | null) => focusable.current.set('text', element)}
          isInvalid={invalid.has('text')}
          // Atlaskit's text area marks itself invalid for the eye only; say it to assistive technology too.
          aria-invalid={invalid.has('text') || undefined}
          aria-describedby={describedBy('text')}
          onChange={(event) => {
            setText(event.currentTarget.value);
            fixed('text');
          }}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }
          }}
        />
        {hint('text', texts.missing ?? '')}
      </div>
      <div style={{ display: 'flex', gap: token('space.100', '8px'), justifyContent: 'flex-end' }}>
        <Button appearance="subtle" onClick={onCancel} isDisabled={saving} testId="action-cancel">
          {messages.cancel}
        </Button>
        <Button
          type="submit"
          appearance={warned ? 'warning' : 'primary'}
          isLoading={saving}
          testId="action-confirm"
        >
          {warned ? reassignTexts.anyway : texts.confirm}
        </Button>
      </div>
    </form>
  );
}
