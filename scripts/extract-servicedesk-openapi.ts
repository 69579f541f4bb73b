/**
 * Builds test/fixtures/servicedesk-openapi-extract.json from Jira Service Management's OpenAPI description:
 * only the operations the local site serves under /rest/servicedeskapi (local/jira/servicedesk/served-endpoints.ts)
 * and the schemas they reference, without prose, as scripts/extract-openapi.ts does for the platform API.
 *
 * Source: `docs/spec/openapi.json` of the public repository ballerina-platform/module-ballerinax-jira.servicemanagement
 * (commit 6405b8d993230271084bc591d2dd57d2707cbcd4, Apache-2.0), a copy of Atlassian's published "Service
 * Management Public REST API" document (version 1001.0.0-SNAPSHOT-44cdd07c…) taken from wso2/api-specs, with the
 * sanitations that repository lists in docs/spec/sanitations.md (descriptions added, `$ref`s wrapped in `allOf` so
 * they can carry one, three multipart/binary/no-content fixes): none changes a response this site serves.
 * The extract is committed; this script needs the document itself, so run it where you have a copy:
 * `npx tsx scripts/extract-servicedesk-openapi.ts <path to openapi.json>`, then
 * `npx prettier --write test/fixtures/servicedesk-openapi-extract.json` (the fixture is kept Prettier-clean).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SERVICE_DESK_ENDPOINTS } from '../local/jira/servicedesk/served-endpoints';
import { buildExtract, REPO_ROOT, serialise, type OpenApiDocument } from './extract-openapi';

export const SERVICE_DESK_EXTRACT_FILE = path.resolve(
  REPO_ROOT,
  'test/fixtures/servicedesk-openapi-extract.json',
);
export const SERVICE_DESK_SOURCE = {
  repository: 'https://github.com/ballerina-platform/module-ballerinax-jira.servicemanagement',
  path: 'docs/spec/openapi.json',
  commit: '6405b8d993230271084bc591d2dd57d2707cbcd4',
  url: 'https://github.com/ballerina-platform/module-ballerinax-jira.servicemanagement/blob/6405b8d993230271084bc591d2dd57d2707cbcd4/docs/spec/openapi.json',
  derivedFrom:
    "Atlassian's Jira Service Management Cloud REST API description (https://developer.atlassian.com/cloud/jira/service-desk/rest/), via wso2/api-specs openapi/jira/servicemanagement/1001.0.0, with the sanitations in the repository's docs/spec/sanitations.md",
  termsOfService: 'https://www.atlassian.com/legal/customer-agreement',
  obtained:
    'The committed extract was made at authoring time from the operations and schemas listed here, read from a stored copy of that file through a code-search tool (no network); the prose the extract drops was not copied.',
} as const;

export function buildServiceDeskExtract(source: OpenApiDocument) {
  const extract = buildExtract(source, SERVICE_DESK_ENDPOINTS);
  return {
    ...extract,
    header: {
      ...extract.header,
      source: { title: source.info.title, version: source.info.version, ...SERVICE_DESK_SOURCE },
      licence: { name: 'Apache-2.0' as const, url: 'https://www.apache.org/licenses/LICENSE-2.0' },
      generatedBy:
        'scripts/extract-servicedesk-openapi.ts (npx tsx scripts/extract-servicedesk-openapi.ts <openapi.json>)',
      kept: 'The operations in local/jira/servicedesk/served-endpoints.ts and the components.schemas they reference.',
    },
  };
}

function main(): void {
  const file = process.argv[2];
  if (!file || !existsSync(file)) {
    console.error(
      `Give the path of a copy of ${SERVICE_DESK_SOURCE.path} from ${SERVICE_DESK_SOURCE.repository} ` +
        `(commit ${SERVICE_DESK_SOURCE.commit}); without it the committed extract stays as it is.`,
    );
    process.exitCode = 1;
    return;
  }
  const extract = buildServiceDeskExtract(JSON.parse(readFileSync(file, 'utf8')) as OpenApiDocument);
  writeFileSync(SERVICE_DESK_EXTRACT_FILE, serialise(extract as Parameters<typeof serialise>[0]));
  const operations = Object.values(extract.paths).reduce((n, ops) => n + Object.keys(ops).length, 0);
  console.log(
    `Wrote ${path.relative(REPO_ROOT, SERVICE_DESK_EXTRACT_FILE)}: ${operations} operations, ` +
      `${Object.keys(extract.components.schemas).length} schemas.`,
  );
}

if (require.main === module) main();
