import { TRIAGE_SCHEMA_VERSION, type TriageRecord } from './triage-record';
import { isRecord } from './validation';

/**
 * The searchable copy of a triage record, written as the issue entity property `spoc` and indexed for JQL
 * (`issue.property[spoc].state = "vetted"`). Anyone who can edit the issue can rewrite it, so it is only a
 * copy: the app compares what it reads back with its own record and rewrites the copy when they differ.
 * Fields with no value are left out, so `issue.property[spoc].dueAt IS EMPTY` finds them.
 */
export const TRIAGE_PROPERTY_KEY = 'spoc';

export interface TriageProperty {
  readonly schemaVersion: typeof TRIAGE_SCHEMA_VERSION;
  readonly state: TriageRecord['state'];
  readonly clientId: string;
  readonly spocAccountId?: string;
  readonly escalationLevel: number;
  readonly routedAt: string;
  readonly dueAt?: string;
  readonly vettedAt?: string;
  readonly bounceBacks: number;
}

/** Field → Jira entity-property index type, for the `jira:entityProperty` module. */
export const TRIAGE_PROPERTY_INDEX = {
  state: 'string',
  clientId: 'string',
  spocAccountId: 'user',
  escalationLevel: 'number',
  routedAt: 'date',
  dueAt: 'date',
  vettedAt: 'date',
  bounceBacks: 'number',
} as const;

export function toTriageProperty(record: TriageRecord): TriageProperty {
  return {
    schemaVersion: record.schemaVersion,
    state: record.state,
    clientId: record.clientId,
    ...(record.spocAccountId === null ? {} : { spocAccountId: record.spocAccountId }),
    escalationLevel: record.escalationLevel,
    routedAt: record.routedAt,
    ...(record.dueAt === null ? {} : { dueAt: record.dueAt }),
    ...(record.vettedAt === null ? {} : { vettedAt: record.vettedAt }),
    bounceBacks: record.bounceBacks,
  };
}

export type PropertyComparison =
  { readonly matches: true } | { readonly matches: false; readonly differences: readonly string[] };

const show = (value: unknown): string => (value === undefined ? 'missing' : JSON.stringify(value));

/** Whether the property read back from Jira still says what the app's record says, field by field. */
export function compareWithProperty(record: TriageRecord, readBack: unknown): PropertyComparison {
  if (readBack === undefined || readBack === null) {
    return { matches: false, differences: [`The issue has no "${TRIAGE_PROPERTY_KEY}" property.`] };
  }
  if (!isRecord(readBack)) {
    return {
      matches: false,
      differences: [`The "${TRIAGE_PROPERTY_KEY}" property on the issue is not an object.`],
    };
  }
  const expected: Readonly<Record<string, unknown>> = { ...toTriageProperty(record) };
  const differences: string[] = [];
  for (const key of new Set([...Object.keys(expected), ...Object.keys(readBack)])) {
    const want = expected[key];
    const got = readBack[key];
    if (want === got) continue;
    if (want === undefined) {
      differences.push(`${key} is ${show(got)} on the issue but not set in the app's record.`);
    } else {
      differences.push(`${key} is ${show(got)} on the issue but ${show(want)} in the app's record.`);
    }
  }
  return differences.length ? { matches: false, differences } : { matches: true };
}
