import { resolveDeliveryTarget } from '../domain';
import { vettedComment } from './comments';
import {
  optionalText,
  payloadObject,
  runTriageVerb,
  type TriageActionDeps,
  type TriageActionParams,
  type TriageActionResult,
  type TriageVerb,
} from './triage-action';
import { ROUTED_LABEL } from './triage-entry';

/** The SPOC vetted the issue: it goes to the client's delivery target (a person, a component lead, or nobody). */
export const VETTED_LABEL = 'spoc-vetted';

export const acceptForDeliveryVerb: TriageVerb<{ note?: string }> = {
  name: 'accept-for-delivery',
  parse(payload) {
    const body = payloadObject(payload);
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

export const acceptForDelivery = {
  execute: (params: TriageActionParams<unknown>, deps: TriageActionDeps): Promise<TriageActionResult> =>
    runTriageVerb(acceptForDeliveryVerb, params, deps),
};
