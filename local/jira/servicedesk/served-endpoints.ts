/**
 * Every Jira Service Management endpoint the local site serves (`/rest/servicedeskapi/...`), as
 * `[METHOD, OpenAPI path template]`. The service-desk OpenAPI extract (scripts/extract-servicedesk-openapi.ts)
 * keeps the schemas of exactly these, and the conformance check validates every answer against them.
 */
export const SERVICE_DESK_ENDPOINTS: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/rest/servicedeskapi/servicedesk'],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}'],
  ['GET', '/rest/servicedeskapi/servicedesk/{serviceDeskId}/requesttype'],
  ['GET', '/rest/servicedeskapi/organization'],
  ['GET', '/rest/servicedeskapi/organization/{organizationId}'],
  ['GET', '/rest/servicedeskapi/organization/{organizationId}/user'],
  ['GET', '/rest/servicedeskapi/request'],
  ['POST', '/rest/servicedeskapi/request'],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}'],
  ['GET', '/rest/servicedeskapi/request/{issueIdOrKey}/comment'],
  ['POST', '/rest/servicedeskapi/request/{issueIdOrKey}/comment'],
  ['GET', '/rest/servicedeskapi/request/{requestIdOrKey}/feedback'],
  ['POST', '/rest/servicedeskapi/request/{requestIdOrKey}/feedback'],
];
