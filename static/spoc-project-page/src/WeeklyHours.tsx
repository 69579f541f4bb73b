import Button from '@atlaskit/button/new';
import { token } from '@atlaskit/tokens';
import { useRef } from 'react';
import type { Weekday, WorkingShift } from './api';
import { describedBy, FieldMessages, problemsAt, type FieldProblems } from './fields';
import { inputStyle, labelStyle } from './forms';
import { messages } from './messages';

/**
 * A week of working hours, day by day: each day's shifts with a start and an end picked as times, a shift
 * that ends at or before its start running past midnight into the next day (said beside it), a day with
 * none not worked. The shifts keep their places in the list the editor saves, so a problem the server
 * finds with `workingHours[3].end` shows at that shift's end.
 */
export const WEEK: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** The time control shows midnight at a day's end as 00:00; saved, it is 24:00 (the same moment). */
const shown = (time: string) => (time === '24:00' ? '00:00' : time);
export const toSaved = (shifts: readonly WorkingShift[]): WorkingShift[] =>
  shifts.map((s) => (s.end === '00:00' ? { ...s, end: '24:00' } : s));

/** A shift whose end is not after its start ends on the next day (an end at midnight ends this one). */
const pastMidnight = (shift: WorkingShift) =>
  shift.start !== '' &&
  shift.end !== '' &&
  shift.end !== '24:00' &&
  shift.end !== '00:00' &&
  shift.end <= shift.start;

