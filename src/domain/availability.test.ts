import { availabilityAt } from './availability';
import { shiftsOn } from './testing/calendar-builders';
import { anOutOfOffice, aSpocProfile } from './testing/spoc-profile-builders';

const monday10 = '2025-06-09T09:00:00Z'; // Mon 10:00 BST

describe('availabilityAt', () => {
  it('is available while working and under capacity, and says until when', () => {
    const availability = availabilityAt(aSpocProfile(), monday10, { openClientIssues: 3 });
    expect(availability).toEqual({
      accountId: 'acc-priya',
      status: 'available',
      shiftEndsAt: '2025-06-09T16:00:00.000Z',
      openClientIssues: 3,
      capacity: 8,
      phrase: 'is working until 17:00 Europe/London with 3 of 8 open client issues',
      reasons: ['Priya Shah is working until 17:00 Europe/London with 3 of 8 open client issues.'],
    });
  });

  describe('capacity edges', () => {
    it('one below capacity is available', () => {
      expect(availabilityAt(aSpocProfile({ capacity: 8 }), monday10, { openClientIssues: 7 }).status).toBe(
        'available',
      );
    });

    it('exactly at capacity is full', () => {
      const availability = availabilityAt(aSpocProfile({ capacity: 8 }), monday10, { openClientIssues: 8 });
      expect(availability).toMatchObject({ status: 'at-capacity', openClientIssues: 8, capacity: 8 });
      expect(availability.reasons).toEqual(['Priya Shah has 8 of 8 open client issues: full.']);
    });

    it('uses the default capacity when the profile has none, and no limit without either', () => {
      const profile = aSpocProfile({ capacity: null });
      expect(availabilityAt(profile, monday10, { openClientIssues: 5 }, { defaultCapacity: 5 }).status).toBe(
        'at-capacity',
      );
      const unlimited = availabilityAt(profile, monday10, { openClientIssues: 500 });
      expect(unlimited.status).toBe('available');
      expect(unlimited.phrase).toContain('500 open client issues (no limit set)');
    });

    it('a capacity of 0 takes nothing', () => {
      expect(availabilityAt(aSpocProfile({ capacity: 0 }), monday10, { openClientIssues: 0 }).status).toBe(
        'at-capacity',
      );
    });

    it('refuses a nonsense load', () => {
      expect(() => availabilityAt(aSpocProfile(), monday10, { openClientIssues: -1 })).toThrow('0 or more');
    });
  });

  describe('out-of-office edges', () => {
    const away = aSpocProfile({
      outOfOffice: [
        anOutOfOffice({
          from: '2025-06-09T09:00:00Z',
          until: '2025-06-13T23:00:00Z',
          delegateAccountId: 'acc-tom',
        }),
      ],
    });

    it('an absence starting now makes them away, naming the delegate', () => {
      const availability = availabilityAt(
        away,
        '2025-06-09T09:00:00Z',
        { openClientIssues: 0 },
        {
          names: { 'acc-tom': 'Tom Berg' },
        },
      );
      expect(availability).toMatchObject({
        status: 'away',
        until: '2025-06-13T23:00:00.000Z',
        delegateAccountId: 'acc-tom',
      });
      // Back at local midnight: the day alone is enough.
      expect(availability.reasons).toEqual([
        'Priya Shah is out of office until 14 Jun.',
        'Tom Berg covers for Priya Shah.',
      ]);
    });

    it('an absence ending now leaves them available', () => {
      const back = aSpocProfile({
        outOfOffice: [anOutOfOffice({ from: '2025-06-02T00:00:00Z', until: monday10 })],
      });
      expect(availabilityAt(back, monday10, { openClientIssues: 0 }).status).toBe('available');
    });

    it('a return mid-day gives the time too', () => {
      const back = aSpocProfile({
        outOfOffice: [anOutOfOffice({ from: '2025-06-02T00:00:00Z', until: '2025-06-10T12:00:00Z' })],
      });
      const availability = availabilityAt(back, monday10, { openClientIssues: 0 });
      expect(availability.phrase).toBe('is out of office until 10 Jun 13:00 Europe/London');
      expect(availability.reasons[1]).toBe('Priya Shah named no delegate.');
    });

    it('away wins over being full and off shift', () => {
      expect(availabilityAt(away, '2025-06-10T23:00:00Z', { openClientIssues: 99 }).status).toBe('away');
    });
  });

  describe('off shift', () => {
    it('gives the next start in UTC and on their own clock, and how long until then', () => {
      const kenji = aSpocProfile({
        accountId: 'acc-kenji',
        displayName: 'Kenji Sato',
        timeZone: 'Asia/Tokyo',
      });
      // Mon 05:50 in Tokyo; the day starts at 09:00 = 00:00Z.
      const availability = availabilityAt(kenji, '2025-06-08T20:50:00Z', { openClientIssues: 2 });
      expect(availability).toMatchObject({
        status: 'off-shift',
        nextStartAt: '2025-06-09T00:00:00.000Z',
        nextStartLocal: '2025-06-09T09:00:00.000+09:00',
        minutesUntilStart: 190,
        phrase: 'is off shift; starts 09:00 Asia/Tokyo (00:00 UTC), in 3 h 10 min',
      });
    });

    it('at capacity wins over off shift', () => {
      expect(availabilityAt(aSpocProfile(), '2025-06-08T12:00:00Z', { openClientIssues: 8 }).status).toBe(
        'at-capacity',
      );
    });

    it('says so when someone has no working hours at all', () => {
      const availability = availabilityAt(aSpocProfile({ workingHours: [] }), monday10, {
        openClientIssues: 0,
      });
      expect(availability).toMatchObject({ status: 'off-shift', nextStartAt: null, minutesUntilStart: null });
      expect(availability.phrase).toBe('is off shift and has no working hours set');
    });

    it('a night worker is available after midnight on their night shift', () => {
      const night = aSpocProfile({ workingHours: [{ day: 'fri', start: '22:00', end: '06:00' }] });
      const availability = availabilityAt(night, '2025-06-07T02:00:00Z', { openClientIssues: 0 }); // Sat 03:00 BST
      expect(availability).toMatchObject({ status: 'available', shiftEndsAt: '2025-06-07T05:00:00.000Z' });
      expect(availability.phrase).toContain('is working until 06:00 Europe/London');
    });

    it('across the spring change, the Monday start is an hour earlier in UTC', () => {
      const profile = aSpocProfile({ workingHours: shiftsOn('09:00', '17:00', ['mon']) });
      const availability = availabilityAt(profile, '2025-03-29T12:00:00Z', { openClientIssues: 0 });
      expect(availability).toMatchObject({ nextStartAt: '2025-03-31T08:00:00.000Z' });
      expect(availability.phrase).toBe(
        'is off shift; starts Mon 31 Mar 09:00 Europe/London (08:00 UTC), in 1 d 20 h',
      );
    });
  });
});
