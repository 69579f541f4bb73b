import type { ForgeHost } from '../forge';
import { jiraError } from '../http/router';
import { json, type SiteRequest, type SiteResponse } from '../http/types';
import type { AppUi } from './modules';

/**
 * `POST /local/bridge/invoke`: the server half of the bridge's `invoke`. The host page sends the module, the
 * function key, the payload and the front-end context; the site takes the person from the session (never
 * from the page) and runs the module's resolver through the Forge host, as the platform does.
 */
const FRONT_END_CONTEXT = [
  'extension',
  'localId',
  'locale',
  'timezone',
  'siteUrl',
  'cloudId',
  'environmentId',
  'environmentType',
  'theme',
] as const;

export async function handleBridgeInvoke(
  req: SiteRequest,
  forge: ForgeHost,
  ui: AppUi,
): Promise<SiteResponse> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jiraError(
      400,
      'Send a JSON body {"moduleKey", "functionKey", "payload", "context"} with content-type application/json.',
    );
  }
  const { moduleKey, functionKey, payload, context } = body as Record<string, unknown>;
  if (typeof moduleKey !== 'string' || !ui.moduleTypes[moduleKey]) {
    return jiraError(
      400,
      `moduleKey ${JSON.stringify(moduleKey ?? null)} is not a module of the installed app.`,
    );
  }
  if (typeof functionKey !== 'string' || functionKey === '')
    return jiraError(400, 'functionKey must be a non-empty string.');
  if (context !== undefined && (typeof context !== 'object' || context === null || Array.isArray(context))) {
    return jiraError(400, 'context must be an object.');
  }
  const frontEnd: Record<string, unknown> = { moduleKey };
  for (const field of FRONT_END_CONTEXT) {
    const value = (context as Record<string, unknown> | undefined)?.[field];
    if (value !== undefined) frontEnd[field] = value;
  }
  const accountId = req.principal.kind === 'user' ? req.principal.accountId : undefined;
  try {
    const result = await forge.invokeResolver({
      moduleKey,
      functionKey,
      payload,
      accountId,
      context: frontEnd,
    });
    return json(200, { result: result ?? null });
  } catch (error) {
    return jiraError(500, `There was an error invoking the function - ${(error as Error).message}`);
  }
}
