import type { SiteClock } from '../clock';

/** Milliseconds from a clock that never goes back (performance.now by default; tests pass their own). */
export type MonotonicSource = () => number;

export const realMonotonic: MonotonicSource = () => performance.now();

/**
 * The time burst buckets and per-issue write windows run on: real (monotonic) time plus every forward move
 * of the site clock. Those limits are about seconds of real traffic, so they must refill while the site
 * clock stands still (`frozen`, the default in tests), and also when a test moves the site clock instead
 * of waiting. Moving the site clock back refills nothing and takes nothing back: this clock never runs
 * backwards.
 *
 * A move is measured when the site clock reports it (`onChange`): it is how far the site clock got ahead
 * of where it would have been anyway, which is where it was at the last look for a frozen clock and that
 * plus the wall time since then for a running one. The site clock does not say which it is, so this is
 * learnt from any two looks with no move between them (a frozen clock has not moved, a running one has);
 * until then it is taken to be frozen, which can count a move of a running clock a few milliseconds long.
 */
export class LimitClock {
  private nowMsValue: number;
  private last: { monotonicMs: number; siteMs: number; wallMs: number };
  private runsByItself = false;

  constructor(
    private readonly site: SiteClock,
    private readonly monotonic: MonotonicSource = realMonotonic,
  ) {
    this.last = { monotonicMs: monotonic(), siteMs: site.nowMs(), wallMs: Date.now() };
    this.nowMsValue = this.last.siteMs;
    site.onChange(() => this.look(true));
  }

  nowMs(): number {
    return this.look(false);
  }

  private look(moved: boolean): number {
    const now = { monotonicMs: this.monotonic(), siteMs: this.site.nowMs(), wallMs: Date.now() };
    const siteAdvance = now.siteMs - this.last.siteMs;
    const wallElapsed = now.wallMs - this.last.wallMs;
    let move = 0;
    if (moved) {
      move = this.runsByItself ? siteAdvance - wallElapsed : siteAdvance;
    } else if (wallElapsed >= 2) {
      // Every move is looked at as it happens, so nothing moved the clock since the last look. 2 ms, so
      // that a running clock read just before a millisecond ticks over cannot look frozen.
      this.runsByItself = siteAdvance > 0;
    }
    this.nowMsValue += Math.max(0, now.monotonicMs - this.last.monotonicMs) + Math.max(0, move);
    this.last = now;
    return this.nowMsValue;
  }
}
