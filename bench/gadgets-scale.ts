/**
 * What a dashboard's SPOC gadgets cost at growing numbers of open client issues: their Jira calls and
 * points (they read the app's own records, so none) and how long a view takes here. A refresh is the same
 * resolver call made again (the Refresh control, or the dashboard's auto-refresh).
 */
import type { Site } from '../local/site';
import { PEOPLE } from '../local/spoc-demo';
import { costOf, type Cost } from './lifecycle';
import { countOpen, siteWithOpenIssues } from './sweep-scale';

export interface GadgetCost {
  readonly size: number;
  readonly view: Cost & { readonly ms: number };
  readonly refresh: Cost & { readonly ms: number };
}

const GADGETS = ['spoc-workload-gadget', 'spoc-escalations-gadget'] as const;

async function timedCost(site: Site, run: () => Promise<unknown>): Promise<Cost & { ms: number }> {
  const started = performance.now();
  const cost = await costOf(site, run);
  return { ...cost, ms: performance.now() - started };
}

/** Both gadgets viewed by the manager, then refreshed, on a site with `size` open client issues. */
export async function gadgetCostAt(size: number): Promise<GadgetCost> {
  const { site } = await siteWithOpenIssues(size, 1);
  try {
    const both = () =>
      Promise.all(
        GADGETS.map((moduleKey) =>
          site.forge.invokeResolver({
            moduleKey,
            functionKey: 'getSnapshot',
            accountId: PEOPLE.hannah,
            context: { extension: { gadgetConfiguration: { maxRows: 10 } } },
          }),
        ),
      );
    const view = await timedCost(site, both);
    const refresh = await timedCost(site, both);
    return { size: countOpen(site), view, refresh };
  } finally {
    await site.close();
  }
}
