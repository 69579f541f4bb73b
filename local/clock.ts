/**
 * The site's clock. Everything time-dependent on the local site (issue timestamps, KVS times, scheduled
 * triggers, rate-limit windows) reads this clock, so tests can move time instead of waiting.
 *
 * `real` mode follows wall time plus an offset (for `npm start`); `frozen` mode stands still until moved
 * (for tests).
 */
export type ClockMode = 'real' | 'frozen';

export type ClockListener = (now: Date) => void;

export class SiteClock {
  private offsetMs = 0;
  private frozenAtMs: number;
  private readonly listeners = new Set<ClockListener>();

  constructor(
    private readonly mode: ClockMode = 'real',
    start?: Date,
  ) {
    this.frozenAtMs = (start ?? new Date()).getTime();
    if (mode === 'real' && start) this.offsetMs = start.getTime() - Date.now();
  }

  nowMs(): number {
    return this.mode === 'frozen' ? this.frozenAtMs + this.offsetMs : Date.now() + this.offsetMs;
  }

  now(): Date {
    return new Date(this.nowMs());
  }

  /** ISO 8601 with milliseconds and `Z`, as stored in the database. */
  iso(): string {
    return this.now().toISOString();
  }

  advanceMinutes(minutes: number): Date {
    if (!Number.isFinite(minutes)) throw new RangeError('advanceMinutes needs a finite number');
    this.offsetMs += minutes * 60_000;
    return this.changed();
  }

  set(at: Date): Date {
    if (Number.isNaN(at.getTime())) throw new RangeError('set needs a valid date');
    this.offsetMs = at.getTime() - (this.mode === 'frozen' ? this.frozenAtMs : Date.now());
    return this.changed();
  }

  onChange(listener: ClockListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): Date {
    const now = this.now();
    for (const listener of this.listeners) listener(now);
    return now;
  }
}
