import { SiteClock } from '../clock';
import { LimitClock } from './limit-clock';

describe('LimitClock: real time plus site-clock moves', () => {
  test('on a frozen site clock: real time and every forward move add up', () => {
    const site = new SiteClock('frozen', new Date('2026-03-02T10:15:00Z'));
    let real = 0;
    const clock = new LimitClock(site, () => real);
    const start = clock.nowMs();
    real += 400;
    site.set(new Date(site.nowMs() + 600));
    expect(clock.nowMs() - start).toBe(1000);
    site.advanceMinutes(1);
    expect(clock.nowMs() - start).toBe(61_000);
  });

  test('moving the site clock back takes nothing away, and moving it forward again counts again', () => {
    const site = new SiteClock('frozen', new Date('2026-03-02T10:15:00Z'));
    let real = 0;
    const clock = new LimitClock(site, () => real);
    const start = clock.nowMs();
    site.advanceMinutes(-60);
    expect(clock.nowMs()).toBe(start);
    site.advanceMinutes(60);
    real += 5;
    expect(clock.nowMs() - start).toBe(3_600_005);
  });

  test('on a running site clock, a move counts without the wall time that passed before it', async () => {
    const site = new SiteClock('real');
    const clock = new LimitClock(site, () => 0); // real time stands still here: only moves count
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    await sleep(20);
    const before = clock.nowMs(); // a look with no move since the last: the site clock runs by itself
    await sleep(60);
    site.advanceMinutes(10);
    // Taken for a frozen clock, the 60 ms the running clock ran by itself would count as part of the move.
    expect(Math.abs(clock.nowMs() - before - 600_000)).toBeLessThan(10);
  });
});
