// Injected by local/forge/bundle.ts into the app's bundle in place of the global `Date`, so the app's
// unmodified code reads the site clock (which tests and POST /local/api/clock move) during an invocation,
// and the real time outside one. Plain JavaScript: esbuild injects it as it is.
const RealDate = globalThis.Date;
const INVOCATIONS = Symbol.for('spoc-for-jira.local.forge.invocations');

function siteNowMs() {
  const storage = globalThis[INVOCATIONS];
  const scope = storage && storage.getStore();
  return scope && typeof scope.nowMs === 'function' ? scope.nowMs() : RealDate.now();
}

class SiteDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(siteNowMs());
    else super(...args);
  }

  static now() {
    return siteNowMs();
  }
}

export { SiteDate as Date };
