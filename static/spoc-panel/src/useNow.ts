import { useEffect, useMemo, useState } from 'react';

/**
 * The app's clock as it moves on: the resolver's `now` plus what the browser's clock has run since, so
 * "in 2 hours" and "today" agree with the app's due times even when the browser's own clock is off.
 * Moves every half minute, so relative words never go stale on a panel left open.
 */
export function useNow(appNow: string): Date {
  const offset = useMemo(() => {
    const at = Date.parse(appNow);
    return Number.isNaN(at) ? 0 : at - Date.now();
  }, [appNow]);
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((n) => n + 1), 30_000);
    return () => window.clearInterval(timer);
  }, []);
  return new Date(Date.now() + offset);
}
