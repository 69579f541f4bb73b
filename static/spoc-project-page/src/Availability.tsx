import Button from '@atlaskit/button/new';
import DynamicTable from '@atlaskit/dynamic-table';
import { useState, type FormEvent } from 'react';
import {
  getConfiguration,
  getMyProfile,
  saveProfile,
  type ConfigurationView,
  type OutOfOffice,
  type SpocProfile,
  type WorkingShift,
} from './api';
import { fieldStyle, formBox, inputStyle, sectionTitle } from './forms';
import { messages } from './messages';
import { Notice } from '../../shared/notice';
import { Loaded, useReply } from './Loaded';

/** Availability: every SPOC's profile read-only, and the signed-in SPOC's own profile to edit. */
const day = (iso: string) => iso.slice(0, 10);
const shiftsText = (shifts: readonly WorkingShift[]) =>
  shifts.map((s) => `${s.day} ${s.start}-${s.end}`).join('\n');
const SHIFT = /^(mon|tue|wed|thu|fri|sat|sun)\s+(\d{2}:\d{2})\s*[-–]\s*(\d{2}:\d{2})$/i;

/** Lines such as "mon 09:00-17:00"; the resolver checks the times themselves. */
function parseShifts(text: string): { shifts: WorkingShift[]; error: string | null } {
  const shifts: WorkingShift[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const match = SHIFT.exec(line);
    if (!match) return { shifts, error: messages.badShift(line) };
    shifts.push({
      day: (match[1] as string).toLowerCase(),
      start: match[2] as string,
      end: match[3] as string,
    });
  }
  return { shifts, error: null };
}

export function Availability() {
  const [generation, setGeneration] = useState(0);
  const config = useReply(getConfiguration, [generation]);
  const mine = useReply(getMyProfile, [generation]);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section>
      <p>{messages.availabilityIntro}</p>
      {done && (
        <Notice tone="information" testId="profile-saved">
          {done}
        </Notice>
      )}
      <Loaded reply={config}>{(view: ConfigurationView) => <ProfileTable view={view} />}</Loaded>
      <h3 style={sectionTitle}>{messages.myProfileTitle}</h3>
      <Loaded reply={mine}>
        {(own) =>
          own ? (
            <ProfileEditor
              profile={own.profile as SpocProfile}
              version={own.version}
              onSaved={(version) => {
                setDone(messages.profileSaved(version));
                setGeneration((g) => g + 1);
              }}
            />
          ) : (
            <p data-testid="not-a-spoc">{messages.notASpoc}</p>
          )
        }
      </Loaded>
    </section>
  );
}

function ProfileTable({ view }: { view: ConfigurationView }) {
  const c = messages.profileColumns;
  const profiles = view.document.profiles as readonly SpocProfile[];
  const rows = profiles.map((p) => ({
    key: p.accountId,
    cells: [
      { key: p.displayName, content: p.displayName },
      { key: p.timeZone, content: p.timeZone },
      {
        key: shiftsText(p.workingHours),
        content: <span style={{ whiteSpace: 'pre-line' }}>{shiftsText(p.workingHours)}</span>,
      },
      { key: p.capacity ?? -1, content: p.capacity ?? messages.defaultCapacity },
      {
        key: p.outOfOffice[0]?.from ?? '',
        content:
          p.outOfOffice.length === 0
            ? messages.notAway
            : p.outOfOffice.map((o) => messages.away(day(o.from), day(o.until), o.note)).join('; '),
      },
    ],
  }));
  return (
    <div data-testid="profile-table">
      <DynamicTable
        label={messages.subpages['/availability']}
        head={{
          cells: [
            { key: 'spoc', content: c.spoc, isSortable: true },
            { key: 'zone', content: c.zone, isSortable: true },
            { key: 'hours', content: c.hours },
            { key: 'capacity', content: c.capacity, isSortable: true },
            { key: 'away', content: c.away, isSortable: true },
          ],
        }}
        rows={rows}
        rowsPerPage={10}
        defaultSortKey="spoc"
        defaultSortOrder="ASC"
      />
    </div>
  );
}

