import type { GatewayObserver } from '../../local/gateway/gateway';
import {
  createSiteConformanceChecker,
  formatViolation,
  type ConformanceChecker,
  type Violation,
} from './openapi-conformance';

/**
 * Feeds every answer of the local Jira to the OpenAPI conformance check. Attach `observe` to the
 * gateway (`createGateway({ observer })` or `gateway.addObserver`) and call `expectNoViolations()` in an
 * `afterAll` hook. Injected faults are skipped: they are failures on purpose, not Jira's answers.
 */
export interface ConformanceObserver {
  readonly observe: GatewayObserver;
  violations(): readonly Violation[];
  /** How many answers were checked against a documented operation. */
  checkedCount(): number;
  /** Throws one error listing every distinct violation seen so far. */
  expectNoViolations(): void;
  reset(): void;
}

let sharedChecker: ConformanceChecker | undefined;

export function createConformanceObserver(checker?: ConformanceChecker): ConformanceObserver {
  const use = checker ?? (sharedChecker ??= createSiteConformanceChecker());
  let found: Violation[] = [];
  let checked = 0;

  const observe: GatewayObserver = (entry, response) => {
    if (entry.injectedFault) return;
    if (use.templateFor(entry.method, entry.path) === undefined) return;
    checked += 1;
    found.push(
      ...use.check({
        method: entry.method,
        path: entry.path,
        status: response.status,
        body: response.body,
        contentType: contentTypeOf(response.headers, response.body),
      }),
    );
  };

  return {
    observe,
    violations: () => found,
    checkedCount: () => checked,
    expectNoViolations() {
      if (found.length === 0) return;
      const lines = [...new Set(found.map(formatViolation))];
      const shown = lines.slice(0, 50);
      const more = lines.length > shown.length ? `\n… and ${lines.length - shown.length} more` : '';
      throw new Error(
        `${lines.length} difference(s) from Jira's OpenAPI documents (test/fixtures/jira-openapi-extract.json, servicedesk-openapi-extract.json):\n` +
          shown.map((l) => `  ${l}`).join('\n') +
          more,
      );
    },
    reset() {
      found = [];
      checked = 0;
    },
  };
}

function contentTypeOf(
  headers: Readonly<Record<string, string>> | undefined,
  body: unknown,
): string | undefined {
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'content-type') return value;
  }
  // The site serialises non-string bodies as JSON.
  return body === undefined || typeof body === 'string' ? undefined : 'application/json';
}
