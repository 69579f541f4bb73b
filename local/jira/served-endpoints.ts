import { SERVICE_DESK_ENDPOINTS } from './servicedesk/served-endpoints';

/**
 * Every Jira REST endpoint the local site serves, as `[METHOD, OpenAPI path template]`. The OpenAPI
 * extract (scripts/extract-openapi.ts) keeps the schemas of exactly these, and the conformance check
 * validates every response the test suite receives against them. Keep it in step with local/jira routes.
 */
export const SERVED_ENDPOINTS: ReadonlyArray<readonly [string, string]> = [
  ['GET', '/rest/api/3/myself'],
  ['GET', '/rest/api/3/user'],
  ['GET', '/rest/api/3/user/bulk'],
  ['GET', '/rest/api/3/user/search'],
  ['GET', '/rest/api/3/user/assignable/search'],
  ['GET', '/rest/api/3/user/viewissue/search'],
  ['GET', '/rest/api/3/user/groups'],
  ['GET', '/rest/api/3/group/member'],
  ['GET', '/rest/api/3/project/search'],
  ['GET', '/rest/api/3/project/{projectIdOrKey}'],
  ['GET', '/rest/api/3/project/{projectIdOrKey}/components'],
  ['GET', '/rest/api/3/component/{id}'],
  ['GET', '/rest/api/3/field'],
  ['GET', '/rest/api/3/priority'],
  ['GET', '/rest/api/3/status'],
  ['GET', '/rest/api/3/issuetype'],
  ['POST', '/rest/api/3/issue'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}'],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}'],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}/assignee'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment'],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/comment'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'],
  ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/comment/{id}'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/transitions'],
  ['POST', '/rest/api/3/issue/{issueIdOrKey}/transitions'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties'],
  ['GET', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['PUT', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['DELETE', '/rest/api/3/issue/{issueIdOrKey}/properties/{propertyKey}'],
  ['POST', '/rest/api/3/issueLink'],
  ['DELETE', '/rest/api/3/issueLink/{linkId}'],
  ['GET', '/rest/api/3/issueLinkType'],
  ['PUT', '/rest/api/3/app/field/{fieldIdOrKey}/value'],
  ['POST', '/rest/api/3/app/field/value'],
  ['GET', '/rest/api/3/search/jql'],
  ['POST', '/rest/api/3/search/jql'],
  ['POST', '/rest/api/3/search/approximate-count'],
  ['GET', '/rest/api/3/mypermissions'],
  ['POST', '/rest/api/3/permissions/check'],
  // Dashboards and their gadgets (served by the browser shell, local/web/dashboards).
  ['GET', '/rest/api/3/dashboard'],
  ['POST', '/rest/api/3/dashboard'],
  ['GET', '/rest/api/3/dashboard/{id}'],
  ['GET', '/rest/api/3/dashboard/{dashboardId}/gadget'],
  ['POST', '/rest/api/3/dashboard/{dashboardId}/gadget'],
  ['PUT', '/rest/api/3/dashboard/{dashboardId}/gadget/{gadgetId}'],
  ['DELETE', '/rest/api/3/dashboard/{dashboardId}/gadget/{gadgetId}'],
  ['GET', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties'],
  ['GET', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties/{propertyKey}'],
  ['PUT', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties/{propertyKey}'],
  ['DELETE', '/rest/api/3/dashboard/{dashboardId}/items/{itemId}/properties/{propertyKey}'],
];

/**
 * Everything the site's Jira router serves: the platform's endpoints above and Jira Service Management's
 * (servicedesk/served-endpoints.ts). The gateway maps requests to these templates for rate limits and costs.
 */
export const SITE_ENDPOINTS: ReadonlyArray<readonly [string, string]> = [
  ...SERVED_ENDPOINTS,
  ...SERVICE_DESK_ENDPOINTS,
];
