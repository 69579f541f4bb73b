/**
 * `npm run validate:manifest`: what `forge deploy` checks before it uploads, done offline and printed; exits
 * 1 on any error. `npm run build` runs first (the manifest's resources are its output).
 */
import path from 'node:path';
import { bundleHandlers } from '../local/forge/bundle';
import { handlerFilesOf, loadManifest } from '../local/forge/manifest';
import {
  checkAppScopes,
  lintOffline,
  validateManifestFull,
  validateManifestTriggerScopes,
  type CheckResult,
} from './forge-checks';

/** The backend through the Forge CLI's own bundler, as `forge deploy` bundles it. */
async function bundleWithTheCli(appDir: string): Promise<CheckResult> {
  try {
    const bundle = await bundleHandlers(appDir, handlerFilesOf(loadManifest(appDir)), 'forge-cli');
    bundle.remove();
    return { success: true, errors: [] };
  } catch (error) {
    return { success: false, errors: [(error as Error).message] };
  }
}

async function main(): Promise<void> {
  const appDir = path.resolve(__dirname, '..');
  const checks = [
    ['manifest (full validation)', await validateManifestFull(appDir)],
    ['trigger scopes', await validateManifestTriggerScopes(appDir)],
    ['scopes the code needs', await checkAppScopes(appDir)],
    ['forge lint (client-side)', await lintOffline(appDir)],
    ["backend bundled by the Forge CLI's bundler", await bundleWithTheCli(appDir)],
  ] as const;
  let failed = false;
  for (const [name, result] of checks) {
    console.log(`${result.success ? 'ok  ' : 'FAIL'} ${name}`);
    for (const error of result.errors) console.log(`     error: ${error}`);
    if ('warnings' in result) for (const warning of result.warnings) console.log(`     warning: ${warning}`);
    failed ||= !result.success;
  }
  process.exit(failed ? 1 : 0);
}

void main();
