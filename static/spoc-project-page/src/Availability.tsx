import DynamicTable from '@atlaskit/dynamic-table';
import { lazy, Suspense, useState } from 'react';
import {
  getConfiguration,
  getMyProfile,
  type ConfigurationView,
  type SpocProfile,
  type WorkingShift,
} from './api';
import { daysAway } from './dates';
import { sectionTitle } from './forms';
import { messages } from './messages';
import { Loaded, useReply } from './Loaded';
import { SavedNotice } from './SavedNotice';

/**
 * Availability: every SPOC's profile read-only; the signed-in SPOC's own profile to edit; and, for project
 * administrators, anyone's profile (or a new SPOC's) chosen with a people picker. The editors bring the
 * pickers, so they load when first shown.
 */
const ProfileEditor = lazy(() => import('./ProfileEditor').then((m) => ({ default: m.ProfileEditor })));
const OtherProfile = lazy(() => import('./OtherProfile').then((m) => ({ default: m.OtherProfile })));

// "Monday 09:00–17:00", "Friday 22:00–06:00 (ends on Saturday)": one shift a line, in the week's order.
const WEEK = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const shiftsText = (shifts: readonly WorkingShift[]) =>
  shifts.length === 0
    ? messages.noHours
    : [...shifts]
        .sort((a, b) => WEEK.indexOf(a.day) - WEEK.indexOf(b.day) || a.start.localeCompare(b.start))
        .map(
          (s) =>
            `${messages.weekday[s.day] ?? s.day} ${s.start}–${s.end}` +
            (s.end !== '24:00' && s.end !== '00:00' && s.end <= s.start
              ? ` (${messages.nextDay(s.day)})`
              : ''),
        )
        .join('\n');
const loading = <p>{messages.loading}</p>;

export function Availability({ projectKey }: { projectKey: string }) {
  const [generation, setGeneration] = useState(0);
  const config = useReply(getConfiguration, [generation]);
  const mine = useReply(getMyProfile, [generation]);
  const [done, setDone] = useState<string | null>(null);
  const saved = (text: string) => {
    setDone(text);
    setGeneration((g) => g + 1);
  };
  return (
    <section>
      <p>{messages.availabilityIntro}</p>
      {done && <SavedNotice testId="profile-saved">{done}</SavedNotice>}
      <Loaded reply={config}>
        {(view: ConfigurationView) => (
          <>
            <ProfileTable view={view} />
            <section data-testid="my-profile" aria-labelledby="my-profile-title">
              <h3 id="my-profile-title" style={sectionTitle}>
                {messages.myProfileTitle}
              </h3>
              <Loaded reply={mine}>
                {(own) =>
                  own ? (
                    <Suspense fallback={loading}>
                      <ProfileEditor
                        profile={own.profile}
                        version={own.version}
                        projectKey={projectKey}
                        names={view.names}
                        idPrefix="mine"
                        saveLabel={messages.saveProfile}
                        onSaved={(version) => saved(messages.profileSaved(version))}
                      />
                    </Suspense>
                  ) : (
                    <p data-testid="not-a-spoc">
                      {view.canEdit ? messages.notASpocAdmin : messages.notASpoc}
                    </p>
                  )
                }
              </Loaded>
            </section>
            {view.canEdit && (
              <section data-testid="other-profile" aria-labelledby="other-profile-title">
                <h3 id="other-profile-title" style={sectionTitle}>
                  {messages.otherProfileTitle}
                </h3>
                <Suspense fallback={loading}>
                  <OtherProfile
                    view={view}
                    projectKey={projectKey}
                    onSaved={(name, version) => saved(messages.otherProfileSaved(name, version))}
                  />
                </Suspense>
              </section>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

function ProfileTable({ view }: { view: ConfigurationView }) {
  const c = messages.profileColumns;
  const name = (id: string) => view.names[id] ?? id;
  const awayText = (p: SpocProfile) =>
    p.outOfOffice.length === 0
      ? messages.notAway
      : p.outOfOffice
          .map((o) => {
            const days = daysAway(o, p.timeZone);
            return messages.away(
              days.first,
              days.last,
              o.note,
              o.delegateAccountId ? name(o.delegateAccountId) : null,
            );
          })
          .join('; ');
  const rows = view.document.profiles.map((p) => ({
    key: p.accountId,
    cells: [
      { key: p.displayName, content: p.displayName },
      { key: p.timeZone, content: p.timeZone },
      {
        key: shiftsText(p.workingHours),
        content: <span style={{ whiteSpace: 'pre-line' }}>{shiftsText(p.workingHours)}</span>,
      },
      { key: p.capacity ?? -1, content: p.capacity ?? messages.defaultCapacity },
      { key: p.outOfOffice[0]?.from ?? '', content: awayText(p) },
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
