import { randomUUID } from 'node:crypto';
import { createForgeFetch } from '../local/forge/forge-fetch';
import { createRuntime } from '../local/forge/runtime';
import { INVOCATION_HEADER } from '../local/gateway';
import type { Site } from '../local/site';
import type { AdfDoc, AdfNode } from '../src/jira/adf';
import { appJira } from '../src/jira/forge-jira';
import type { TriageProperty } from '../src/domain';
import type { Block, Inline, Message } from '../src/usecases/support/message';
import type { Instruments } from './instruments';

/**
 * The baseline: the Jira writes routing needs and nothing else, made the way the app makes them — through
 * the app's own Jira adapter (src/jira), `@forge/api` and `__forge_fetch__`, inside a Forge invocation of
 * the local host — with the very payloads routing sent for a routed issue (SPOC field; one edit with
 * assignee, label and the `spoc` property; the internal comment with the reasons). No storage, no
 * decision. Sent side by side, as routing sends them, or one after another for comparison.
 */
export interface RoutingWrites {
  readonly spocAccountId: string;
  readonly label: string;
  readonly property: TriageProperty;
  readonly comment: Message;
  readonly commentRole: string | null;
}

/** What routing wrote on a routed issue, read back from Jira (outside any measurement). */
export async function writesOf(site: Site, issueId: string): Promise<RoutingWrites> {
  const app = { kind: 'app', appId: site.forge.appId } as const;
  const get = async (url: string) => {
    const answer = await site.gateway.fetch(app, { method: 'GET', url, headers: {} });
    if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
    return answer.body as Record<string, unknown>;
  };
  const issue = (await get(`/rest/api/3/issue/${issueId}?fields=assignee,labels`)) as {
    fields: { assignee: { accountId: string }; labels: string[] };
  };
  const property = (await get(`/rest/api/3/issue/${issueId}/properties/spoc`)) as { value: TriageProperty };
  const comments = (await get(`/rest/api/3/issue/${issueId}/comment`)) as {
    comments: Array<{ body: AdfDoc; visibility?: { type: string; value: string } }>;
  };
  const [comment] = comments.comments;
  if (!comment) throw new Error(`Routing left no comment on ${issueId}.`);
  return {
    spocAccountId: issue.fields.assignee.accountId,
    label: issue.fields.labels.find((l) => l.startsWith('spoc-')) ?? 'spoc-routed',
    property: property.value,
    comment: messageFromAdf(comment.body),
    commentRole: comment.visibility?.value ?? null,
  };
}

/** Makes the writes on `issueId` in an invocation of its own; returns the invocation id. */
export async function bareWrites(
  site: Site,
  instruments: Instruments,
  issueId: string,
  writes: RoutingWrites,
  mode: 'parallel' | 'sequential',
): Promise<string> {
  const runtime = createRuntime({
    appId: site.forge.appId,
    environmentId: site.forge.environmentId,
    installationId: randomUUID(),
    cloudId: site.forge.cloudId,
    functionKey: 'bench-bare-writes',
    moduleType: 'bench',
    moduleKey: 'bench-bare-writes',
    timeoutSeconds: 25,
    scopes: [],
    external: {},
    handlerFile: 'bench.handler',
  });
  const invocationId = runtime.appContext.invocationId;
  const forgeFetch = createForgeFetch({
    appId: site.forge.appId,
    // Tagged like the host tags the app's calls, so the request log files them under this invocation.
    jira: {
      fetch: (principal, request) =>
        site.gateway.fetch(principal, {
          ...request,
          headers: { ...request.headers, [INVOCATION_HEADER]: invocationId },
        }),
    },
    kvs: { handle: () => ({ status: 501, body: { code: 'NOT_EMULATED', message: 'No storage here.' } }) },
    allowImpersonation: false,
    log: (message) => console.warn(message),
  });
  let finish = (): void => undefined;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const jira = appJira();
  const calls = [
    () => jira.setSpocField(issueId, writes.spocAccountId),
    () =>
      jira.editIssue(issueId, {
        assignee: writes.spocAccountId,
        addLabels: [writes.label],
        property: writes.property,
      }),
    () => jira.addComment(issueId, writes.comment, writes.commentRole),
  ];
  await instruments.storage.run(
    {
      runtime,
      fetch: (target, path, init) => forgeFetch(runtime, target, path, init),
      finished,
      nowMs: () => site.clock.nowMs(),
    },
    async () => {
      if (mode === 'parallel') {
        await Promise.all(calls.map((call) => call()));
      } else {
        for (const call of calls) await call();
      }
    },
  );
  finish();
  return invocationId;
}

/** The app's message that Jira stored as this document (the inverse of src/jira/adf.ts for what the app writes). */
function messageFromAdf(doc: AdfDoc): Message {
  const inline = (node: AdfNode): Inline => {
    if (node.type === 'mention') {
      return {
        mention: String(node.attrs?.id ?? ''),
        name: String(node.attrs?.text ?? '').replace(/^@/, ''),
      };
    }
    if (node.marks?.some((m) => m.type === 'strong')) return { strong: node.text ?? '' };
    return node.text ?? '';
  };
  const text = (node: AdfNode): string => node.text ?? (node.content ?? []).map(text).join('');
  const blocks = doc.content.map((node): Block =>
    node.type === 'bulletList'
      ? { bullets: (node.content ?? []).map(text) }
      : { paragraph: (node.content ?? []).map(inline) },
  );
  return { blocks };
}
