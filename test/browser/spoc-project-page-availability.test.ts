import { DateTime } from 'luxon';
import {
  AS,
  configuration,
  expectAccessible,
  expectText,
  focusTop,
  focused,
  hasFocus,
  openSubpage,
  pageCall,
  pageData,
  PEOPLE,
  pickDateByMouse,
  pickPersonByKeyboard,
  pickPersonByMouse,
  menuOption,
  openPickerByMouse,
  screenshotOf,
  startProjectPageWorld,
  finishProjectPageWorld,
  expectWithinPolicy,
  tabTo,
  typeDateByKeyboard,
  type ProjectPageWorld,
} from '../support/project-page';

/**
 * Availability on the demo configuration: a SPOC keeps their own hours, capacity and out-of-office periods
 * (with who covers, chosen with the people picker, and days with the date picker), by mouse and by keyboard
 * alone; a project administrator edits another SPOC's profile and makes someone new a SPOC; a developer
 * reads.
 */
let world: ProjectPageWorld;

beforeAll(async () => {
  world = await startProjectPageWorld();
}, 90_000);

afterEach(() => expectWithinPolicy(world));
afterAll(() => finishProjectPageWorld(world));

interface Profile {
  readonly capacity: number | null;
  readonly timeZone: string;
  readonly workingHours: unknown[];
  readonly outOfOffice: Array<{
    from: string;
    until: string;
    delegateAccountId: string | null;
    note?: string;
  }>;
}
const myProfile = async (accountId: string) =>
  (await pageData<{ profile: Profile }>(world, 'getMyProfile', accountId)).profile;

/** An absence from the first to the last day, as midnights in the SPOC's zone. */
const absence = (zone: string, first: string, last: string) => ({
  from: DateTime.fromISO(first, { zone }).toUTC().toISO(),
  until: DateTime.fromISO(last, { zone }).plus({ days: 1 }).toUTC().toISO(),
});

const MINE = '[data-testid=my-profile]';

describe('the pickers under Forge’s Content-Security-Policy', () => {
  it('draw with every rule applied: Emotion’s from an adopted sheet, no <style> element, no refusal', async () => {
    const frame = await openSubpage(world, AS.priya, 'availability');
    await frame.waitForSelector(`${MINE} [data-testid=profile-editor]`);
    // The calendar's Emotion rule (box-sizing, no border) once went into a <style> the policy refused.
    await openPickerByMouse(frame, 'mine-away-first');
    const month = frame.locator(`${MINE} [data-testid="away-first-picker--calendar--month"]`);
    await month.waitFor();
    expect(
      await month.evaluate((el) => {
        const style = getComputedStyle(el);
        return { boxSizing: style.boxSizing, border: style.borderTopStyle };
      }),
    ).toEqual({ boxSizing: 'border-box', border: 'none' });
    expect(
      await month.evaluate((el) =>
        document.adoptedStyleSheets.some((sheet) =>
          [...sheet.cssRules].some((rule) => rule.cssText.startsWith(`.${el.classList[0]} `)),
        ),
      ),
    ).toBe(true);
    await world.page.keyboard.press('Escape');
    // The people picker's menu floats over the form, as its compiled Atlaskit CSS says.
    await openPickerByMouse(frame, 'mine-away-delegate');
    await frame.fill('#mine-away-delegate', 'Chl');
    const option = menuOption(frame, 'mine-away-delegate', 'Chloe Wilson');
    await option.waitFor();
    expect(
      await option.evaluate((el) => getComputedStyle(el.closest('[class*="-menu"]') as Element).position),
    ).toBe('absolute');
    await world.page.keyboard.press('Escape');
    expect(await frame.evaluate(() => document.querySelectorAll('style').length)).toBe(0);
  });
});

