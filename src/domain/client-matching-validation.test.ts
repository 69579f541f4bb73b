import { validateMatchRules } from './client-matching-validation';

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
    expect(messages({})).toEqual(['rules: The matching rules must be a list.']);
  });

  it('names unknown kinds and lists the known ones', () => {
    expect(messages([{ id: 'a', clientId: 'acme', kind: 'organisation', values: ['1'] }])).toEqual([
      'rules[0].kind: Rule 1 matches on "organisation", which the app does not know; use one of jsm-organization, reporter-group, ' +
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
    expect(messages(['x'])).toEqual(['rules[0]: Rule 1 needs a client, what it matches on and its values.']);
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
      `rules[4].values[0]: Rule 5's value "${'x'.repeat(40)}…" (129 characters) is not a valid Jira account id.`,
    ]);
  });

  it('refuses rules for clients that do not exist when the client list is given', () => {
    expect(messages([{ id: 'a', clientId: 'initech', kind: 'label', values: ['x'] }], ['acme'])).toEqual([
      'rules[0].clientId: Rule 1 names client "initech", which does not exist.',
    ]);
  });
});
