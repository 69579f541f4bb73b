import { aRosterVersion } from './roster-builders';
import { aSpocProfile } from './spoc-profile-builders';

/**
 * Acme's configuration document as a manager would import it: one client, a label rule, a roster, Priya's
 * profile, and a policy that reverts bypasses. Unchecked, as the import arrives.
 */
export const aConfigurationDocument = (overrides: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  clients: [{ id: 'acme', name: 'Acme Ltd' }],
  rules: [{ id: 'r1', clientId: 'acme', kind: 'label', values: ['acme'] }],
  rosters: [{ clientId: 'acme', versions: [aRosterVersion()] }],
  profiles: [aSpocProfile()],
  policy: { bypass: 'revert' },
  ...overrides,
});
