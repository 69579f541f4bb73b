import {
  at,
  checkAccountId,
  invalid,
  isNonEmptyString,
  isRecord,
  problem,
  valid,
  type Validated,
  type ValidationProblem,
} from './validation';

/**
 * Which client reported a new issue. Managers keep one ordered list of rules; the first enabled rule that
 * matches wins and is recorded, so anyone can see later why an issue went to a client's SPOC.
 */
export const MATCH_RULE_KINDS = [
  'jsm-organization',
  'reporter-group',
  'reporter-account',
  'project',
  'component',
  'label',
  'email-domain',
] as const;

export type MatchRuleKind = (typeof MATCH_RULE_KINDS)[number];

export interface ClientMatchRule {
  readonly id: string;
  readonly clientId: string;
  readonly kind: MatchRuleKind;
  /** Any one value matching is enough. */
  readonly values: readonly string[];
  /** Disabled rules stay in the list (and in its order) but never match. */
  readonly enabled?: boolean;
}

/** A component or group as Jira names it: groups may lack an id on older sites. */
export interface NamedRef {
  readonly id: string | null;
  readonly name: string;
}

/** What the app knows about a new issue when it decides which client reported it. */
export interface NewClientIssue {
  readonly project: { readonly id: string; readonly key: string };
  readonly components: readonly NamedRef[];
  readonly labels: readonly string[];
  readonly reporterAccountId: string | null;
  readonly reporterGroups: readonly NamedRef[];
  /** Null when Jira hides it, which Jira Cloud often does. */
  readonly reporterEmail: string | null;
  /** JSM organization ids of the request, empty for plain Jira issues. */
  readonly organizationIds: readonly string[];
}

export type ClientMatch =
  | {
      readonly outcome: 'matched';
      readonly clientId: string;
      readonly ruleId: string;
      /** 1-based position of the rule in the list, as managers see it. */
      readonly rulePosition: number;
      readonly kind: MatchRuleKind;
      readonly matchedValue: string;
      readonly reason: string;
      /** Rules before the winner that could not be checked (e.g. hidden email). */
      readonly notes: readonly string[];
    }
  | { readonly outcome: 'no-match'; readonly reasons: readonly string[] };

export interface MatchOptions {
  /** Client names for the reasons; the id is shown when a name is missing. */
  readonly clientNames?: Readonly<Record<string, string>>;
  /** Display names of people, so a reporter-account rule names the reporter rather than an account id. */
  readonly personNames?: Readonly<Record<string, string>>;
}

const KIND_LABELS: Readonly<Record<MatchRuleKind, string>> = {
  'jsm-organization': 'JSM organization',
  'reporter-group': "reporter's group",
  'reporter-account': 'reporter account',
  project: 'project',
  component: 'component',
  label: 'label',
  'email-domain': 'email domain',
};

export const describeRuleKind = (kind: MatchRuleKind): string => KIND_LABELS[kind];

const sameText = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

const matchesRef = (value: string, ref: NamedRef): boolean =>
  (ref.id !== null && ref.id === value.trim()) || sameText(ref.name, value);

function emailDomain(email: string): string | null {
  const at = email.lastIndexOf('@');
  if (at < 1 || at === email.length - 1) return null;
  return email.slice(at + 1).toLowerCase();
}

/** A domain rule covers its subdomains too: `acme.com` matches `eu.acme.com`. */
function domainMatches(domain: string, value: string): boolean {
  const wanted = value.trim().toLowerCase();
  return domain === wanted || domain.endsWith(`.${wanted}`);
}

function matchingValue(rule: ClientMatchRule, issue: NewClientIssue): string | undefined {
  const { values } = rule;
  switch (rule.kind) {
    case 'jsm-organization':
      return values.find((v) => issue.organizationIds.includes(v.trim()));
    case 'reporter-group':
      return values.find((v) => issue.reporterGroups.some((g) => matchesRef(v, g)));
    case 'reporter-account':
      return values.find((v) => issue.reporterAccountId !== null && v.trim() === issue.reporterAccountId);
    case 'project':
      return values.find((v) => sameText(v, issue.project.key) || v.trim() === issue.project.id);
    case 'component':
      return values.find((v) => issue.components.some((c) => matchesRef(v, c)));
    case 'label':
      return values.find((v) => issue.labels.some((l) => sameText(l, v)));
    case 'email-domain': {
      const domain = issue.reporterEmail === null ? null : emailDomain(issue.reporterEmail);
      return domain === null ? undefined : values.find((v) => domainMatches(domain, v));
    }
  }
}

