import { includeInPayload, parsePropertyPath, type EventEnrichment } from './payload-include';

const created = () => ({
  eventType: 'avi:jira:created:issue',
  issue: {
    id: '10001',
    key: 'SUP-1',
    fields: { summary: 'Printer on fire', project: { id: '10000', key: 'SUP' } },
  },
  atlassianId: 'alice',
});

/** A tiny Jira: issue 10001 has labels and priority; properties per entity. */
const jira: Required<EventEnrichment> = {
  eventFields: (issueId, fieldIds) => {
    const known: Record<string, unknown> = {
      labels: ['vip'],
      priority: { id: '2', name: 'High' },
      components: [],
    };
    return issueId === '10001'
      ? Object.fromEntries(fieldIds.filter((f) => f in known).map((f) => [f, known[f]]))
      : {};
  },
  entityProperty: (entity, id, key) => {
    const store: Record<string, unknown> = {
      'issue/10001/spoc': { state: 'routed', tags: ['a', 'b'], nested: { deep: { flag: true } } },
      'project/10000/config': { status: 'active' },
      'user/alice/prefs': 'compact',
    };
    return store[`${entity}/${id}/${key}`];
  },
};

describe('payload.include', () => {
  it('adds the named issue fields to event.issue.fields, leaving out fields Jira does not know', () => {
    const { payload, problems } = includeInPayload(
      created(),
      'avi:jira:created:issue',
      { fields: ['labels', 'priority', 'components', 'nosuchfield'] },
      jira,
    );
    expect(problems).toEqual([]);
    expect((payload as ReturnType<typeof created>).issue.fields).toEqual({
      summary: 'Printer on fire',
      project: { id: '10000', key: 'SUP' },
      labels: ['vip'],
      priority: { id: '2', name: 'High' },
      components: [],
    });
  });

  it('puts entity property values under payloadIncludeProperties, keyed by the path as written', () => {
    const paths = [
      "issue.properties['spoc'].state",
      "issue.properties['spoc'].tags",
      "issue.properties['spoc']['nested.deep.flag']",
      "issue.properties['spoc'].nested", // an object: null
      "issue.properties['spoc'].missing", // absent
      "issue.properties['other'].x", // absent
      "project.properties['config'].status",
      "user.properties['prefs']",
    ];
    const { payload, problems } = includeInPayload(
      created(),
      'avi:jira:created:issue',
      { propertyPaths: paths },
      jira,
    );
    expect(problems).toEqual([]);
    expect((payload as Record<string, unknown>).payloadIncludeProperties).toEqual({
      "issue.properties['spoc'].state": 'routed',
      "issue.properties['spoc'].tags": ['a', 'b'],
      "issue.properties['spoc']['nested.deep.flag']": true,
      "issue.properties['spoc'].nested": null,
      "project.properties['config'].status": 'active',
      "user.properties['prefs']": 'compact',
    });
  });

  it('adds no properties to events that do not support them', () => {
    const event = { eventType: 'avi:jira:mentioned:issue', issue: created().issue };
    const { payload } = includeInPayload(
      event,
      'avi:jira:mentioned:issue',
      { propertyPaths: ["issue.properties['spoc'].state"] },
      jira,
    );
    expect(payload).not.toHaveProperty('payloadIncludeProperties');
  });

  it('reports what it cannot honour, and changes nothing for it', () => {
    const { payload, problems } = includeInPayload(
      created(),
      'avi:jira:created:issue',
      { fields: ['labels'], propertyPaths: ["issue.properties['spoc'].state"] },
      {},
    );
    expect(payload).toEqual(created());
    expect(problems).toEqual([
      'payload.include.fields is not honoured: the site cannot read issue fields for events',
      'payload.include.propertyPaths is not honoured: the site cannot read entity properties for events',
    ]);
    expect(
      includeInPayload(created(), 'avi:jira:created:issue', { propertyPaths: ['issue.summary'] }, jira)
        .problems,
    ).toEqual(['payload.include.propertyPaths: "issue.summary" is not an entity property path']);
  });

  it('parses dot and bracket sub-paths', () => {
    expect(parsePropertyPath(`issue.properties["k"].a['b.c']["d"]`)).toEqual({
      entity: 'issue',
      key: 'k',
      subPath: ['a', 'b', 'c', 'd'],
    });
    expect(parsePropertyPath("board.properties['k'].a")).toBeUndefined();
    expect(parsePropertyPath("issue.properties['k'].")).toBeUndefined();
    expect(parsePropertyPath("issue.properties['']")).toBeUndefined();
  });
});
