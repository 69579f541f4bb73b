import type { OffboardingPreview } from '../contract/project-page';
import {
  gatherOffboarding,
  offboardingPayload,
  parseOffboardingRequest,
  toPreview,
  type OffboardingDeps,
} from './support/offboarding-plan';

/**
 * A project administrator sees, before anything changes, what offboarding a SPOC would do: which roster
 * roles pass to the successor (as new roster versions from now), which open issues move from whom to whom,
 * which stay and why, and what to watch out for (the successor has no profile, is away, would be over
 * capacity; the person leaving is away or covers someone's absence). Nothing is written.
 */
export const previewOffboarding = {
  async execute(
    params: { readonly callerAccountId: string; readonly projectKey: string; readonly payload: unknown },
    deps: OffboardingDeps,
  ): Promise<OffboardingPreview> {
    const request = parseOffboardingRequest(offboardingPayload(params.payload));
    return toPreview(await gatherOffboarding(request, params.projectKey, deps));
  },
};
