/**
 * The `Date` the app's bundle sees (load-bundle.ts passes it in place of the global): during an invocation
 * it reads the site clock, which tests and `POST /local/api/clock` move; outside one, the real time. A
 * subclass, so `instanceof Date` and every `Date` method keep working for the app and its libraries.
 */
export function siteDateClass(siteNowMs: () => number | undefined): DateConstructor {
  const RealDate = globalThis.Date;
  const now = (): number => siteNowMs() ?? RealDate.now();
  class SiteDate extends RealDate {
    constructor(...args: ConstructorParameters<DateConstructor> | []) {
      if (args.length === 0) super(now());
      else super(...(args as ConstructorParameters<DateConstructor>));
    }

    static override now(): number {
      return now();
    }
  }
  return SiteDate as unknown as DateConstructor;
}
