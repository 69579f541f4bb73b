import {
  availabilityNote,
  availabilitySentence,
  dueWords,
  localTimeWords,
  roleSentence,
  untilWords,
} from '../../static/spoc-panel/src/phrases';
import type { SpocAvailability } from '../../src/contract/issue-panel';
import { viewerOf } from '../../static/shared/time';

/**
 * The SPOC panel's sentences (static/spoc-panel/src/phrases.ts): built from the facts the resolver sends,
 * with every time in the viewer's locale and zone and the relative words counted from the moment shown.
 */
const london = viewerOf({ locale: 'en_GB', timezone: 'Europe/London' });
const berlin = viewerOf({ locale: 'de_DE', timezone: 'Europe/Berlin' });
const newYork = viewerOf({ locale: 'en_US', timezone: 'America/New_York' });
// Friday 20 November 2026, 09:30 in London.
const now = new Date('2026-11-20T09:30:00.000Z');

const working: SpocAvailability = {
  timeZone: 'Europe/London',
  status: 'available',
  until: '2026-11-20T17:30:00.000Z',
  delegate: null,
  openClientIssues: 2,
  capacity: 8,
};

describe('who the caller is for the issue, said once', () => {
  const about = { clientName: 'Acme Logistics', spocName: 'Priya Shah' };
  it.each([
    [['spoc'], 'You are the SPOC of this issue.'],
    [['spoc', 'backup'], 'You are the SPOC of this issue.'],
    [['backup'], 'You are a backup for Acme Logistics.'],
    [
      ['delegate', 'backup'],
      'You are covering for Priya Shah while they are away and a backup for Acme Logistics.',
    ],
    [['delivery'], 'You are on the delivery team.'],
    [['manager'], 'You are a project administrator.'],
    [
      ['escalation-manager', 'manager'],
      'You are the escalation manager for Acme Logistics and a project administrator.',
    ],
    [['backup', 'escalation-manager'], 'You are a backup and the escalation manager for Acme Logistics.'],
    [
      ['spoc', 'delivery', 'manager'],
      'You are the SPOC of this issue, on the delivery team and a project administrator.',
    ],
    [['former-spoc'], 'You were this issue’s SPOC until the app handed it over while you were away.'],
    [
      ['former-spoc', 'backup'],
      'You are a backup for Acme Logistics; you were this issue’s SPOC until the app handed it over while you were away.',
    ],
  ] as const)('%j', (roles, sentence) => {
    expect(roleSentence(roles, about)).toBe(sentence);
  });

  it('says nothing for someone with no role on the issue', () => {
    expect(roleSentence([], about)).toBeNull();
  });
});

describe('a SPOC now, in the viewer’s words', () => {
  it('says until when they work and how loaded they are, in the viewer’s zone', () => {
    expect(availabilitySentence('Priya Shah', working, london, now)).toBe(
      'Priya Shah is working until 17:30 with 2 of 8 open client issues.',
    );
    expect(availabilitySentence('Priya Shah', working, newYork, now)).toBe(
      'Priya Shah is working until 12:30 PM with 2 of 8 open client issues.',
    );
    expect(availabilityNote(working, berlin, now)).toBe('working until 18:30');
  });

  it('says when someone off shift starts, and how far off that is', () => {
    const offShift = { ...working, status: 'off-shift', until: '2026-11-20T19:30:00.000Z' } as const;
    expect(availabilitySentence('Arjun Mehta', offShift, london, now)).toBe(
      'Arjun Mehta is off shift until 19:30 (in 10 hours), with 2 of 8 open client issues.',
    );
    expect(availabilitySentence('Arjun Mehta', { ...offShift, until: null }, london, now)).toBe(
      'Arjun Mehta is off shift and has no working hours set.',
    );
  });

  it('says when someone away is back and who covers, with the day named when it is not today', () => {
    const away = {
      ...working,
      status: 'away',
      until: '2026-11-25T05:00:00.000Z',
      delegate: { accountId: 'c', displayName: 'Chloe Wilson' },
    } as const;
    expect(availabilitySentence('Daniel Okafor', away, london, now)).toBe(
      'Daniel Okafor is out of office until Wed 25 Nov, 05:00; Chloe Wilson covers for them.',
    );
    expect(availabilityNote({ ...away, delegate: null }, berlin, now)).toBe(
      'away until Mi., 25. Nov., 06:00',
    );
    expect(availabilitySentence('Daniel Okafor', { ...away, delegate: null }, london, now)).toMatch(
      /; nobody covers for them\.$/,
    );
  });

  it('says someone is full', () => {
    const full = {
      ...working,
      status: 'at-capacity',
      until: null,
      openClientIssues: 1,
      capacity: 1,
    } as const;
    expect(availabilitySentence('Yuki Tanaka', full, london, now)).toBe(
      'Yuki Tanaka has 1 of 1 open client issues: full.',
    );
    expect(availabilityNote(full, london, now)).toBe('full');
  });
});

describe('times the panel shows', () => {
  it('writes a due time with its day and how far off it is', () => {
    expect(dueWords('2026-11-20T13:30:00.000Z', london, now)).toBe('today 13:30 (in 4 hours)');
    expect(dueWords('2026-11-20T13:30:00.000Z', berlin, now)).toBe('heute 14:30 (in 4 Stunden)');
    expect(dueWords('2026-11-20T09:00:00.000Z', newYork, now)).toBe('today 4:00 AM (30 minutes ago)');
  });

  it('names the SPOC’s zone only when it is not the viewer’s', () => {
    expect(localTimeWords('Europe/London', london, now)).toBe('09:30 local time (your time zone)');
    expect(localTimeWords('Asia/Tokyo', london, now)).toBe('18:30 local time (Asia/Tokyo)');
    expect(localTimeWords('Europe/London', newYork, now)).toBe('9:30 AM local time (Europe/London)');
  });

  it('leaves out the day when it is today for the viewer', () => {
    expect(untilWords('2026-11-20T23:30:00.000Z', london, now)).toBe('23:30');
    // Already tomorrow in Berlin.
    expect(untilWords('2026-11-20T23:30:00.000Z', berlin, now)).toBe('morgen 00:30');
  });
});
