import Avatar from '@atlaskit/avatar';
import { AsyncSelect } from '@atlaskit/select';
import { token } from '@atlaskit/tokens';
import { useCallback, useRef, type ReactNode } from 'react';

/**
 * The user picker every SPOC screen uses: type part of a name, pick people by avatar and name, as Jira's own
 * user fields do. Built on Atlaskit's async select (which the screens already load) because
 * `@atlaskit/user-picker` pins an i18n package the npm registry no longer serves. Each screen supplies its
 * own `search` (the Jira user search that fits it) and its own texts.
 */
export interface PickedPerson {
  readonly accountId: string;
  readonly displayName: string;
  /** Jira's 24×24 avatar, when the search answered one. */
  readonly avatarUrl?: string;
}

export interface PeoplePickerTexts {
  readonly placeholder: string;
  readonly noPeople: string;
  readonly loading: string;
}

export interface PeoplePickerProps {
  /** The id a `<label htmlFor>` names, so the picker has an accessible name. */
  readonly inputId: string;
  readonly search: (query: string) => Promise<readonly PickedPerson[]>;
  /** The chosen people (at most one unless `isMulti`). */
  readonly value: readonly PickedPerson[];
  readonly onChange: (people: PickedPerson[]) => void;
  readonly texts: PeoplePickerTexts;
  readonly isMulti?: boolean;
  readonly isInvalid?: boolean;
  readonly isDisabled?: boolean;
  readonly isClearable?: boolean;
  /** Called when the search fails, so the screen can say why in words. */
  readonly onSearchError?: (message: string) => void;
  /** Lets a form put the focus in the picker when it opens. */
  readonly focusRef?: (element: { focus(): void } | null) => void;
  readonly testId?: string;
  /** Ids of the hint or error texts that describe the picker. */
  readonly 'aria-describedby'?: string;
  /** What the screen says about each person under their name in the list (availability, load). */
  readonly describe?: (person: PickedPerson) => ReactNode;
}

interface Option {
  readonly label: string;
  readonly value: string;
  readonly avatarUrl?: string;
}

const toOption = (person: PickedPerson): Option => ({
  label: person.displayName,
  value: person.accountId,
  ...(person.avatarUrl ? { avatarUrl: person.avatarUrl } : {}),
});
const toPerson = (option: Option): PickedPerson => ({
  accountId: option.value,
  displayName: option.label,
  ...(option.avatarUrl ? { avatarUrl: option.avatarUrl } : {}),
});

function PersonLabel({ option, detail }: { option: Option; detail?: ReactNode }) {
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: token('space.075', '6px') }}>
      {/* The name beside it says who this is, so the avatar is decoration. */}
      <Avatar size="xsmall" src={option.avatarUrl} name="" borderColor="transparent" />
      <span>
        {option.label}
        {detail}
      </span>
    </span>
  );
}

export function PeoplePicker(props: PeoplePickerProps) {
  const { search, onSearchError } = props;
  // Remember the last failure so one broken search is reported once, not on every keystroke.
  const lastError = useRef<string | null>(null);
  const loadOptions = useCallback(
    async (query: string): Promise<Option[]> => {
      try {
        const people = await search(query);
        lastError.current = null;
        return people.map(toOption);
      } catch (failure) {
        const message = (failure as Error).message;
        if (message !== lastError.current) onSearchError?.(message);
        lastError.current = message;
        return [];
      }
    },
    [search, onSearchError],
  );
  const selected = props.value.map(toOption);
  return (
    <AsyncSelect<Option, boolean>
      inputId={props.inputId}
      ref={props.focusRef as never}
      testId={props.testId}
      aria-describedby={props['aria-describedby']}
      cacheOptions
      defaultOptions
      loadOptions={loadOptions}
      isMulti={props.isMulti ?? false}
      isClearable={props.isClearable ?? props.isMulti ?? false}
      isDisabled={props.isDisabled}
      isInvalid={props.isInvalid}
      value={props.isMulti ? selected : (selected[0] ?? null)}
      onChange={(choice) => {
        const options = Array.isArray(choice) ? (choice as Option[]) : choice ? [choice as Option] : [];
        props.onChange(options.map(toPerson));
      }}
      formatOptionLabel={(option, meta) => (
        // Details belong in the list; the chosen person is shown by name.
        <PersonLabel
          option={option}
          detail={meta.context === 'menu' ? props.describe?.(toPerson(option)) : null}
        />
      )}
      placeholder={props.texts.placeholder}
      noOptionsMessage={() => props.texts.noPeople}
      loadingMessage={() => props.texts.loading}
      menuPosition="fixed"
    />
  );
}
