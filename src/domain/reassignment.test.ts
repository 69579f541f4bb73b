import { availabilityAt } from './availability';
import { judgeReassignment, responseClockFor } from './reassignment';
import { anOutOfOffice, aSpocProfile } from './testing/spoc-profile-builders';

/** Monday 24 Nov 2025, 10:00 in London: Priya works 09:00–17:00, Monday to Friday. */
const NOW = '2025-11-24T10:00:00.000Z';

describe('reassigning a client issue by hand', () => {
  const status = (profile = aSpocProfile(), open = 0) =>
    availabilityAt(profile, NOW, { openClientIssues: open }, { defaultCapacity: 10 });

  it('goes ahead for someone working or off shift, warns for someone away or full, or refuses by policy', () => {
    const warn = { reassignToUnavailable: 'warn' } as const;
    const refuse = { reassignToUnavailable: 'refuse' } as const;
    expect(judgeReassignment(status(), refuse)).toEqual({ concern: null, verdict: 'go' });
    const offShift = aSpocProfile({ timeZone: 'Asia/Tokyo' });
    expect(judgeReassignment(status(offShift), refuse)).toEqual({ concern: null, verdict: 'go' });
    const away = aSpocProfile({ outOfOffice: [anOutOfOffice()] });
    expect(judgeReassignment(status(away), warn)).toEqual({ concern: 'away', verdict: 'warn' });
    expect(judgeReassignment(status(away), refuse)).toEqual({ concern: 'away', verdict: 'refuse' });
    expect(judgeReassignment(status(aSpocProfile(), 8), warn)).toEqual({
      concern: 'at-capacity',
      verdict: 'warn',
    });
    expect(judgeReassignment(status(aSpocProfile(), 8), refuse).verdict).toBe('refuse');
  });

  it('starts the clock now for someone at work, counting four working hours', () => {
    expect(responseClockFor(aSpocProfile(), NOW, 240)).toEqual({
      startsAt: NOW,
      dueAt: '2025-11-24T14:00:00.000Z',
    });
  });

  it('counts the working hours of someone off shift from when their day starts', () => {
    // 19:00 in Tokyo: Kenji starts Tuesday 09:00 there (00:00 UTC).
    const kenji = aSpocProfile({ timeZone: 'Asia/Tokyo' });
    expect(responseClockFor(kenji, NOW, 240)).toEqual({
      startsAt: NOW,
      dueAt: '2025-11-25T04:00:00.000Z',
    });
  });

  it('starts the clock of someone away when they are back, through absences that follow each other', () => {
    const away = aSpocProfile({
      outOfOffice: [
        anOutOfOffice({ from: '2025-11-24T00:00:00.000Z', until: '2025-11-26T00:00:00.000Z' }),
        anOutOfOffice({ from: '2025-11-26T00:00:00.000Z', until: '2025-11-27T12:00:00.000Z' }),
      ],
    });
    // Back Thursday 12:00, four working hours to 16:00.
    expect(responseClockFor(away, NOW, 240)).toEqual({
      startsAt: '2025-11-27T12:00:00.000Z',
      dueAt: '2025-11-27T16:00:00.000Z',
    });
  });

  it('has no due time for someone without working hours, though their clock would start', () => {
    expect(responseClockFor(aSpocProfile({ workingHours: [] }), NOW, 240)).toEqual({
      startsAt: NOW,
      dueAt: null,
    });
  });
});