describe('a SPOC’s own availability', () => {
  it('by mouse: the zone picked, the week as days and times with a night shift, capacity and an absence; the server’s refusals at their fields', async () => {
    const frame = await openSubpage(world, AS.priya, 'availability');
    await frame.waitForSelector('[data-testid=profile-table] table');
    await expectText(frame, '[data-testid=profile-table]', 'Conference and travel');
    // Priya is no administrator: only her own profile is offered.
    expect(await frame.$('[data-testid=other-profile]')).toBeNull();
    const before = await myProfile(PEOPLE.priya);

    // Her week, day by day: she works every day from 07:00 to 17:00.
    expect(await frame.inputValue(`${MINE} [data-testid=shift-mon-0-start]`)).toBe('07:00');
    expect(await frame.inputValue(`${MINE} [data-testid=shift-sun-0-end]`)).toBe('17:00');
    await expectText(frame, `${MINE} [data-testid=profile-hours]`, 'runs past midnight');

    // The zone is picked from the list, found by part of its name.
    await openPickerByMouse(frame, 'mine-zone');
    await frame.fill('#mine-zone', 'Lisb');
    await menuOption(frame, 'mine-zone', 'Europe/Lisbon').click();
    await expectText(frame, `${MINE} [data-testid=profile-zone]`, 'Europe/Lisbon');

    // The weekend off, 08:00–16:00 on Monday and then every weekday, and a second Friday shift that
    // overlaps the first; a capacity past the limit the field states.
    await frame.click(`${MINE} [data-testid=remove-shift-sun-0]`);
    await frame.click(`${MINE} [data-testid=remove-shift-sat-0]`);
    await expectText(frame, `${MINE} [data-testid=hours-sat-off]`, 'not working');
    await frame.fill(`${MINE} [data-testid=shift-mon-0-start]`, '08:00');
    await frame.fill(`${MINE} [data-testid=shift-mon-0-end]`, '16:00');
    await frame.click(`${MINE} [data-testid=copy-monday]`);
    expect(await frame.inputValue(`${MINE} [data-testid=shift-thu-0-end]`)).toBe('16:00');
    await frame.click(`${MINE} [data-testid=add-shift-fri]`);
    // A second shift starts where the first ended.
    expect(await frame.inputValue(`${MINE} [data-testid=shift-fri-1-start]`)).toBe('16:00');
    await frame.fill(`${MINE} [data-testid=shift-fri-1-start]`, '15:00');
    await frame.fill(`${MINE} [data-testid=shift-fri-1-end]`, '18:00');
    await expectText(frame, '#mine-capacity-helper', '0 to 500');
    await frame.fill(`${MINE} [data-testid=profile-capacity]`, '900');
    await frame.click(`${MINE} [data-testid=profile-save]`);
    await expectText(
      frame,
      `${MINE} [data-testid=shift-fri-1-end-error]`,
      'Fri 15:00–18:00 overlaps Fri 08:00–16:00',
    );
    await expectText(frame, `${MINE} [data-testid=profile-capacity-error]`, 'from 0 to 500');
    expect(await frame.getAttribute(`${MINE} [data-testid=shift-fri-1-end]`, 'aria-invalid')).toBe('true');
    expect(await frame.$(`${MINE} [data-testid=shift-fri-0-end-error]`)).toBeNull();
    await expectText(frame, `${MINE} [data-testid=profile-error]`, 'Fix each field marked in red');
    expect(await frame.textContent(`${MINE} [data-testid=profile-editor]`)).not.toMatch(
      /workingHours|capacity:/,
    );
    expect(await myProfile(PEOPLE.priya)).toEqual(before);

    // The second shift moved to the night: it ends on Saturday, as the editor says beside it.
    await frame.fill(`${MINE} [data-testid=shift-fri-1-start]`, '22:00');
    await frame.fill(`${MINE} [data-testid=shift-fri-1-end]`, '02:00');
    await expectText(frame, `${MINE} [data-testid=shift-fri-1-next-day]`, 'ends on Saturday');
    await frame.fill(`${MINE} [data-testid=profile-capacity]`, '7');
    await expectAccessible(frame, 'the weekly hours editor');
    await screenshotOf(world.page, frame, `${MINE} [data-testid=profile-hours]`, 'project-page-weekly-hours');

    // Two absences picked on the calendar; the second is removed again.
    const first = await pickDateByMouse(frame, MINE, 'away-first-picker', 14);
    const last = await pickDateByMouse(frame, MINE, 'away-last-picker', 18);
    expect(first).toMatch(/^\d{4}-\d{2}-14$/);
    expect(last).toBe(`${first.slice(0, 8)}18`);
    await pickPersonByMouse(frame, 'mine-away-delegate', 'Chloe Wilson');
    await frame.fill(`${MINE} [data-testid=away-note]`, 'Holidays');
    await frame.click(`${MINE} [data-testid=away-add]`);
    await expectText(
      frame,
      `${MINE} [data-testid=profile-away]`,
      `${first} – ${last} (Holidays), covered by Chloe Wilson`,
    );
    const other = await pickDateByMouse(frame, MINE, 'away-first-picker', 25);
    await pickDateByMouse(frame, MINE, 'away-last-picker', 26);
    await frame.click(`${MINE} [data-testid=away-add]`);
    await frame.click(`${MINE} [data-testid="remove-away-${other}"]`);
    expect(await frame.textContent(`${MINE} [data-testid=profile-away]`)).not.toContain(other);

    await frame.click(`${MINE} [data-testid=profile-save]`);
    await expectText(frame, '[data-testid=profile-saved]', 'Your availability is saved');
    await expectText(
      frame,
      '[data-testid=profile-table] tr:has-text("Priya Shah")',
      'covered by Chloe Wilson',
    );
    await expectText(
      frame,
      '[data-testid=profile-table] tr:has-text("Priya Shah")',
      'Friday 22:00–02:00 (ends on Saturday)',
    );
    const saved = await myProfile(PEOPLE.priya);
    expect(saved.capacity).toBe(7);
    expect(saved.timeZone).toBe('Europe/Lisbon');
    expect(saved.workingHours).toEqual([
      ...['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => ({ day, start: '08:00', end: '16:00' })),
      { day: 'fri', start: '22:00', end: '02:00' },
    ]);
    expect(saved.outOfOffice).toEqual([
      { ...absence('Europe/Lisbon', first, last), delegateAccountId: PEOPLE.chloe, note: 'Holidays' },
    ]);
  });

  it('answers a zone that is no time zone at its field, in words', async () => {
    const mine = await pageData<{ version: number; profile: Record<string, unknown> }>(
      world,
      'getMyProfile',
      PEOPLE.priya,
    );
    const reply = await pageCall(world, 'saveProfile', PEOPLE.priya, {
      profile: { ...mine.profile, timeZone: 'Mars/Olympus' },
      expectedVersion: mine.version,
    });
    expect(reply).toMatchObject({
      ok: false,
      code: 'invalid-input',
      problems: [
        {
          field: 'profile.timeZone',
          message: '"Mars/Olympus" is not a time zone; choose one such as Europe/London.',
        },
      ],
    });
  });

  it('by keyboard alone: the zone, a Saturday shift, capacity, an absence typed into the date pickers with a delegate, one removed', async () => {
    const { page } = world;
    const frame = await openSubpage(world, AS.priya, 'availability');
    await frame.waitForSelector(`${MINE} [data-testid=profile-editor]`);
    const before = await myProfile(PEOPLE.priya);
    await focusTop(frame);
    await tabTo(page, frame, (f) => f === '#mine-zone' || f.startsWith('profile-zone'));
    expect(await hasFocus(frame, 'mine-zone')).toBe(true);
    await page.keyboard.type('London', { delay: 20 });
    await menuOption(frame, 'mine-zone', 'Europe/London').waitFor();
    await page.keyboard.press('Enter');
    await expectText(frame, `${MINE} [data-testid=profile-zone]`, 'Europe/London');
    // A Saturday shift: the new shift's start takes the focus; the time fields take typed hours.
    await tabTo(page, frame, 'add-shift-sat');
    await page.keyboard.press('Enter');
    await frame.waitForFunction(() => document.activeElement?.id === 'mine-sat-0-start');
    // A new day's shift starts as 09:00–17:00; Tab walks through the hour, minute and AM/PM of each time.
    await page.keyboard.type('1000A');
    await tabTo(page, frame, 'shift-sat-0-end', 6);
    await page.keyboard.type('0200P');
    expect(await frame.inputValue(`${MINE} [data-testid=shift-sat-0-start]`)).toBe('10:00');
    expect(await frame.inputValue(`${MINE} [data-testid=shift-sat-0-end]`)).toBe('14:00');
    await tabTo(page, frame, 'profile-capacity');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('5');
    await tabTo(page, frame, (f) => f.startsWith('remove-away-'));
    await page.keyboard.press('Enter'); // removes the absence saved before
    // The focus stays in the list the absence left.
    expect(await frame.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(
      'Out of office',
    );
    await page.keyboard.press('Tab');
    expect(await hasFocus(frame, 'mine-away-first')).toBe(true);
    await typeDateByKeyboard(page, frame, 'mine-away-first', '2027-01-04');
    await page.keyboard.press('Tab');
    expect(await hasFocus(frame, 'mine-away-last')).toBe(true);
    // The calendar answers the arrow keys too: from the 4th, one week on and back a day is the 10th.
    await page.keyboard.type('2027-01-04');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await hasFocus(frame, 'mine-away-delegate')).toBe(true);
    await pickPersonByKeyboard(page, frame, 'mine-away-delegate', 'Daniel Okafor');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('away-note');
    await page.keyboard.type('Training');
    await page.keyboard.press('Tab');
    expect(await focused(frame)).toBe('away-add');
    await page.keyboard.press('Enter');
    await expectText(
      frame,
      `${MINE} [data-testid=profile-away]`,
      '2027-01-04 – 2027-01-10 (Training), covered by Daniel Okafor',
    );
    await tabTo(page, frame, 'profile-save');
    await page.keyboard.press('Enter');
    await expectText(frame, '[data-testid=profile-saved]', 'Your availability is saved');

    const saved = await myProfile(PEOPLE.priya);
    expect(before.outOfOffice).toHaveLength(1);
    expect(saved.capacity).toBe(5);
    expect(saved.timeZone).toBe('Europe/London');
    expect(saved.workingHours.at(-1)).toEqual({ day: 'sat', start: '10:00', end: '14:00' });
    expect(saved.outOfOffice).toEqual([
      {
        ...absence('Europe/London', '2027-01-04', '2027-01-10'),
        delegateAccountId: PEOPLE.daniel,
        note: 'Training',
      },
    ]);
  });
});

describe('an administrator and someone else’s availability', () => {
  const OTHER = '[data-testid=other-profile]';

  it('by mouse: picks Arjun, changes his capacity and saves; then makes Ben a SPOC', async () => {
    const frame = await openSubpage(world, AS.sam, 'availability');
    await frame.waitForSelector(OTHER);
    await expectText(frame, '[data-testid=not-a-spoc]', 'Add yours below');
    await pickPersonByMouse(frame, 'profile-person-input', 'Arjun Mehta');
    await expectText(frame, '[data-testid=other-profile-status]', 'Changing the availability of Arjun Mehta');
    await expectText(frame, `${OTHER} [data-testid=profile-zone]`, 'Asia/Kolkata');
    await frame.fill(`${OTHER} [data-testid=profile-capacity]`, '4');
    await frame.click(`${OTHER} [data-testid=profile-save]`);
    await expectText(frame, '[data-testid=profile-saved]', 'The availability of Arjun Mehta is saved');
    const arjun = (await configuration(world)).document.profiles.find((p) => p.accountId === PEOPLE.arjun);
    expect(arjun?.capacity).toBe(4);

    await pickPersonByMouse(frame, 'profile-person-input', 'Ben Carter');
    await expectText(frame, '[data-testid=other-profile-status]', 'Ben Carter has no SPOC profile yet');
    // A new SPOC starts in the time zone Jira has for them.
    await expectText(frame, `${OTHER} [data-testid=profile-zone]`, 'Europe/London');
    await frame.click(`${OTHER} [data-testid=profile-save]`);
    await expectText(frame, '[data-testid=profile-saved]', 'The availability of Ben Carter is saved');
    await expectText(frame, '[data-testid=profile-table]', 'Ben Carter');
    expect(await myProfile(PEOPLE.ben)).toMatchObject({ timeZone: 'Europe/London', capacity: null });
  });
});

describe('people who only read', () => {
  it('shows a developer every profile and nothing to edit', async () => {
    const frame = await openSubpage(world, AS.marco, 'availability');
    await frame.waitForSelector('[data-testid=profile-table] table');
    await expectText(frame, '[data-testid=not-a-spoc]', 'no SPOC profile');
    expect(await frame.$('[data-testid=profile-editor]')).toBeNull();
    expect(await frame.$('[data-testid=other-profile]')).toBeNull();
  });
});
