import { useCallback, useEffect, useState } from 'react';
import { PeoplePicker, type PickedPerson } from '../../shared/people-picker';
import { getPeople, searchAssignablePeople, searchPeople, type FoundPerson } from './api';
import { messages } from './messages';

/**
 * The page's people pickers: Jira's user search as the signed-in person, with avatars. `assignable` finds
 * people who may be assigned the project's issues (SPOCs, backups, delegates, delivery users); `anyone`
 * finds every Jira user (clients' reporters, escalation managers).
 */
export type PeopleScope = 'assignable' | 'anyone';

export function usePeopleSearch(projectKey: string, scope: PeopleScope) {
  return useCallback(
    (query: string): Promise<FoundPerson[]> =>
      scope === 'assignable' ? searchAssignablePeople(projectKey, query) : searchPeople(query),
    [projectKey, scope],
  );
}

/** The people an editor starts with, named from the configuration at once and given avatars when Jira answers. */
export function useKnownPeople(
  accountIds: readonly string[],
  names: Readonly<Record<string, string>>,
): (accountId: string) => PickedPerson {
  const [found, setFound] = useState<ReadonlyMap<string, PickedPerson>>(new Map());
  const key = [...new Set(accountIds)].sort().join(',');
  useEffect(() => {
    if (!key) return;
    let live = true;
    getPeople(key.split(',')).then(
      (people) => live && setFound(new Map(people.map((p) => [p.accountId, p]))),
      () => undefined, // names from the configuration are enough
    );
    return () => {
      live = false;
    };
  }, [key]);
  return (accountId) => found.get(accountId) ?? { accountId, displayName: names[accountId] ?? accountId };
}

export function PersonPicker({
  inputId,
  projectKey,
  scope,
  value,
  onChange,
  isMulti,
  isClearable,
  focusRef,
  onSearchError,
  testId,
}: {
  inputId: string;
  projectKey: string;
  scope: PeopleScope;
  value: readonly PickedPerson[];
  onChange: (people: PickedPerson[]) => void;
  isMulti?: boolean;
  isClearable?: boolean;
  focusRef?: (element: { focus(): void } | null) => void;
  onSearchError?: (message: string) => void;
  testId?: string;
}) {
  const search = usePeopleSearch(projectKey, scope);
  return (
    <PeoplePicker
      inputId={inputId}
      search={search}
      value={value}
      onChange={onChange}
      isMulti={isMulti}
      isClearable={isClearable}
      focusRef={focusRef}
      onSearchError={onSearchError}
      testId={testId}
      texts={scope === 'anyone' ? messages.pickerAnyone : messages.pickerAssignable}
    />
  );
}
