/**
 * Where the SPOC project page opens for the person who opens it: the subpage where their work is. A SPOC
 * (someone with a SPOC profile: routing gives issues only to them) triages; a project administrator, who keeps the
 * rosters, watches escalations; the delivery team works on vetted issues. Someone who is none of these, a
 * client reporter say, gets no subpage and is told who the pages are for.
 */
export type LandingRole = 'spoc' | 'manager' | 'delivery';

export type LandingSubpage = '/triage' | '/escalations' | '/vetted';

export interface PageCaller {
  /** Has a SPOC profile. */
  readonly isSpoc: boolean;
  /** Administers the project (or Jira): keeps rosters, policy and escalations. */
  readonly isProjectAdministrator: boolean;
  /** Named in the delivery team. */
  readonly isDelivery: boolean;
}

export interface Landing {
  readonly role: LandingRole | null;
  readonly subpage: LandingSubpage | null;
  /** Why, in words, for the page to say. */
  readonly reason: string;
}

const SUBPAGES: Readonly<Record<LandingRole, LandingSubpage>> = {
  spoc: '/triage',
  manager: '/escalations',
  delivery: '/vetted',
};

/**
 * The caller's own queue comes first: a SPOC who also administers the project still has issues waiting
 * for them; an administrator's work is what escalated; the delivery team's is what was vetted.
 */
export function landingFor(caller: PageCaller): Landing {
  const role: LandingRole | null = caller.isSpoc
    ? 'spoc'
    : caller.isProjectAdministrator
      ? 'manager'
      : caller.isDelivery
        ? 'delivery'
        : null;
  if (role === null) {
    return {
      role,
      subpage: null,
      reason:
        'You are not a SPOC, in the delivery team or an administrator of this project, so these pages have no work for you.',
    };
  }
  const reasons: Readonly<Record<LandingRole, string>> = {
    spoc: 'You are a SPOC: the client issues waiting for your triage come first.',
    manager: 'You administer this project: escalated and late client issues come first.',
    delivery: 'You are in the delivery team: client issues vetted for delivery come first.',
  };
  return { role, subpage: SUBPAGES[role], reason: reasons[role] };
}
