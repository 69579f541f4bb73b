import type { Route } from '@forge/api';
import { JiraNotFoundError } from '../usecases/errors';
import type { JiraClient, JiraRequest } from './jira-client';
import { transitionsFrom, WorkflowService } from './workflow-service';

/**
 * Jira's transitions read as the domain needs them (status category, the screen's Resolution field with its
 * values and default), anything malformed left out; a duplicate link found and removed; who can open what.
 */
function fakeClient(answer: (path: string, request: JiraRequest) => unknown) {
  const sent: Array<{ path: string; method: string | undefined; body: unknown }> = [];
  const client: JiraClient = {
    async request<T>(_caller: string, route: Route, request: JiraRequest = {}): Promise<T> {
      sent.push({ path: route.value, method: request.method, body: request.body });
      const value = answer(route.value, request);
      if (value instanceof Error) throw value;
      return value as T;
    },
  };
  return { client, sent };
}

const done = { name: 'Done', statusCategory: { key: 'done' } };

describe('transitionsFrom', () => {
  it('keeps each transition with its target and Resolution field, and drops what it cannot read', () => {
    expect(
      transitionsFrom({
        transitions: [
          {
            id: '21',
            name: 'In Progress',
            to: { name: 'In Progress', statusCategory: { key: 'indeterminate' } },
          },
          {
            id: '31',
            name: 'Done',
            to: done,
            fields: {
              resolution: {
                required: true,
                allowedValues: [
                  { id: '10000', name: 'Done' },
                  { id: '10001', name: "Won't Do" },
                  { name: 'x' },
                ],
                defaultValue: { id: '10000', name: 'Done' },
              },
            },
          },
          { id: 41, name: 'Broken', to: done },
          { id: '51', name: 'Odd', to: { name: 'Odd', statusCategory: { key: 'purple' } } },
        ],
      }),
    ).toEqual([
      {
        id: '21',
        name: 'In Progress',
        to: { name: 'In Progress', category: 'indeterminate' },
        resolutionField: null,
      },
      {
        id: '31',
        name: 'Done',
        to: { name: 'Done', category: 'done' },
        resolutionField: {
          required: true,
          allowed: [
            { id: '10000', name: 'Done' },
            { id: '10001', name: "Won't Do" },
          ],
          defaultValue: { id: '10000', name: 'Done' },
        },
      },
    ]);
    expect(transitionsFrom({})).toEqual([]);
  });
});

describe('WorkflowService', () => {
  it('sends the resolution by id only with a transition that takes one', async () => {
    const { client, sent } = fakeClient(() => undefined);
    const service = new WorkflowService(client);
    await service.transitionIssue('10001', '31', { id: '10001', name: "Won't Do" });
    await service.transitionIssue('10001', '11', null);
    expect(sent).toEqual([
      {
        path: '/rest/api/3/issue/10001/transitions',
        method: 'POST',
        body: { transition: { id: '31' }, fields: { resolution: { id: '10001' } } },
      },
      { path: '/rest/api/3/issue/10001/transitions', method: 'POST', body: { transition: { id: '11' } } },
    ]);
  });

  it('removes only the Duplicate link to the named issue, and a link already gone is fine', async () => {
    const { client, sent } = fakeClient((path, request) => {
      if (path.startsWith('/rest/api/3/issue/'))
        return {
          fields: {
            issuelinks: [
              { id: '1', type: { name: 'Duplicate' }, outwardIssue: { key: 'SUP-2' } },
              { id: '2', type: { name: 'Blocks' }, outwardIssue: { key: 'SUP-2' } },
              { id: '3', type: { name: 'Duplicate' }, inwardIssue: { key: 'SUP-2' } },
              { id: '4', type: { name: 'Duplicate' }, outwardIssue: { key: 'SUP-9' } },
            ],
          },
        };
      return request.method === 'DELETE' ? new JiraNotFoundError(['gone'], path) : undefined;
    });
    await new WorkflowService(client).unlinkDuplicate('SUP-1', 'SUP-2');
    expect(sent.map((s) => `${s.method ?? 'GET'} ${s.path}`)).toEqual([
      'GET /rest/api/3/issue/SUP-1?fields=issuelinks',
      'DELETE /rest/api/3/issueLink/1',
    ]);
  });

  it('says whether a person can open an issue, and unknown when Jira does not find it for the app', async () => {
    const answers: unknown[] = [
      [{ accountId: 'acc-li' }],
      [],
      new JiraNotFoundError(['no'], 'x'),
      { odd: 1 },
    ];
    const { client } = fakeClient(() => answers.shift());
    const service = new WorkflowService(client);
    expect(await service.canBrowse('acc-li', 'SUP-1')).toBe('can-open');
    expect(await service.canBrowse('acc-li', 'DEV-1')).toBe('cannot-open');
    expect(await service.canBrowse('acc-li', 'DEV-9')).toBe('unknown');
    expect(await service.canBrowse('acc-li', 'DEV-2')).toBe('unknown');
  });
});
