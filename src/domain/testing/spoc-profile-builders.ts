import type { OutOfOffice, SpocProfile } from '../spoc-profile';
import { shiftsOn } from './calendar-builders';

/** Priya Shah in London, Monday to Friday 09:00–17:00, room for 8 open client issues, never away. */
export const aSpocProfile = (overrides: Partial<SpocProfile> = {}): SpocProfile => ({
  accountId: 'acc-priya',
  displayName: 'Priya Shah',
  timeZone: 'Europe/London',
  workingHours: shiftsOn('09:00', '17:00'),
  capacity: 8,
  outOfOffice: [],
  ...overrides,
});

export const anOutOfOffice = (overrides: Partial<OutOfOffice> = {}): OutOfOffice => ({
  from: '2025-11-24T00:00:00.000Z',
  until: '2025-11-28T00:00:00.000Z',
  delegateAccountId: null,
  ...overrides,
});
