import Button from '@atlaskit/button/new';
import { DatePicker } from '@atlaskit/datetime-picker';
import { token } from '@atlaskit/tokens';
import { useRef, useState, type FormEvent } from 'react';
import { saveProfile, type OutOfOffice, type PickedPerson, type SpocProfile, type WorkingShift } from './api';
import { addDays, daysAway, isTimeZone, midnightIn } from './dates';
import {
  dropUnder,
  FieldMessages,
  FormField,
  NO_PROBLEMS,
  problemsAt,
  problemsOf,
  type FieldProblems,
} from './fields';
import { fieldStyle, formBox, inputStyle, labelStyle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { PersonPicker, useKnownPeople } from './pickers';
import { toSaved, WeeklyHours } from './WeeklyHours';
import { ZonePicker } from './ZonePicker';

/**
 * A SPOC's availability: time zone, weekly working hours, capacity, and out-of-office periods with who
 * covers them. A SPOC edits their own; project administrators edit anyone's and add new SPOCs. The server
 * checks the profile and refuses a save made on top of an older configuration version.
 */
/** One day of an absence, picked from Atlaskit's calendar or typed as YYYY-MM-DD; weeks start on Monday. */
function DateField(props: {
  name: string;
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  minDate?: string;
}) {
  return (
    <div style={{ ...fieldStyle, minWidth: '11em' }} data-testid={props.name}>
      <label htmlFor={props.id} style={labelStyle}>
        {props.label}
      </label>
      <DatePicker
        id={props.id}
        testId={`${props.name}-picker`}
        value={props.value}
        onChange={props.onChange}
        minDate={props.minDate}
        dateFormat="YYYY-MM-DD"
        placeholder={messages.datePlaceholder}
        nextMonthLabel={messages.nextMonth}
        previousMonthLabel={messages.previousMonth}
        weekStartDay={1}
      />
    </div>
  );
}

export function ProfileEditor({
  profile,
  version,
  projectKey,
  names,
  idPrefix,
  saveLabel,
  onSaved,
}: {
  profile: SpocProfile;
  version: number;
  projectKey: string;
  names: Readonly<Record<string, string>>;
  /** Keeps element ids unique when two editors show (an administrator's own and someone else's). */
  idPrefix: string;
  saveLabel: string;
  onSaved: (version: number) => void;
}) {
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [shifts, setShifts] = useState<WorkingShift[]>([...profile.workingHours]);
  const [problems, setProblems] = useState<FieldProblems>(NO_PROBLEMS);
  const [capacity, setCapacity] = useState(profile.capacity === null ? '' : String(profile.capacity));
  const [away, setAway] = useState<readonly OutOfOffice[]>(profile.outOfOffice);
  const [first, setFirst] = useState('');
  const [last, setLast] = useState('');
  const [delegate, setDelegate] = useState<PickedPerson[]>([]);
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const person = useKnownPeople(
    profile.outOfOffice.flatMap((o) => (o.delegateAccountId ? [o.delegateAccountId] : [])),
    names,
  );
  const [chosenNames, setChosenNames] = useState<Readonly<Record<string, string>>>({});
  const nameOf = (id: string) => chosenNames[id] ?? person(id).displayName;
  const id = (field: string) => `${idPrefix}-${field}`;
  // A removed absence takes its button along; the focus goes to the list instead of the page's top.
  const awayList = useRef<HTMLDivElement>(null);

  const addAway = () => {
    const zone = timeZone.trim();
    if (!first || !last) return setError(messages.needAwayDays);
    if (!isTimeZone(zone)) return setError(messages.badZone(zone));
    if (last < first) return setError(messages.lastBeforeFirst);
    setError(null);
    const covering = delegate[0];
    const absence: OutOfOffice = {
      from: midnightIn(first, zone),
      until: midnightIn(addDays(last, 1), zone),
      delegateAccountId: covering?.accountId ?? null,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    if (covering) setChosenNames({ ...chosenNames, [covering.accountId]: covering.displayName });
    setAway([...away, absence].sort((a, b) => a.from.localeCompare(b.from)));
    setFirst('');
    setLast('');
    setDelegate([]);
    setNote('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wanted = capacity.trim();
    // Sent as typed: the server checks every field at once and answers each problem at its field.
    const asNumber = /^\d+$/.test(wanted) ? Number(wanted) : wanted;
    setSaving(true);
    setError(null);
    setProblems(NO_PROBLEMS);
    const reply = await saveProfile(
      {
        ...profile,
        timeZone: timeZone.trim(),
        workingHours: toSaved(shifts),
        capacity: (wanted === '' ? null : asNumber) as number | null,
        outOfOffice: away,
      },
      version,
    );
    setSaving(false);
    if (reply.ok) return onSaved(reply.data.version);
    setError(reply.error);
    setProblems(problemsOf(reply, 'profile.'));
  };

  const describe = (o: OutOfOffice) => {
    const days = daysAway(o, timeZone.trim());
    return messages.away(
      days.first,
      days.last,
      o.note,
      o.delegateAccountId ? nameOf(o.delegateAccountId) : null,
    );
  };

  return (
    <form data-testid="profile-editor" noValidate onSubmit={(e) => void submit(e)} style={formBox}>
      <FormField
        id={id('zone')}
        label={messages.zoneLabel}
        helper={messages.zoneHelper}
        errors={problemsAt(problems, 'timeZone')}
        errorTestId="profile-zone-error"
      >
        {(aria) => (
          <ZonePicker
            inputId={id('zone')}
            value={timeZone}
            onChange={setTimeZone}
            describedBy={aria['aria-describedby']}
            isInvalid={aria['aria-invalid']}
          />
        )}
      </FormField>
      <WeeklyHours
        idPrefix={idPrefix}
        shifts={shifts}
        onChange={(changed) => {
          setShifts(changed);
          // The shifts' places move as they change: their old problems no longer point at the right one.
          setProblems(dropUnder(problems, 'workingHours'));
        }}
        problems={problems}
      />
      <FormField
        id={id('capacity')}
        label={messages.capacityLabel}
        helper={messages.capacityHelper}
        errors={problemsAt(problems, 'capacity')}
        errorTestId="profile-capacity-error"
      >
        {(aria) => (
          <input
            id={id('capacity')}
            data-testid="profile-capacity"
            type="number"
            inputMode="numeric"
            min={0}
            max={500}
            value={capacity}
            onChange={(e) => setCapacity(e.target.value)}
            style={inputStyle}
            {...aria}
          />
        )}
      </FormField>
      <fieldset
        style={{
          border: `1px solid ${token('color.border', '#091E4224')}`,
          borderRadius: token('radius.small', '3px'),
          marginBottom: token('space.150', '12px'),
        }}
      >
        <legend style={labelStyle}>{messages.awayTitle}</legend>
        <div ref={awayList} tabIndex={-1} aria-label={messages.awayTitle}>
          {away.length === 0 ? (
            <p data-testid="profile-away-none">{messages.notAway}</p>
          ) : (
            <ul data-testid="profile-away">
              {away.map((o, index) => (
                <li key={o.from}>
                  {describe(o)}{' '}
                  <Button
                    appearance="subtle"
                    spacing="compact"
                    testId={`remove-away-${daysAway(o, timeZone.trim()).first}`}
                    onClick={() => {
                      setAway(away.filter((x) => x !== o));
                      awayList.current?.focus();
                    }}
                  >
                    {messages.removeAway(daysAway(o, timeZone.trim()).first)}
                  </Button>
                  <FieldMessages
                    id={id(`away-${index}`)}
                    errors={problemsAt(problems, `outOfOffice[${index}]`, true)}
                    testId={`away-${index}-error`}
                  />
                </li>
              ))}
            </ul>
          )}
          <FieldMessages
            id={id('away')}
            errors={problemsAt(problems, 'outOfOffice')}
            testId="profile-away-error"
          />
        </div>
        <div
          style={{ display: 'flex', flexWrap: 'wrap', gap: token('space.150', '12px'), alignItems: 'end' }}
        >
          <DateField
            name="away-first"
            id={id('away-first')}
            label={messages.awayFirst}
            value={first}
            onChange={setFirst}
          />
          <DateField
            name="away-last"
            id={id('away-last')}
            label={messages.awayLast}
            value={last}
            onChange={setLast}
            minDate={first || undefined}
          />
          <div style={{ ...fieldStyle, minWidth: '14em' }} data-testid="away-delegate">
            <label htmlFor={id('away-delegate')} style={labelStyle}>
              {messages.awayDelegate}
            </label>
            <PersonPicker
              inputId={id('away-delegate')}
              projectKey={projectKey}
              scope="assignable"
              isClearable
              value={delegate}
              onChange={setDelegate}
              onSearchError={(message) => setError(`${messages.peopleFailed}: ${message}`)}
            />
          </div>
          <FormField
            id={id('away-note')}
            label={messages.awayNote}
            helper={messages.noteHelper(note.length)}
            style={{ marginBottom: token('space.100', '8px') }}
          >
            {(aria) => (
              <input
                id={id('away-note')}
                data-testid="away-note"
                value={note}
                maxLength={200}
                onChange={(e) => setNote(e.target.value)}
                style={inputStyle}
                {...aria}
              />
            )}
          </FormField>
          <div style={fieldStyle}>
            <Button testId="away-add" onClick={addAway}>
              {messages.addAway}
            </Button>
          </div>
        </div>
      </fieldset>
      {error && (
        <Notice tone="error" testId="profile-error">
          {error} {Object.keys(problems).length > 0 && messages.fixBelow}
        </Notice>
      )}
      <Button type="submit" appearance="primary" testId="profile-save" isDisabled={saving}>
        {saving ? messages.saving : saveLabel}
      </Button>
    </form>
  );
}
