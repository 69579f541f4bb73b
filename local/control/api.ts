import { jiraError, Router } from '../http/router';
import { json, type SiteRequest } from '../http/types';
import type { DemoSeed } from '../seed/types';
import type { Site } from '../site';

/**
 * The control API for scripts and tests (documented in local/README.md). It is a development tool: it
 * trusts its caller, so the site listens on loopback only.
 */
type ControlSite = Omit<Site, 'url' | 'port' | 'close'>;

export function createControlApi(site: ControlSite): Router {
  const router = new Router();

  router.get('/local/api/seed', () => json(200, publicSeed(site.profile.seed)));

  router.get('/local/api/requests', (req) => {
    const since = numberParam(req, 'since');
    const caller = req.query.get('caller') ?? undefined;
    const entries = site.gateway.requestLog
      .entries()
      .filter(
        (e) => (since === undefined || e.id > since) && (caller === undefined || e.caller.startsWith(caller)),
      );
    return json(200, { entries, totals: totalsOf(entries) });
  });
  router.delete('/local/api/requests', () => {
    site.gateway.requestLog.clear();
    return json(204);
  });

  router.get('/local/api/clock', () => json(200, { now: site.clock.iso() }));
  router.post('/local/api/clock', (req) => {
    const body = req.body as { advanceMinutes?: unknown; set?: unknown } | undefined;
    if (body && typeof body.advanceMinutes === 'number' && Number.isFinite(body.advanceMinutes)) {
      site.clock.advanceMinutes(body.advanceMinutes);
    } else if (body && typeof body.set === 'string' && !Number.isNaN(Date.parse(body.set))) {
      site.clock.set(new Date(body.set));
    } else {
      return jiraError(400, 'Send {"advanceMinutes": <number>} or {"set": "<ISO 8601 time>"}.');
    }
    return json(200, { now: site.clock.iso() });
  });

  router.post('/local/api/scheduled/run', async (req) => {
    const all = (req.body as { all?: unknown } | undefined)?.all === true;
    const results = await site.forge.runScheduledTriggers({ all });
    return json(200, { results });
  });

  router.post('/local/api/invoke', async (req) => {
    const body = req.body as Record<string, unknown> | undefined;
    const problem = invokeProblem(body);
    if (problem || !body) return jiraError(400, problem ?? 'Missing body.');
    const accountId = body.asUser as string | undefined;
    if (accountId !== undefined && !site.jira.store.getUser(accountId)) {
      return jiraError(400, `No person with accountId ${accountId} on this site.`);
    }
    try {
      const result = await site.forge.invokeResolver({
        moduleKey: body.moduleKey as string,
        functionKey: body.functionKey as string,
        payload: body.payload,
        accountId,
        context: (body.context as Record<string, unknown> | undefined) ?? {},
      });
      return json(200, { result });
    } catch (error) {
      return jiraError(400, (error as Error).message);
    }
  });

  router.get('/local/api/invocations', () => json(200, { invocations: site.forge.invocations() }));

  router.post('/local/api/idle', async () => {
    await site.idle();
    return json(200, { idle: true });
  });

  router.post('/local/api/reset', async () => {
    await site.reset();
    return json(200, { reset: true, now: site.clock.iso() });
  });

  router.get('/local/api/faults', () =>
    json(200, {
      fault: site.gateway.faults.current() ?? null,
      mix: site.gateway.faults.mix(),
      injected: site.gateway.faults.injected(),
    }),
  );
  router.post('/local/api/faults', (req) => {
    try {
      site.gateway.faults.set(req.body as never);
    } catch (error) {
      return jiraError(400, (error as Error).message);
    }
    return json(200, { fault: site.gateway.faults.current() ?? null, mix: site.gateway.faults.mix() });
  });
  router.delete('/local/api/faults', () => {
    site.gateway.faults.clear();
    return json(204);
  });

  router.get('/local/api/delivery', () => json(200, site.forge.deliverySettings()));
  router.post('/local/api/delivery', (req) => {
    try {
      site.forge.setDelivery(req.body ?? {});
    } catch (error) {
      return jiraError(400, (error as Error).message);
    }
    return json(200, site.forge.deliverySettings());
  });

  router.get('/local/api/rate-limits', () => json(200, site.gateway.rateLimits.state()));
  router.post('/local/api/rate-limits', (req) => {
    try {
      site.gateway.rateLimits.configure((req.body ?? {}) as never);
    } catch (error) {
      return jiraError(400, (error as Error).message);
    }
    return json(200, site.gateway.rateLimits.state());
  });
  router.delete('/local/api/rate-limits', () => {
    site.gateway.rateLimits.reset({ defaults: true });
    return json(204);
  });

  return router;
}

/** The profile's seed as scripts need it: who is who, and whatever its app's story adds (issues are in Jira). */
function publicSeed(seed: DemoSeed | undefined) {
  if (!seed) return { people: [], groups: [], projects: [] };
  const { anchor: _anchor, issues: _issues, ...rest } = seed;
  return rest;
}

function numberParam(req: SiteRequest, name: string): number | undefined {
  const raw = req.query.get(name);
  if (raw === null) return undefined;
  const value = Number(raw);
  return Number.isFinite(value) ? value : undefined;
}

function totalsOf(entries: ReadonlyArray<{ points: number; status: number; caller: string }>) {
  let points = 0;
  let rateLimited = 0;
  const byCaller: Record<string, { requests: number; points: number }> = {};
  for (const e of entries) {
    points += e.points;
    if (e.status === 429) rateLimited++;
    const bucket = (byCaller[e.caller] ??= { requests: 0, points: 0 });
    bucket.requests++;
    bucket.points += e.points;
  }
  return { requests: entries.length, points, rateLimited, byCaller };
}

function invokeProblem(body: Record<string, unknown> | undefined): string | undefined {
  if (!body || typeof body !== 'object')
    return 'Send a JSON body {"moduleKey", "functionKey", "payload", "asUser", "context"}.';
  if (typeof body.moduleKey !== 'string' || !body.moduleKey)
    return 'moduleKey must be the key of a module in manifest.yml.';
  if (typeof body.functionKey !== 'string' || !body.functionKey)
    return 'functionKey must name a function the resolver defines.';
  if (body.asUser !== undefined && typeof body.asUser !== 'string') return 'asUser must be an accountId.';
  if (body.context !== undefined && (typeof body.context !== 'object' || body.context === null))
    return 'context must be an object.';
  return undefined;
}
