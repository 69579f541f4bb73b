import type { ClientMatchRule, NewClientIssue } from '../client-matching';

/** A plain Jira issue in project SUP with nothing that identifies a client, unless overridden. */
export const aNewClientIssue = (overrides: Partial<NewClientIssue> = {}): NewClientIssue => ({
  project: { id: '10000', key: 'SUP' },
  components: [],
  labels: [],
  reporterAccountId: '5b10a2844c20165700ede21g',
  reporterGroups: [],
  reporterEmail: null,
  organizationIds: [],
  ...overrides,
});

let ruleCounter = 0;

export const aMatchRule = (overrides: Partial<ClientMatchRule> = {}): ClientMatchRule => {
  ruleCounter += 1;
  return {
    id: `rule-${ruleCounter}`,
    clientId: 'acme',
    kind: 'jsm-organization',
    values: ['17'],
    ...overrides,
  };
};
