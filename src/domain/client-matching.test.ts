import { matchClient, matchRuleWarnings, type ClientMatchRule } from './client-matching';
import { aMatchRule, aNewClientIssue } from './testing/client-issue-builders';

const names = { acme: 'Acme Ltd', globex: 'Globex' };

describe('matchClient', () => {
  it.each<[string, ClientMatchRule, Parameters<typeof aNewClientIssue>[0]]>([
    [
      'JSM organization',
      aMatchRule({ kind: 'jsm-organization', values: ['17'] }),
      { organizationIds: ['3', '17'] },
    ],
    [
      "reporter's group by name, ignoring case",
      aMatchRule({ kind: 'reporter-group', values: ['ACME-users'] }),
      { reporterGroups: [{ id: 'g-1', name: 'acme-users' }] },
    ],
    [
      "reporter's group by id",
      aMatchRule({ kind: 'reporter-group', values: ['g-1'] }),
      { reporterGroups: [{ id: 'g-1', name: 'acme-users' }] },
    ],
    [
      'reporter account',
      aMatchRule({ kind: 'reporter-account', values: ['acc-9'] }),
      { reporterAccountId: 'acc-9' },
    ],
    ['project key', aMatchRule({ kind: 'project', values: ['acme'] }), { project: { id: '1', key: 'ACME' } }],
    [
      'project id',
      aMatchRule({ kind: 'project', values: ['10042'] }),
      { project: { id: '10042', key: 'X' } },
    ],
    [
      'component name',
      aMatchRule({ kind: 'component', values: ['Billing'] }),
      { components: [{ id: '5', name: 'billing' }] },
    ],
    ['label', aMatchRule({ kind: 'label', values: ['client-acme'] }), { labels: ['Client-Acme'] }],
    [
      'email domain',
      aMatchRule({ kind: 'email-domain', values: ['acme.com'] }),
      { reporterEmail: 'jo@acme.com' },
    ],
    [
      'email subdomain',
      aMatchRule({ kind: 'email-domain', values: ['acme.com'] }),
      { reporterEmail: 'jo@EU.Acme.com' },
    ],
  ])('matches by %s', (_name, rule, issue) => {
    const match = matchClient(aNewClientIssue(issue), [rule], { clientNames: names });
    expect(match).toMatchObject({ outcome: 'matched', clientId: 'acme', ruleId: rule.id, rulePosition: 1 });
  });

  it.each<[string, ClientMatchRule, Parameters<typeof aNewClientIssue>[0]]>([
    [
      'another organization',
      aMatchRule({ kind: 'jsm-organization', values: ['17'] }),
      { organizationIds: ['170'] },
    ],
    [
      'a look-alike domain',
      aMatchRule({ kind: 'email-domain', values: ['acme.com'] }),
      { reporterEmail: 'a@notacme.com' },
    ],
    ['a different label', aMatchRule({ kind: 'label', values: ['acme'] }), { labels: ['acme-old'] }],
    ['no reporter', aMatchRule({ kind: 'reporter-account', values: ['acc-9'] }), { reporterAccountId: null }],
  ])('does not match %s', (_name, rule, issue) => {
    expect(matchClient(aNewClientIssue(issue), [rule]).outcome).toBe('no-match');
  });

  it('takes the first matching rule and says which one, in words', () => {
    const rules = [
      aMatchRule({ id: 'by-label', clientId: 'globex', kind: 'label', values: ['globex'] }),
      aMatchRule({ id: 'by-org', clientId: 'acme', kind: 'jsm-organization', values: ['17'] }),
      aMatchRule({ id: 'by-project', clientId: 'globex', kind: 'project', values: ['SUP'] }),
    ];
    const match = matchClient(aNewClientIssue({ organizationIds: ['17'] }), rules, { clientNames: names });
    expect(match).toEqual({
      outcome: 'matched',
      clientId: 'acme',
      ruleId: 'by-org',
      rulePosition: 2,
      kind: 'jsm-organization',
      matchedValue: '17',
      reason: 'Client Acme Ltd matched by rule 2 of 3 (JSM organization 17).',
      notes: [],
    });
  });

  it('names the reporter of a reporter-account match when their name is known, else shows the account', () => {
    const rules = [aMatchRule({ clientId: 'acme', kind: 'reporter-account', values: ['acc-9'] })];
    const issue = aNewClientIssue({ reporterAccountId: 'acc-9' });
    const named = matchClient(issue, rules, { clientNames: names, personNames: { 'acc-9': 'Li Wei' } });
    expect(named).toMatchObject({
      matchedValue: 'acc-9',
      reason: expect.stringContaining('(reporter account Li Wei)'),
    });
    expect(matchClient(issue, rules, { clientNames: names })).toMatchObject({
      reason: expect.stringContaining('(reporter account acc-9)'),
    });
  });

  it('skips disabled rules', () => {
    const rules = [
      aMatchRule({ id: 'off', clientId: 'globex', kind: 'project', values: ['SUP'], enabled: false }),
      aMatchRule({ id: 'on', clientId: 'acme', kind: 'project', values: ['SUP'] }),
    ];
    expect(matchClient(aNewClientIssue(), rules)).toMatchObject({ outcome: 'matched', ruleId: 'on' });
  });

  it('notes an email rule it could not check because Jira hid the email, then carries on', () => {
    const rules = [
      aMatchRule({ clientId: 'globex', kind: 'email-domain', values: ['globex.com'] }),
      aMatchRule({ clientId: 'acme', kind: 'project', values: ['SUP'] }),
    ];
    const match = matchClient(aNewClientIssue({ reporterEmail: null }), rules, { clientNames: names });
    expect(match.outcome).toBe('matched');
    if (match.outcome !== 'matched') return;
    expect(match.clientId).toBe('acme');
    expect(match.notes).toEqual([
      "Rule 1 (email domain globex.com for Globex) could not be checked: Jira does not reveal the reporter's email address.",
    ]);
  });

  it('explains a miss: what was checked and what the issue looked like', () => {
    const rules = [
      aMatchRule({ kind: 'jsm-organization', values: ['17'] }),
      aMatchRule({ kind: 'label', values: ['x'], enabled: false }),
    ];
    const match = matchClient(aNewClientIssue({ labels: ['urgent'] }), rules);
    expect(match.outcome).toBe('no-match');
    if (match.outcome !== 'no-match') return;
    expect(match.reasons[0]).toBe('No client rule matched this issue (1 of 2 rules checked, 1 disabled).');
    expect(match.reasons[1]).toContain('project SUP');
    expect(match.reasons[1]).toContain('labels urgent');
    expect(match.reasons[1]).toContain('email hidden');
  });

  it('says when there are no rules at all', () => {
    expect(matchClient(aNewClientIssue(), [])).toEqual({
      outcome: 'no-match',
      reasons: ['No client rules are set up yet, so no client could be recognised.'],
    });
  });
});

describe('matchRuleWarnings', () => {
  it('warns about a client recognised only by email domain, not about one with another rule', () => {
    const rules = [
      aMatchRule({ clientId: 'globex', kind: 'email-domain', values: ['globex.com'] }),
      aMatchRule({ clientId: 'acme', kind: 'email-domain', values: ['acme.com'] }),
      aMatchRule({ clientId: 'acme', kind: 'jsm-organization', values: ['17'] }),
    ];
    const warnings = matchRuleWarnings(rules, names);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/^Client Globex is recognised only by email domain/);
  });
});
