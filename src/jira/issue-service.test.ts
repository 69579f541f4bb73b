import type { Route } from '@forge/api';
import { IssueService } from './issue-service';
import { JiraBusyError, JiraRefusedError } from '../usecases/errors';
import type { JiraClient, JiraRequest } from './jira-client';

/**
 * The app's issue edit: one call past the edit screen; where Jira refuses the override itself, the screen-free
 * assign and property endpoints and a plain edit of the labels; the property alone through the property endpoint.
 */
interface Sent {
  readonly path: string;
  readonly method: string | undefined;
  readonly body: unknown;
}

function fakeClient(answers: ReadonlyArray<Error | undefined> = []): { client: JiraClient; sent: Sent[] } {
  const sent: Sent[] = [];
  const client: JiraClient = {
    request<T>(_caller: string, route: Route, request: JiraRequest = {}): Promise<T> {
      sent.push({ path: route.value, method: request.method, body: request.body });
      const answer = answers[sent.length - 1];
      return answer ? Promise.reject(answer) : Promise.resolve(undefined as T);
    },
  };
  return { client, sent };
}

const property = { schemaVersion: 1, state: 'awaiting-spoc' } as never;
const routingEdit = { assignee: 'acc-1', addLabels: ['spoc-routed'], property };
const body = {
  fields: { assignee: { accountId: 'acc-1' } },
  update: { labels: [{ add: 'spoc-routed' }] },
  properties: [{ key: 'spoc', value: property }],
};

describe('IssueService.editIssue', () => {
  it('sends assignee, labels and property in one edit that skips the edit screen', async () => {
    const { client, sent } = fakeClient();
    await new IssueService(client).editIssue('10001', routingEdit);
    expect(sent).toEqual([
      { path: '/rest/api/3/issue/10001?overrideScreenSecurity=true', method: 'PUT', body },
    ]);
  });

  it('where Jira refuses the override, sends assignee and property to endpoints no screen concerns, then the labels', async () => {
    const refused = new JiraRefusedError(
      403,
      ['Connect and Forge app users with …'],
      '/rest/api/3/issue/10001',
    );
    const { client, sent } = fakeClient([refused]);
    await new IssueService(client).editIssue('10001', routingEdit);
    expect(sent).toEqual([
      { path: '/rest/api/3/issue/10001?overrideScreenSecurity=true', method: 'PUT', body },
      { path: '/rest/api/3/issue/10001/assignee', method: 'PUT', body: { accountId: 'acc-1' } },
      { path: '/rest/api/3/issue/10001/properties/spoc', method: 'PUT', body: property },
      {
        path: '/rest/api/3/issue/10001',
        method: 'PUT',
        body: { update: { labels: [{ add: 'spoc-routed' }] } },
      },
    ]);
  });

  it('keeps the SPOC and the property when, without the override, the screen also refuses the labels', async () => {
    const refusedOverride = new JiraRefusedError(403, [], '/rest/api/3/issue/10001');
    const offScreen = new JiraRefusedError(400, ['labels: not on the screen'], '/rest/api/3/issue/10001');
    const { client, sent } = fakeClient([refusedOverride, undefined, undefined, offScreen]);
    await expect(new IssueService(client).editIssue('10001', routingEdit)).rejects.toBe(offScreen);
    expect(sent.map((s) => s.path)).toEqual([
      '/rest/api/3/issue/10001?overrideScreenSecurity=true',
      '/rest/api/3/issue/10001/assignee',
      '/rest/api/3/issue/10001/properties/spoc',
      '/rest/api/3/issue/10001',
    ]);
  });

  it.each([
    ['a refused field', new JiraRefusedError(400, ['labels: …'], '/rest/api/3/issue/10001')],
    ['a rate limit', new JiraBusyError(5)],
  ])('does not send it again after %s', async (_what, error) => {
    const { client, sent } = fakeClient([error]);
    await expect(new IssueService(client).editIssue('10001', routingEdit)).rejects.toBe(error);
    expect(sent).toHaveLength(1);
  });

  it('sends the property alone to the property endpoint', async () => {
    const { client, sent } = fakeClient();
    await new IssueService(client).editIssue('10001', { property });
    expect(sent).toEqual([
      { path: '/rest/api/3/issue/10001/properties/spoc', method: 'PUT', body: property },
    ]);
  });

  it('unassigns with a null assignee', async () => {
    const { client, sent } = fakeClient();
    await new IssueService(client).editIssue('10001', { assignee: null, property });
    expect(sent[0]?.body).toEqual({
      fields: { assignee: null },
      properties: [{ key: 'spoc', value: property }],
    });
  });
});
