/** `npm run validate:manifest`: the offline Forge checks, printed; exits 1 on any error. */
import path from 'node:path';
import { lintOffline, validateManifestFull, validateManifestTriggerScopes } from './forge-checks';

async function main(): Promise<void> {
  const appDir = path.resolve(__dirname, '..');
  const checks = [
    ['manifest (full validation)', await validateManifestFull(appDir)],
    ['trigger scopes', await validateManifestTriggerScopes(appDir)],
    ['forge lint (client-side)', await lintOffline(appDir)],
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