function describeIssue(issue: NewClientIssue): string {
  const parts = [`project ${issue.project.key}`];
  parts.push(
    issue.components.length
      ? `components ${issue.components.map((c) => c.name).join(', ')}`
      : 'no components',
  );
  parts.push(issue.labels.length ? `labels ${issue.labels.join(', ')}` : 'no labels');
  parts.push(
    issue.organizationIds.length
      ? `JSM organizations ${issue.organizationIds.join(', ')}`
      : 'no JSM organization',
  );
  parts.push(issue.reporterAccountId === null ? 'no reporter' : `reporter ${issue.reporterAccountId}`);
  parts.push(
    issue.reporterGroups.length
      ? `reporter's groups ${issue.reporterGroups.map((g) => g.name).join(', ')}`
      : 'reporter in no groups',
  );
  parts.push(
    issue.reporterEmail === null ? 'email hidden' : `email domain ${emailDomain(issue.reporterEmail)}`,
  );
  return parts.join('; ');
}

/** A matched value as people read it: a reporter account by the person's name when it is known. */
function shownValue(kind: MatchRuleKind, value: string, options: MatchOptions): string {
  const name = kind === 'reporter-account' ? options.personNames?.[value.trim()] : undefined;
  return name ?? value;
}

/** First enabled rule that matches wins. */
export function matchClient(
  issue: NewClientIssue,
  rules: readonly ClientMatchRule[],
  options: MatchOptions = {},
): ClientMatch {
  const clientName = (id: string): string => options.clientNames?.[id] ?? id;
  const notes: string[] = [];
  let disabled = 0;
  for (const [index, rule] of rules.entries()) {
    const position = index + 1;
    if (rule.enabled === false) {
      disabled += 1;
      continue;
    }
    if (
      rule.kind === 'email-domain' &&
      (issue.reporterEmail === null || emailDomain(issue.reporterEmail) === null)
    ) {
      notes.push(
        `Rule ${position} (email domain ${rule.values.join(', ')} for ${clientName(rule.clientId)}) could not be ` +
          `checked: Jira does not reveal the reporter's email address.`,
      );
      continue;
    }
    const value = matchingValue(rule, issue);
    if (value !== undefined) {
      return {
        outcome: 'matched',
        clientId: rule.clientId,
        ruleId: rule.id,
        rulePosition: position,
        kind: rule.kind,
        matchedValue: value,
        reason: `Client ${clientName(rule.clientId)} matched by rule ${position} of ${rules.length} (${describeRuleKind(rule.kind)} ${shownValue(rule.kind, value, options)}).`,
        notes,
      };
    }
  }
  if (rules.length === 0) {
    return {
      outcome: 'no-match',
      reasons: ['No client rules are set up yet, so no client could be recognised.'],
    };
  }
  const checked = rules.length - disabled;
  const reasons = [
    `No client rule matched this issue (${checked} of ${rules.length} rules checked${disabled ? `, ${disabled} disabled` : ''}).`,
    `The issue has ${describeIssue(issue)}.`,
    ...notes,
  ];
  return { outcome: 'no-match', reasons };
}

/** Rule sets stay small enough to store as one value and to read in one screen. */
export const MAX_MATCH_RULES = 500;
const MAX_VALUES_PER_RULE = 100;
const MAX_VALUE_LENGTH = 255;

const VALUE_CHECKS: Readonly<Record<MatchRuleKind, { test: (v: string) => boolean; hint: string }>> = {
  'jsm-organization': { test: (v) => /^\d+$/.test(v), hint: 'a JSM organization id is a number, e.g. 17' },
  'reporter-group': { test: () => true, hint: '' },
  'reporter-account': { test: (v) => !/\s/.test(v) && v.length <= 128, hint: 'use a Jira account id' },
  project: {
    test: (v) => /^[A-Za-z][A-Za-z0-9_]{0,254}$/.test(v) || /^\d+$/.test(v),
    hint: 'use a project key such as SUP or a project id',
  },
  component: { test: () => true, hint: '' },
  label: { test: (v) => !/\s/.test(v), hint: 'Jira labels cannot contain spaces' },
  'email-domain': {
    test: (v) => /^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/.test(v),
    hint: 'write the domain alone, e.g. acme.com, without @',
  },
};

