/**
 * Runs once before the suite: builds every Custom UI bundle named in manifest.yml, so manifest validation
 * finds its resource folders and browser tests load the real bundles, and bundles the backend with the
 * Forge CLI's bundler, so the test workers share one build instead of each making its own.
 */
import path from 'node:path';
import { bundleHandlers } from '../../local/forge/bundle';
import { handlerFilesOf, loadManifest } from '../../local/forge/manifest';
import { buildUi } from '../../scripts/build-ui';

export default async function globalSetup(): Promise<void> {
  const appDir = path.resolve(__dirname, '..', '..');
  const [, bundle] = await Promise.all([
    buildUi({ quiet: true }),
    bundleHandlers(appDir, handlerFilesOf(loadManifest(appDir)), 'forge-cli'),
  ]);
  bundle.remove();
}