export function WeeklyHours({
  idPrefix,
  shifts,
  onChange,
  problems,
}: {
  idPrefix: string;
  shifts: readonly WorkingShift[];
  onChange: (shifts: WorkingShift[]) => void;
  /** The profile's problems by field (`workingHours[2].start`). */
  problems: FieldProblems;
}) {
  const starts = useRef(new Map<string, HTMLInputElement>());
  const dayTitles = useRef(new Map<Weekday, HTMLElement>());
  const set = (index: number, change: Partial<WorkingShift>) =>
    onChange(shifts.map((s, i) => (i === index ? { ...s, ...change } : s)));
  const add = (day: Weekday) => {
    const same = shifts.filter((s) => s.day === day);
    const last = same.at(-1);
    // A second shift starts where the first ended; a first one takes a usual office day.
    const next: WorkingShift = last
      ? { day, start: shown(last.end), end: '' }
      : { day, start: '09:00', end: '17:00' };
    onChange([...shifts, next]);
    // The new shift's start takes the focus once it is drawn.
    setTimeout(() => starts.current.get(`${day}-${same.length}`)?.focus(), 0);
  };
  const remove = (index: number) => {
    const day = (shifts[index] as WorkingShift).day;
    onChange(shifts.filter((_, i) => i !== index));
    dayTitles.current.get(day)?.focus();
  };
  const copyMonday = () => {
    const monday = shifts.filter((s) => s.day === 'mon');
    const weekend = shifts.filter((s) => s.day === 'sat' || s.day === 'sun');
    onChange([
      ...monday,
      ...(['tue', 'wed', 'thu', 'fri'] as const).flatMap((day) => monday.map((s) => ({ ...s, day }))),
      ...weekend,
    ]);
  };
  const wholeWeek = problemsAt(problems, 'workingHours');
  const cell = { padding: `${token('space.075', '6px')} ${token('space.100', '8px')}`, verticalAlign: 'top' };
  return (
    <fieldset
      data-testid="profile-hours"
      aria-describedby={`${idPrefix}-hours-helper`}
      style={{
        border: `1px solid ${token('color.border', '#091E4224')}`,
        borderRadius: token('radius.small', '3px'),
        marginBottom: token('space.150', '12px'),
      }}
    >
      <legend style={labelStyle}>{messages.hoursLabel}</legend>
      <FieldMessages
        id={`${idPrefix}-hours`}
        helper={messages.hoursHelper}
        errors={wholeWeek}
        testId="profile-hours-error"
      />
      <table style={{ borderCollapse: 'collapse', marginTop: token('space.100', '8px') }}>
        <tbody>
          {WEEK.map((day) => {
            const entries = shifts.map((s, index) => ({ s, index })).filter(({ s }) => s.day === day);
            return (
              <tr key={day} data-testid={`hours-${day}`}>
                <th
                  scope="row"
                  style={{ ...cell, textAlign: 'start', fontWeight: token('font.weight.semibold', '600') }}
                >
                  <span
                    tabIndex={-1}
                    ref={(el) => {
                      if (el) dayTitles.current.set(day, el);
                    }}
                  >
                    {messages.weekday[day]}
                  </span>
                </th>
                <td style={cell}>
                  {entries.length === 0 && (
                    <span
                      data-testid={`hours-${day}-off`}
                      style={{ color: token('color.text.subtlest', '#626F86') }}
                    >
                      {messages.notWorking}
                    </span>
                  )}
                  {entries.map(({ s, index }, nth) => {
                    const id = `${idPrefix}-${day}-${nth}`;
                    const at = `workingHours[${index}]`;
                    const startErrors = problemsAt(problems, `${at}.start`);
                    const endErrors = [
                      ...problemsAt(problems, `${at}.end`),
                      ...problemsAt(problems, at),
                      ...problemsAt(problems, `${at}.day`),
                    ];
                    const name = messages.shiftName(day, nth, entries.length);
                    const endHelper = pastMidnight(s);
                    return (
                      <div
                        key={index}
                        data-testid={`shift-${day}-${nth}`}
                        role="group"
                        aria-label={name}
                        style={{ marginBottom: token('space.075', '6px') }}
                      >
                        <div
                          style={{
                            display: 'flex',
                            flexWrap: 'wrap',
                            gap: token('space.100', '8px'),
                            alignItems: 'center',
                          }}
                        >
                          <label htmlFor={`${id}-start`}>{messages.shiftFrom}</label>
                          <input
                            id={`${id}-start`}
                            data-testid={`shift-${day}-${nth}-start`}
                            type="time"
                            required
                            value={shown(s.start)}
                            ref={(el) => {
                              if (el) starts.current.set(`${day}-${nth}`, el);
                            }}
                            onChange={(e) => set(index, { start: e.target.value })}
                            style={inputStyle}
                            {...describedBy(`${id}-start`, false, startErrors)}
                          />
                          <label htmlFor={`${id}-end`}>{messages.shiftTo}</label>
                          <input
                            id={`${id}-end`}
                            data-testid={`shift-${day}-${nth}-end`}
                            type="time"
                            required
                            value={shown(s.end)}
                            onChange={(e) => set(index, { end: e.target.value })}
                            style={inputStyle}
                            {...describedBy(`${id}-end`, endHelper, endErrors)}
                          />
                          {endHelper && (
                            <span
                              id={`${id}-end-helper`}
                              data-testid={`shift-${day}-${nth}-next-day`}
                              style={{ color: token('color.text.subtle', '#44546F') }}
                            >
                              {messages.nextDay(day)}
                            </span>
                          )}
                          <Button
                            appearance="subtle"
                            spacing="compact"
                            testId={`remove-shift-${day}-${nth}`}
                            aria-label={messages.removeShift(name)}
                            onClick={() => remove(index)}
                          >
                            {messages.removeShiftShort}
                          </Button>
                        </div>
                        <FieldMessages
                          id={`${id}-start`}
                          errors={startErrors}
                          testId={`shift-${day}-${nth}-start-error`}
                        />
                        <FieldMessages
                          id={`${id}-end`}
                          errors={endErrors}
                          testId={`shift-${day}-${nth}-end-error`}
                        />
                      </div>
                    );
                  })}
                </td>
                <td style={cell}>
                  <Button
                    spacing="compact"
                    testId={`add-shift-${day}`}
                    aria-label={messages.addShiftOn(day)}
                    onClick={() => add(day)}
                  >
                    {messages.addShift}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <Button spacing="compact" appearance="subtle" testId="copy-monday" onClick={copyMonday}>
        {messages.copyMonday}
      </Button>
    </fieldset>
  );
}
