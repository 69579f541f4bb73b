import type { AppJira, Clock, ConfigurationReader, TriageRepository } from './ports';
import { repairCopyIfChanged } from './support/property-repair';

/**
 * A later event on a routed issue carries the values of its searchable `spoc` copy as Jira held them
 * (`payload.include.propertyPaths`): when someone rewrote or deleted the copy, the app restores it now,
 * with no read from Jira, and notes the repair in the issue's history.
 */
export interface RestoreTriageCopyParams {
  readonly issueId: string;
  /** The event's `payloadIncludeProperties`: `issue.properties['spoc'].<field>` → value, missing ones left out. */
  readonly included: Readonly<Record<string, unknown>>;
}

export interface RestoreTriageCopyDeps {
  readonly clock: Clock;
  readonly config: ConfigurationReader;
  readonly triage: TriageRepository;
  readonly jira: AppJira;
}

const PATH = /^issue\.properties\['spoc'\]\.([A-Za-z]+)$/;

/** The copy as the event saw it; undefined when it had none of its fields (the property was deleted). */
export function copyFromEvent(
  included: Readonly<Record<string, unknown>>,
): Record<string, unknown> | undefined {
  const copy: Record<string, unknown> = {};
  for (const [path, value] of Object.entries(included)) {
    const field = PATH.exec(path)?.[1];
    if (field) copy[field] = value;
  }
  return Object.keys(copy).length > 0 ? copy : undefined;
}

export const restoreTriageCopy = {
  async execute(params: RestoreTriageCopyParams, deps: RestoreTriageCopyDeps): Promise<boolean> {
    const stored = await deps.triage.get(params.issueId);
    if (!stored) return false;
    const outcome = await repairCopyIfChanged(stored, copyFromEvent(params.included), deps);
    return outcome.repaired;
  },
};
