import { resolveDeliveryTarget } from '../domain';
import { vettedComment } from './support/comments';
import { optionalText, payloadRecord } from './support/payload';
import { VETTERS, VETTERS_ARE, type TriageVerb } from './support/triage-verb';
import { ROUTED_LABEL } from './support/triage-entry';

/** The SPOC vetted the issue: it goes to the client's delivery target (a person, a component lead, or nobody). */
export const VETTED_LABEL = 'spoc-vetted';

export const acceptForDelivery: TriageVerb<{ note?: string }> = {
  name: 'accept-for-delivery',
  whoMay: { roles: VETTERS, jira: ['EDIT_ISSUES', 'ASSIGN_ISSUES'], who: VETTERS_ARE },
  parse(payload) {
    const body = payloadRecord(payload);
    const note = optionalText(body, 'note', 'The note');
    return note ? { note } : {};
  },
  async plan(context, input) {
    const target = context.roster?.deliveryTarget ?? { kind: 'unassigned' as const };
    const leads =
      target.kind === 'component-lead'
        ? { [target.componentId]: await context.deps.jira.componentLead(target.componentId) }
        : {};
    const delivery = resolveDeliveryTarget(target, leads, context.names);
    return {
      action: { type: 'accept-for-delivery', ...(input.note ? { note: input.note } : {}) },
      writes: () => [
        {
          kind: 'edit',
          assignee: delivery.accountId,
          addLabels: [VETTED_LABEL],
          removeLabels: [ROUTED_LABEL],
        },
        {
          kind: 'comment',
          internal: true,
          body: vettedComment(context.caller, delivery.reason, input.note, context.names),
        },
      ],
    };
  },
};
