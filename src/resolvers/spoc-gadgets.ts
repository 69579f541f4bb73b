import Resolver from '@forge/resolver';
import { resolverDependencies } from '../composition';
import {
  checkEscalationsConfig,
  checkWorkloadConfig,
  type GadgetConfigCheck,
  type GadgetConfigProblem,
} from '../contract/gadgets';
import { getEscalationSnapshot } from '../usecases/get-escalation-snapshot';
import { getWorkloadSnapshot } from '../usecases/get-workload-snapshot';
import {
  authorizeGadgetViewer,
  type GadgetDeps,
  type GadgetParams,
} from '../usecases/support/gadget-snapshot';
import { InvalidInputError } from '../usecases/errors';
import { answer, type ResolverContext } from './answer';

/**
 * Resolvers of the dashboard gadgets (`spoc-workload-gadget`, `spoc-escalations-gadget`): `getSnapshot`
 * answers numbers built from the app's records in KVS, so a dashboard full of gadgets costs no rate-limit
 * points. The gadget's saved configuration (`extension.gadgetConfiguration`, from Jira, but written by
 * whoever could edit the dashboard) is checked as a whole with the edit views' own rules; a bad one is
 * refused in words, after the caller is known to be someone the numbers are for. Shapes: src/contract/gadgets.ts.
 */
interface GadgetContext extends ResolverContext {
  readonly extension?: ResolverContext['extension'] & { readonly gadgetConfiguration?: unknown };
}

export function invalidConfigurationMessage(problems: readonly GadgetConfigProblem[]): string {
  return (
    `This gadget's saved settings cannot be used: ${problems.map((p) => p.message).join(' ')} ` +
    'Whoever can edit this dashboard can fix them with the gadget’s Configure.'
  );
}

function gadgetResolver<Config, Snapshot>(
  check: (raw: unknown) => GadgetConfigCheck<Config>,
  snapshot: { execute(params: GadgetParams<Config>, deps: GadgetDeps): Promise<Snapshot> },
) {
  const resolver = new Resolver();
  resolver.define('getSnapshot', ({ context }) => {
    const gadgetContext = context as GadgetContext;
    return answer<Snapshot>(gadgetContext, async (caller) => {
      const { clock, config, triage, jira } = resolverDependencies();
      const deps: GadgetDeps = { clock, config, triage, jira };
      const checked = check(gadgetContext.extension?.gadgetConfiguration);
      if (!checked.ok) {
        // Only people the numbers are for learn what the settings say.
        await authorizeGadgetViewer(caller, deps);
        throw new InvalidInputError(invalidConfigurationMessage(checked.problems));
      }
      return snapshot.execute({ callerAccountId: caller, config: checked.config }, deps);
    });
  });
  return resolver.getDefinitions();
}

export const spocWorkloadGadgetResolver = gadgetResolver(checkWorkloadConfig, getWorkloadSnapshot);
export const spocEscalationsGadgetResolver = gadgetResolver(checkEscalationsConfig, getEscalationSnapshot);