/** Checks an ordered rule list read from storage or a form. `knownClientIds` catches rules for deleted clients. */
export function validateMatchRules(
  input: unknown,
  knownClientIds?: readonly string[],
): Validated<readonly ClientMatchRule[]> {
  if (!Array.isArray(input)) return invalid([problem('rules', 'The client rules must be a list.')]);
  const problems: ValidationProblem[] = [];
  if (input.length > MAX_MATCH_RULES) {
    problems.push(
      problem('rules', `There can be at most ${MAX_MATCH_RULES} client rules; there are ${input.length}.`),
    );
  }
  const rules: ClientMatchRule[] = [];
  const ruleIds = new Map<string, number>();
  // kind + normalised value → position of the first rule that claims it
  const claimed = new Map<string, { position: number; clientId: string }>();
  for (const [index, raw] of input.entries()) {
    const path = at('rules', index);
    const position = index + 1;
    if (!isRecord(raw)) {
      problems.push(problem(path, `Rule ${position} must be an object with id, clientId, kind and values.`));
      continue;
    }
    const before = problems.length;
    const { id, clientId, kind, values, enabled } = raw;
    if (!isNonEmptyString(id)) problems.push(problem(at(path, 'id'), `Rule ${position} needs an id.`));
    else if (ruleIds.has(id)) {
      problems.push(
        problem(at(path, 'id'), `Rule ${position} has the same id "${id}" as rule ${ruleIds.get(id)}.`),
      );
    } else ruleIds.set(id, position);
    if (!isNonEmptyString(clientId)) {
      problems.push(problem(at(path, 'clientId'), `Rule ${position} must name the client it recognises.`));
    } else if (knownClientIds && !knownClientIds.includes(clientId)) {
      problems.push(
        problem(at(path, 'clientId'), `Rule ${position} names client "${clientId}", which does not exist.`),
      );
    }
    const knownKind = typeof kind === 'string' && (MATCH_RULE_KINDS as readonly string[]).includes(kind);
    if (!knownKind) {
      problems.push(
        problem(
          at(path, 'kind'),
          `Rule ${position} has unknown kind "${String(kind)}"; use one of ${MATCH_RULE_KINDS.join(', ')}.`,
        ),
      );
    }
    if (enabled !== undefined && typeof enabled !== 'boolean') {
      problems.push(problem(at(path, 'enabled'), `Rule ${position}: enabled must be true or false.`));
    }
    if (!Array.isArray(values) || values.length === 0) {
      problems.push(problem(at(path, 'values'), `Rule ${position} needs at least one value to match.`));
    } else if (values.length > MAX_VALUES_PER_RULE) {
      problems.push(
        problem(at(path, 'values'), `Rule ${position} has more than ${MAX_VALUES_PER_RULE} values.`),
      );
    } else {
      const seen = new Set<string>();
      for (const [vi, value] of values.entries()) {
        const vpath = at(at(path, 'values'), vi);
        if (!isNonEmptyString(value)) {
          problems.push(problem(vpath, `Rule ${position} has an empty value.`));
          continue;
        }
        if (value.length > MAX_VALUE_LENGTH) {
          problems.push(
            problem(vpath, `Rule ${position} has a value longer than ${MAX_VALUE_LENGTH} characters.`),
          );
          continue;
        }
        const trimmed = value.trim();
        const norm = trimmed.toLowerCase();
        if (seen.has(norm)) {
          problems.push(problem(vpath, `Rule ${position} lists "${trimmed}" twice.`));
          continue;
        }
        seen.add(norm);
        if (!knownKind) continue;
        const check = VALUE_CHECKS[kind as MatchRuleKind];
        if (kind === 'reporter-account') checkAccountId(trimmed, vpath, `Rule ${position}'s value`, problems);
        else if (!check.test(trimmed)) {
          problems.push(problem(vpath, `Rule ${position}: "${trimmed}" is not valid here; ${check.hint}.`));
          continue;
        }
        const key = `${String(kind)}\u0000${norm}`;
        const first = claimed.get(key);
        if (first === undefined) {
          claimed.set(key, { position, clientId: String(clientId) });
        } else {
          const label = describeRuleKind(kind as MatchRuleKind);
          problems.push(
            problem(
              vpath,
              first.clientId === clientId
                ? `Rule ${position}: ${label} "${trimmed}" is already covered by rule ${first.position}.`
                : `Rule ${position}: ${label} "${trimmed}" already matches client "${first.clientId}" in rule ` +
                    `${first.position}; the first rule wins, so this one would never apply.`,
            ),
          );
        }
      }
    }
    if (problems.length === before) {
      rules.push({
        id: id as string,
        clientId: clientId as string,
        kind: kind as MatchRuleKind,
        values: (values as string[]).map((v) => v.trim()),
        ...(enabled === undefined ? {} : { enabled: enabled as boolean }),
      });
    }
  }
  return problems.length ? invalid(problems) : valid(rules);
}

/**
 * Advice that does not block saving: clients recognised only by email domain, which Jira Cloud often hides.
 */
export function matchRuleWarnings(
  rules: readonly ClientMatchRule[],
  clientNames: Readonly<Record<string, string>> = {},
): readonly string[] {
  const kindsByClient = new Map<string, Set<MatchRuleKind>>();
  for (const rule of rules) {
    if (rule.enabled === false) continue;
    const kinds = kindsByClient.get(rule.clientId) ?? new Set<MatchRuleKind>();
    kinds.add(rule.kind);
    kindsByClient.set(rule.clientId, kinds);
  }
  const warnings: string[] = [];
  for (const [clientId, kinds] of kindsByClient) {
    if (kinds.size === 1 && kinds.has('email-domain')) {
      warnings.push(
        `Client ${clientNames[clientId] ?? clientId} is recognised only by email domain; Jira Cloud often hides ` +
          `reporters' email addresses, so add a JSM organization, group, project, component or label rule.`,
      );
    }
  }
  return warnings;
}
