import { matchClient, matchRuleWarnings, validateMatchRules, type ClientMatchRule } from './client-matching';
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

describe('validateMatchRules', () => {
  const messages = (input: unknown, clients?: string[]): string[] => {
    const result = validateMatchRules(input, clients);
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('accepts a good rule set and trims values', () => {
    const result = validateMatchRules([
      { id: 'a', clientId: 'acme', kind: 'jsm-organization', values: [' 17 '] },
      { id: 'b', clientId: 'acme', kind: 'email-domain', values: ['acme.com'], enabled: false },
    ]);
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'a', clientId: 'acme', kind: 'jsm-organization', values: ['17'] },
        { id: 'b', clientId: 'acme', kind: 'email-domain', values: ['acme.com'], enabled: false },
      ],
    });
  });

  it('refuses something that is not a list', () => {
    expect(messages({})).toEqual(['rules: The client rules must be a list.']);
  });

  it('names unknown kinds and lists the known ones', () => {
    expect(messages([{ id: 'a', clientId: 'acme', kind: 'organisation', values: ['1'] }])).toEqual([
      'rules[0].kind: Rule 1 has unknown kind "organisation"; use one of jsm-organization, reporter-group, ' +
        'reporter-account, project, component, label, email-domain.',
    ]);
  });

  it('refuses empty values, empty value lists and missing fields', () => {
    expect(messages([{ id: 'a', clientId: 'acme', kind: 'label', values: [] }])).toEqual([
      'rules[0].values: Rule 1 needs at least one value to match.',
    ]);
    expect(messages([{ id: 'a', clientId: 'acme', kind: 'label', values: ['  '] }])).toEqual([
      'rules[0].values[0]: Rule 1 has an empty value.',
    ]);
    expect(messages([{ kind: 'label', values: ['x'] }])).toEqual([
      'rules[0].id: Rule 1 needs an id.',
      'rules[0].clientId: Rule 1 must name the client it recognises.',
    ]);
    expect(messages(['x'])).toEqual([
      'rules[0]: Rule 1 must be an object with id, clientId, kind and values.',
    ]);
  });

  it('refuses duplicate ids, repeated values and values another rule already claims', () => {
    expect(
      messages([
        { id: 'a', clientId: 'acme', kind: 'label', values: ['x', 'X'] },
        { id: 'a', clientId: 'acme', kind: 'label', values: ['y'] },
        { id: 'c', clientId: 'acme', kind: 'label', values: ['y'] },
        { id: 'd', clientId: 'globex', kind: 'label', values: ['Y'] },
        { id: 'e', clientId: 'globex', kind: 'component', values: ['y'] },
      ]),
    ).toEqual([
      'rules[0].values[1]: Rule 1 lists "X" twice.',
      'rules[1].id: Rule 2 has the same id "a" as rule 1.',
      'rules[2].values[0]: Rule 3: label "y" is already covered by rule 2.',
      'rules[3].values[0]: Rule 4: label "Y" already matches client "acme" in rule 2; the first rule wins, so ' +
        'this one would never apply.',
    ]);
  });

  it('checks values by kind', () => {
    expect(
      messages([
        { id: 'a', clientId: 'acme', kind: 'email-domain', values: ['@acme.com'] },
        { id: 'b', clientId: 'acme', kind: 'jsm-organization', values: ['Acme'] },
        { id: 'c', clientId: 'acme', kind: 'label', values: ['two words'] },
        { id: 'd', clientId: 'acme', kind: 'project', values: ['SUP-1'] },
        { id: 'e', clientId: 'acme', kind: 'reporter-account', values: ['x'.repeat(129)] },
      ]),
    ).toEqual([
      'rules[0].values[0]: Rule 1: "@acme.com" is not valid here; write the domain alone, e.g. acme.com, without @.',
      'rules[1].values[0]: Rule 2: "Acme" is not valid here; a JSM organization id is a number, e.g. 17.',
      'rules[2].values[0]: Rule 3: "two words" is not valid here; Jira labels cannot contain spaces.',
      'rules[3].values[0]: Rule 4: "SUP-1" is not valid here; use a project key such as SUP or a project id.',
      `rules[4].values[0]: Rule 5's value "${'x'.repeat(40)}" is not a valid Jira account id.`,
    ]);
  });

  it('refuses rules for clients that do not exist when the client list is given', () => {
    expect(messages([{ id: 'a', clientId: 'initech', kind: 'label', values: ['x'] }], ['acme'])).toEqual([
      'rules[0].clientId: Rule 1 names client "initech", which does not exist.',
    ]);
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
