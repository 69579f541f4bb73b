import type { ForgeHost } from '../forge';
import { jiraError } from '../http/router';
import { json, type Principal, type SiteRequest, type SiteResponse } from '../http/types';
import { frameExtension, frameTheme } from './client/frame-context';
import type { SiteFacts } from './client/host-api';
import type { FrameTokens } from './frame-tokens';
import { readCookie, SESSION_COOKIE } from './session';

/**
 * `POST /local/bridge/invoke`: the server half of the bridge's `invoke`. The page sends only the frame's
 * token, the function key and the payload. As on Forge, the platform (here: the site) builds the whole
 * context: the module and its extension from the token the site signed when it rendered the frame (bound
 * to this browser session), a gadget's configuration as stored now, and the person from the session.
 */
export interface BridgeInvokeDeps {
  readonly forge: Pick<ForgeHost, 'invokeResolver'>;
  readonly frames: FrameTokens;
  readonly siteFacts: (
    principal: Principal,
  ) => Pick<SiteFacts, 'cloudId' | 'siteUrl' | 'environmentId' | 'environmentType' | 'locale' | 'timezone'>;
  /** The gadget's saved configuration, or undefined when it is gone or its dashboard is hidden from the caller. */
  readonly gadgetConfiguration: (
    dashboardId: string,
    gadgetId: string,
    principal: Principal,
  ) => Readonly<Record<string, unknown>> | undefined;
  readonly colorMode: (req: SiteRequest) => 'light' | 'dark';
}

const BODY_FIELDS = new Set(['frame', 'functionKey', 'payload']);

export async function handleBridgeInvoke(req: SiteRequest, deps: BridgeInvokeDeps): Promise<SiteResponse> {
  const body = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return jiraError(
      400,
      'Send a JSON body {"frame", "functionKey", "payload"} with content-type application/json.',
    );
  }
  const extra = Object.keys(body).filter((key) => !BODY_FIELDS.has(key));
  if (extra.length > 0) {
    return jiraError(
      400,
      `The site builds the context from the frame token; send only frame, functionKey and payload, not ${extra.join(', ')}.`,
    );
  }
  const { frame, functionKey, payload } = body as Record<string, unknown>;
  if (typeof functionKey !== 'string' || functionKey === '')
    return jiraError(400, 'functionKey must be a non-empty string.');
  const accountId = req.principal.kind === 'user' ? req.principal.accountId : undefined;
  const checked = deps.frames.verify(frame, {
    sessionToken: readCookie(req.headers.cookie, SESSION_COOKIE),
    accountId,
  });
  if (!checked.ok) return jiraError(checked.status, checked.message);
  const { claims } = checked;

  let gadgetConfiguration: Readonly<Record<string, unknown>> | undefined;
  if (claims.gadget) {
    gadgetConfiguration = deps.gadgetConfiguration(
      claims.gadget.dashboardId,
      claims.gadget.gadgetId,
      req.principal,
    );
    if (!gadgetConfiguration) {
      return jiraError(
        404,
        `The gadget with id '${claims.gadget.gadgetId}' is no longer on dashboard '${claims.gadget.dashboardId}'.`,
      );
    }
  }
  const site = deps.siteFacts(req.principal);
  const context: Record<string, unknown> = {
    cloudId: site.cloudId,
    siteUrl: site.siteUrl,
    environmentId: site.environmentId,
    environmentType: site.environmentType,
    locale: site.locale,
    timezone: site.timezone,
    localId: claims.localId,
    extension: frameExtension(
      {
        extension: claims.extension,
        isGadget: claims.gadget !== undefined,
        isCustomField: claims.customField,
      },
      claims.entryPoint,
      claims.location,
      gadgetConfiguration,
    ),
    theme: frameTheme(deps.colorMode(req)),
  };
  try {
    const result = await deps.forge.invokeResolver({
      moduleKey: claims.moduleKey,
      functionKey,
      payload,
      accountId,
      context,
    });
    return json(200, { result: result ?? null });
  } catch (error) {
    return jiraError(500, `There was an error invoking the function - ${(error as Error).message}`);
  }
}
