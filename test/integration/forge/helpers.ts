import path from 'node:path';
import { SiteClock } from '../../../local/clock';
import { openDatabase, type Db } from '../../../local/db/database';
import { ProductEventBus, type ProductEventType } from '../../../local/events';
import { createForgeHost, type ForgeHost } from '../../../local/forge';
import type { JiraGateway } from '../../../local/gateway/types';
import { jiraError, Router } from '../../../local/http/router';
import { actingAccountId, json, type Principal } from '../../../local/http/types';

/**
 * A tiny Jira for the Forge host's contract tests: two issues, a person who may see them (alice), one who
 * may not (bob), and comments that emit `avi:jira:commented:issue` like the real site does.
 */
export const FIXTURE_APP_DIR = path.resolve(__dirname, '../../fixtures/forge-app');
export const FIXTURE_APP_ID = '0f1e2d3c-4b5a-4697-8887-96a5b4c3d2e1';
export const CLOUD_ID = 'test-cloud';

export interface RecordedRequest {
  readonly principal: Principal;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
}

export function createTestJira(events: ProductEventBus) {
  const requests: RecordedRequest[] = [];
  const issues = new Map([
    ['X-1', { id: '10001', key: 'X-1', summary: 'First issue', labels: ['vip'], priority: { name: 'High' } }],
    ['X-2', { id: '10002', key: 'X-2', summary: 'needs a welcome', labels: [], priority: null }],
  ]);
  /** Issue properties by issue id, then key. */
  const issueProperties = new Map<string, Record<string, unknown>>([
    ['10001', { fixture: { state: 'open' } }],
  ]);
  let commentId = 20000;
  const canSee = (principal: Principal) => principal.kind === 'app' || actingAccountId(principal) === 'alice';

  const router = new Router()
    .get('/rest/api/3/issue/:issueIdOrKey', (req) => {
      const issue = issues.get(req.params.issueIdOrKey as string);
      if (!issue || !canSee(req.principal)) {
        return jiraError(404, 'Issue does not exist or you do not have permission to see it.');
      }
      return json(200, { id: issue.id, key: issue.key, fields: { summary: issue.summary } });
    })
    .post('/rest/api/3/issue/:issueIdOrKey/comment', (req) => {
      const issue = issues.get(req.params.issueIdOrKey as string);
      if (!issue || !canSee(req.principal)) {
        return jiraError(404, 'Issue does not exist or you do not have permission to see it.');
      }
      const id = String(++commentId);
      events.emit({
        eventType: 'avi:jira:commented:issue',
        payload: {
          eventType: 'avi:jira:commented:issue',
          issue: { id: issue.id, key: issue.key, fields: { summary: issue.summary } },
          comment: { id, body: (req.body as { body?: unknown }).body },
          ...(actingAccountId(req.principal) ? { atlassianId: actingAccountId(req.principal) } : {}),
        },
        causedBy: req.principal,
      });
      return json(201, { id });
    });

  const gateway: JiraGateway = {
    async fetch(principal, request) {
      requests.push({
        principal,
        method: request.method,
        url: request.url,
        headers: request.headers ?? {},
        body: request.body,
      });
      const url = new URL(request.url, 'http://jira.test');
      return router.handle({
        method: request.method,
        path: url.pathname,
        query: url.searchParams,
        headers: request.headers ?? {},
        body: request.body ? JSON.parse(request.body) : undefined,
        principal,
      });
    },
  };
  /** What the site's `eventFields` and `entityProperty` hooks give the Forge host for `payload.include`. */
  const enrichment = {
    eventFields(issueId: string, fieldIds: readonly string[]): Record<string, unknown> {
      const issue = [...issues.values()].find((i) => i.id === issueId);
      if (!issue) return {};
      const known: Record<string, unknown> = {
        summary: issue.summary,
        labels: issue.labels,
        priority: issue.priority,
      };
      return Object.fromEntries(fieldIds.filter((id) => id in known).map((id) => [id, known[id]]));
    },
    entityProperty(entity: string, entityId: string, key: string): unknown {
      return entity === 'issue' ? issueProperties.get(entityId)?.[key] : undefined;
    },
  };
  return { gateway, requests, enrichment };
}

export interface TestHost {
  readonly host: ForgeHost;
  readonly db: Db;
  readonly clock: SiteClock;
  readonly events: ProductEventBus;
  readonly requests: RecordedRequest[];
  readonly logs: string[];
  close(): void;
}

/** `enrich: false` starts the host without the hooks `payload.include` reads Jira through. */
export async function startTestHost(
  options: { clock?: SiteClock; enrich?: boolean } = {},
): Promise<TestHost> {
  const db = openDatabase(':memory:');
  const clock = options.clock ?? new SiteClock('frozen', new Date('2026-03-02T09:00:00Z'));
  const events = new ProductEventBus();
  const { gateway, requests, enrichment } = createTestJira(events);
  const logs: string[] = [];
  const host = await createForgeHost({
    appDir: FIXTURE_APP_DIR,
    db,
    clock,
    events,
    jira: gateway,
    siteUrl: () => 'http://localhost:8080',
    cloudId: CLOUD_ID,
    log: (message) => logs.push(message),
    ...(options.enrich === false ? {} : enrichment),
  });
  return {
    host,
    db,
    clock,
    events,
    requests,
    logs,
    close: () => {
      host.close();
      db.close();
    },
  };
}

/** Runs one @forge/kvs operation inside the fixture's resolver; returns what the app saw. */
export async function kvsCall(host: ForgeHost, operation: Record<string, unknown>): Promise<KvsOutcome> {
  return (await host.invokeResolver({
    moduleKey: 'fixture-panel',
    functionKey: 'kvs',
    payload: operation,
  })) as KvsOutcome;
}

export type KvsOutcome =
  | { ok: true; value: unknown }
  | {
      ok: false;
      error: {
        name: string;
        code?: string;
        message: string;
        status?: number;
        apiError: boolean;
        kvsError: boolean;
      };
    };

/** The value of a successful call (`{ undefined: true }` stands for undefined); fails the test otherwise. */
export function valueOf(outcome: KvsOutcome): unknown {
  if (!outcome.ok) throw new Error(`Expected success, got ${JSON.stringify(outcome.error)}`);
  return outcome.value;
}

export function issueEvent(
  eventType: ProductEventType,
  issueKey: string,
  causedBy: Principal,
  extra: Record<string, unknown> = {},
) {
  return {
    eventType,
    payload: {
      eventType,
      issue: {
        id: issueKey === 'X-2' ? '10002' : '10001',
        key: issueKey,
        fields: { summary: extra.summary ?? 'First issue' },
      },
      ...(actingAccountId(causedBy) ? { atlassianId: actingAccountId(causedBy) } : {}),
    },
    causedBy,
  };
}
