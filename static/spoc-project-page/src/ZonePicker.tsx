import Select from '@atlaskit/select';
import { useMemo } from 'react';
import { messages } from './messages';

/**
 * A time zone chosen from the zones the browser knows (Atlaskit's select, searchable by typing part of a
 * name such as "London"), instead of a name typed from memory.
 */
interface ZoneOption {
  readonly label: string;
  readonly value: string;
}

// Every zone the browser knows; the one already chosen is offered even if this browser does not know it.
const ZONES: readonly string[] = (
  Intl as unknown as { supportedValuesOf?: (key: string) => string[] }
).supportedValuesOf?.('timeZone') ?? ['UTC'];

const optionOf = (zone: string): ZoneOption => ({ label: zone.replace(/_/g, ' '), value: zone });

export function ZonePicker({
  inputId,
  value,
  onChange,
  describedBy,
  isInvalid,
}: {
  inputId: string;
  value: string;
  onChange: (zone: string) => void;
  describedBy?: string;
  isInvalid?: boolean;
}) {
  const options = useMemo(
    () => (value && !ZONES.includes(value) ? [value, ...ZONES] : ZONES).map(optionOf),
    [value],
  );
  return (
    <div data-testid="profile-zone" style={{ maxWidth: '22em' }}>
      <Select<ZoneOption>
        inputId={inputId}
        testId="profile-zone-select"
        aria-describedby={describedBy}
        options={options}
        value={value ? optionOf(value) : null}
        onChange={(choice) => choice && onChange(choice.value)}
        isInvalid={isInvalid}
        placeholder={messages.zonePlaceholder}
        noOptionsMessage={() => messages.noZone}
        menuPosition="fixed"
      />
    </div>
  );
}
