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
