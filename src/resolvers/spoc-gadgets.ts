import Resolver from '@forge/resolver';
import { getEscalationSnapshot, getWorkloadSnapshot, type GadgetParams } from '../usecases/gadget-snapshots';
import { answer, type ResolverContext } from './answer';
import { resolverDependencies } from './dependencies';
import { projectKeyFrom } from './reply';

/**
 * Resolvers of the dashboard gadgets (`spoc-workload-gadget`, `spoc-escalations-gadget`): `getSnapshot`
 * answers numbers built from the app's records in KVS, so a dashboard full of gadgets costs no rate-limit
 * points. The gadget's saved configuration only narrows what is shown. Shapes: src/contract/gadgets.ts.
 */
interface GadgetContext extends ResolverContext {
  readonly extension?: ResolverContext['extension'] & {
    readonly gadgetConfiguration?: { readonly projectKey?: unknown; readonly maxRows?: unknown };
  };
}

function paramsOf(caller: string, context: GadgetContext): GadgetParams {
  const config = context.extension?.gadgetConfiguration ?? {};
  const maxRows =
    typeof config.maxRows === 'number' && Number.isInteger(config.maxRows) ? config.maxRows : 10;
  return {
    callerAccountId: caller,
    projectKey: projectKeyFrom(config.projectKey) ?? null,
    maxRows: Math.min(50, Math.max(1, maxRows)),
  };
}

function gadgetResolver<T>(snapshot: {
  execute(
    params: GadgetParams,
    deps: Pick<ReturnType<typeof resolverDependencies>, 'clock' | 'config' | 'triage'>,
  ): Promise<T>;
}) {
  const resolver = new Resolver();
  resolver.define('getSnapshot', ({ context }) =>
    answer<T>(context as GadgetContext, (caller) => {
      const { clock, config, triage } = resolverDependencies();
      return snapshot.execute(paramsOf(caller, context as GadgetContext), { clock, config, triage });
    }),
  );
  return resolver.getDefinitions();
}

export const spocWorkloadGadgetResolver = gadgetResolver(getWorkloadSnapshot);
export const spocEscalationsGadgetResolver = gadgetResolver(getEscalationSnapshot);
