/**
 * Runs once before the suite: builds every Custom UI bundle named in manifest.yml, so manifest validation
 * finds its resource folders and browser tests load the real bundles.
 */
import { buildUi } from '../../scripts/build-ui';

export default async function globalSetup(): Promise<void> {
  await buildUi({ quiet: true });
}
