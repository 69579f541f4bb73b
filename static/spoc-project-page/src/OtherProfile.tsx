import { useCallback, useState } from 'react';
import { Notice } from '../../shared/notice';
import type { ConfigurationView, FoundPerson, PickedPerson, SpocProfile, WorkingShift } from './api';
import { fieldStyle, labelStyle } from './forms';
import { messages } from './messages';
import { usePeopleSearch } from './pickers';
import { ProfileEditor } from './ProfileEditor';
import { PeoplePicker } from '../../shared/people-picker';

/**
 * A project administrator picks whose availability to edit: an existing SPOC's profile, or a new profile
 * for someone who becomes a SPOC (starting from Jira's time zone for them and office hours).
 */
const OFFICE_HOURS: readonly WorkingShift[] = (['mon', 'tue', 'wed', 'thu', 'fri'] as const).map((day) => ({
  day,
  start: '09:00',
  end: '17:00',
}));

export function OtherProfile({
  view,
  projectKey,
  onSaved,
}: {
  view: ConfigurationView;
  projectKey: string;
  onSaved: (name: string, version: number) => void;
}) {
  const [chosen, setChosen] = useState<FoundPerson | null>(null);
  const [error, setError] = useState<string | null>(null);
  const assignable = usePeopleSearch(projectKey, 'assignable');
  // Remember Jira's time zone of the people found: a new SPOC's profile starts there.
  const [zones] = useState(() => new Map<string, string>());
  const search = useCallback(
    async (query: string) => {
      const found = await assignable(query);
      for (const p of found) if (p.timeZone) zones.set(p.accountId, p.timeZone);
      return found;
    },
    [assignable, zones],
  );
  const existing = chosen ? view.document.profiles.find((p) => p.accountId === chosen.accountId) : undefined;
  const profile: SpocProfile | null = chosen
    ? (existing ?? {
        accountId: chosen.accountId,
        displayName: chosen.displayName,
        timeZone: chosen.timeZone ?? 'UTC',
        workingHours: OFFICE_HOURS,
        capacity: null,
        outOfOffice: [],
      })
    : null;
  return (
    <>
      <p>{messages.otherProfileIntro}</p>
      <div style={{ ...fieldStyle, maxWidth: '24em' }} data-testid="profile-person">
        <label htmlFor="profile-person-input" style={labelStyle}>
          {messages.whoseProfile}
        </label>
        <PeoplePicker
          inputId="profile-person-input"
          search={search}
          value={chosen ? [chosen] : []}
          onChange={(people: PickedPerson[]) => {
            const person = people[0];
            setChosen(
              person
                ? {
                    ...person,
                    ...(zones.has(person.accountId) ? { timeZone: zones.get(person.accountId) } : {}),
                  }
                : null,
            );
          }}
          onSearchError={(message) => setError(`${messages.peopleFailed}: ${message}`)}
          texts={messages.pickerAssignable}
        />
      </div>
      {error && <Notice tone="error">{error}</Notice>}
      {chosen && profile && (
        <>
          <p data-testid="other-profile-status">
            {existing
              ? messages.editingProfileOf(chosen.displayName)
              : messages.newProfileFor(chosen.displayName)}
          </p>
          <ProfileEditor
            key={chosen.accountId}
            profile={profile}
            version={view.version}
            projectKey={projectKey}
            names={view.names}
            idPrefix="other"
            saveLabel={messages.saveOtherProfile(chosen.displayName)}
            onSaved={(version) => onSaved(chosen.displayName, version)}
          />
        </>
      )}
    </>
  );
}