function ProfileEditor({
  profile,
  version,
  onSaved,
}: {
  profile: SpocProfile;
  version: number;
  onSaved: (version: number) => void;
}) {
  const [timeZone, setTimeZone] = useState(profile.timeZone);
  const [hours, setHours] = useState(shiftsText(profile.workingHours));
  const [capacity, setCapacity] = useState(profile.capacity === null ? '' : String(profile.capacity));
  const [away, setAway] = useState<readonly OutOfOffice[]>(profile.outOfOffice);
  const [from, setFrom] = useState('');
  const [until, setUntil] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const addAway = () => {
    if (!from || !until) return;
    const absence = {
      from: new Date(from).toISOString(),
      until: new Date(until).toISOString(),
      delegateAccountId: null,
    };
    setAway([...away, note.trim() ? { ...absence, note: note.trim() } : absence]);
    setFrom('');
    setUntil('');
    setNote('');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseShifts(hours);
    if (parsed.error) return setError(parsed.error);
    setSaving(true);
    setError(null);
    const reply = await saveProfile(
      {
        ...profile,
        timeZone: timeZone.trim(),
        workingHours: parsed.shifts,
        capacity: capacity.trim() === '' ? null : Number(capacity),
        outOfOffice: away,
      },
      version,
    );
    setSaving(false);
    if (reply.ok) onSaved(reply.data.version);
    else setError(reply.error);
  };

  return (
    <form data-testid="profile-editor" onSubmit={(e) => void submit(e)} style={formBox}>
      <label style={fieldStyle}>
        <span style={fieldStyle}>{messages.zoneLabel}</span>
        <input
          data-testid="profile-zone"
          value={timeZone}
          onChange={(e) => setTimeZone(e.target.value)}
          required
          style={inputStyle}
        />
      </label>
      <label style={fieldStyle}>
        <span style={fieldStyle}>{messages.hoursLabel}</span>
        <textarea
          data-testid="profile-hours"
          value={hours}
          rows={Math.max(3, hours.split('\n').length)}
          onChange={(e) => setHours(e.target.value)}
          style={{ ...inputStyle, width: '20em' }}
        />
      </label>
      <label style={fieldStyle}>
        <span style={fieldStyle}>{messages.capacityLabel}</span>
        <input
          data-testid="profile-capacity"
          type="number"
          min={1}
          value={capacity}
          onChange={(e) => setCapacity(e.target.value)}
          style={inputStyle}
        />
      </label>
      <fieldset style={{ border: 'none', padding: 0 }}>
        <legend style={fieldStyle}>{messages.awayTitle}</legend>
        <ul data-testid="profile-away">
          {away.map((o) => (
            <li key={o.from}>
              {messages.away(day(o.from), day(o.until), o.note)}{' '}
              <Button appearance="subtle" onClick={() => setAway(away.filter((x) => x !== o))}>
                {messages.removeAway(day(o.from))}
              </Button>
            </li>
          ))}
        </ul>
        <div style={{ display: 'flex', flexWrap: 'wrap', gap: '8px', alignItems: 'end' }}>
          <label>
            <span style={fieldStyle}>{messages.awayFrom}</span>
            <input
              data-testid="away-from"
              type="date"
              value={from}
              onChange={(e) => setFrom(e.target.value)}
              style={inputStyle}
            />
          </label>
          <label>
            <span style={fieldStyle}>{messages.awayUntil}</span>
            <input
              data-testid="away-until"
              type="date"
              value={until}
              onChange={(e) => setUntil(e.target.value)}
              style={inputStyle}
            />
          </label>
          <label>
            <span style={fieldStyle}>{messages.awayNote}</span>
            <input
              data-testid="away-note"
              value={note}
              onChange={(e) => setNote(e.target.value)}
              style={inputStyle}
            />
          </label>
          <Button testId="away-add" onClick={addAway} isDisabled={!from || !until}>
            {messages.addAway}
          </Button>
        </div>
      </fieldset>
      {error && (
        <Notice tone="error" testId="profile-error">
          {error}
        </Notice>
      )}
      <Button type="submit" appearance="primary" testId="profile-save" isDisabled={saving}>
        {saving ? messages.saving : messages.saveProfile}
      </Button>
    </form>
  );
}
