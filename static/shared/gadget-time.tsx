import { useEffect, useState } from 'react';
import { formatMoment, type Moment as Instant, type Viewer } from './time';

/**
 * "Now" for a gadget's relative words ("3 days ago", "tomorrow 09:00"): the snapshot's own time, moved on by
 * however long the view has been open, and ticking each minute so the words never go stale. Anchored on the
 * snapshot rather than the browser's clock, so the words agree with the numbers they stand beside (and with
 * a site whose clock is not the browser's, as on the local site).
 */
export function useViewTime(takenAt: string): Date {
  const [now, setNow] = useState(() => new Date(takenAt));
  useEffect(() => {
    const anchor = Date.parse(takenAt);
    const receivedAt = Date.now();
    setNow(new Date(anchor));
    const tick = setInterval(() => setNow(new Date(anchor + Date.now() - receivedAt)), 60_000);
    return () => clearInterval(tick);
  }, [takenAt]);
  return now;
}

/**
 * A moment as words (made by static/shared/time.ts), marked up as a `<time>` whose tooltip gives the date
 * and time in full, so "3 days ago" can always be pinned down.
 */
export function Moment({
  at,
  viewer,
  children,
  testId,
}: {
  at: Instant;
  viewer: Viewer;
  children: string;
  testId?: string;
}) {
  const iso = new Date(at).toISOString();
  return (
    <time
      dateTime={iso}
      title={formatMoment(iso, viewer)}
      data-testid={testId}
      style={{ whiteSpace: 'nowrap' }}
    >
      {children}
    </time>
  );
}
