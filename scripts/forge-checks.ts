/**
 * The checks the Forge CLI would run on `forge deploy`, done offline: full manifest validation, trigger
 * scope validation and the client-side linters of @forge/lint. The CLI itself needs a login and the network
 * (reference/forge-platform.md §1.3), so these call the same packages directly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { glob } from 'glob';
import YAML from 'yaml';
import { ProcessorBuilder, ValidationTypes, validate, validateTriggerScopes } from '@forge/manifest';
import { getClientSideLintersOnly, lint, PermissionLinter, problemCount } from '@forge/lint';
import { checkScopes, manifestScopes, type ScopeNeed, type ScopeReport } from './required-scopes';

export interface CheckResult {
  readonly success: boolean;
  readonly errors: readonly string[];
}

/** Runs `fn` with the app folder as working directory: the validators resolve resource and handler paths from it. */
async function inAppDir<T>(appDir: string, fn: (manifestPath: string) => Promise<T>): Promise<T> {
  const previous = process.cwd();
  process.chdir(appDir);
  try {
    return await fn(path.join(appDir, 'manifest.yml'));
  } finally {
    process.chdir(previous);
  }
}

export function validateManifestFull(appDir: string): Promise<CheckResult> {
  return inAppDir(appDir, async (manifestPath) => {
    const result = await validate(false, manifestPath);
    return { success: result.success, errors: (result.errors ?? []).map((e) => e.message) };
  });
}

export function validateManifestTriggerScopes(appDir: string): Promise<CheckResult> {
  return inAppDir(appDir, async (manifestPath) => {
    const result = await ProcessorBuilder.instance()
      .withValidation(ValidationTypes.PRODUCT_TRIGGER)
      .build()
      .process(manifestPath);
    const errors = (result.errors ?? []).map((e) => e.message);
    // The processor skips events written in object form (`- eventType: …` with a filter or payload), so
    // each event is also checked on its own.
    errors.push(...(await objectFormEventProblems(manifestPath)));
    return { success: result.success && errors.length === 0, errors: [...new Set(errors)] };
  });
}

async function objectFormEventProblems(manifestPath: string): Promise<string[]> {
  const manifest = YAML.parse(fs.readFileSync(manifestPath, 'utf8'));
  const declared = manifest.permissions?.scopes ?? [];
  const scopes: string[] = Array.isArray(declared) ? declared : Object.keys(declared);
  const problems: string[] = [];
  for (const trigger of manifest.modules?.trigger ?? []) {
    for (const event of trigger.events ?? []) {
      const eventType = typeof event === 'string' ? event : event?.eventType;
      if (typeof eventType !== 'string') continue;
      const check = await validateTriggerScopes(eventType, scopes);
      if (!check.valid) {
        problems.push(`Trigger event: '${eventType}' requires '${check.missingScopes.join("', '")}' scope`);
      }
    }
  }
  return problems;
}

/** @forge/lint without PermissionLinter, which downloads Jira's OpenAPI document to map routes to scopes. */
export function lintOffline(appDir: string): Promise<CheckResult & { warnings: readonly string[] }> {
  return inAppDir(appDir, async (manifestPath) => {
    const manifest = YAML.parse(fs.readFileSync(manifestPath, 'utf8'));
    const logger = {
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
      debug: () => undefined,
      trace: () => undefined,
    };
    // The CLI asks a feature-flag service which runtimes are deprecated; offline, none are.
    const statsig = { getDeprecatedRuntimes: async () => [] } as never;
    const linters = (
      await getClientSideLintersOnly(manifest, 'development', logger as never, statsig)
    ).filter((linter) => !(linter instanceof PermissionLinter));
    const files = await glob('src/**/*.{ts,tsx,js,jsx}', {
      nodir: true,
      ignore: ['**/*.test.ts', '**/testing/**'],
    });
    const results = await lint(files, manifest, 'development', logger as never, statsig, {
      linter: { mode: 'client-side' },
      linters,
    });
    const describe = (
      file: string,
      rule: { line: number; column: number; message: string; reference: string },
    ) => `${file}:${rule.line}:${rule.column} ${rule.message} (${rule.reference})`;
    return {
      success: problemCount(results).errors === 0,
      errors: results.flatMap((r) => r.errors.map((rule) => describe(r.file, rule))),
      warnings: results.flatMap((r) => r.warnings.map((rule) => describe(r.file, rule))),
    };
  });
}

/** The project's extract of Atlassian's OpenAPI document (scripts/extract-openapi.ts), with each operation's scopes. */
const OPENAPI_EXTRACT = path.resolve(__dirname, '..', 'test', 'fixtures', 'jira-openapi-extract.json');

/**
 * The scopes the code needs (required-scopes.ts) and the subscribed product events need, against the
 * manifest's: a missing scope fails, naming what needs it; a declared scope nothing needs fails too, since
 * an app asks for no more than it uses.
 */
export function checkAppScopes(
  appDir: string,
  declared?: readonly string[],
): Promise<CheckResult & { report: ScopeReport }> {
  return inAppDir(appDir, async (manifestPath) => {
    const manifest = YAML.parse(fs.readFileSync(manifestPath, 'utf8'));
    const eventNeeds: ScopeNeed[] = [];
    for (const trigger of manifest.modules?.trigger ?? []) {
      for (const event of trigger.events ?? []) {
        const eventType = typeof event === 'string' ? event : event?.eventType;
        if (typeof eventType !== 'string') continue;
        const check = await validateTriggerScopes(eventType, []);
        for (const scope of check.requiredScopes?.current ?? [])
          eventNeeds.push({ scope, neededBy: `the ${eventType} event (trigger ${trigger.key})` });
      }
    }
    const extract = JSON.parse(fs.readFileSync(OPENAPI_EXTRACT, 'utf8'));
    const report = checkScopes(appDir, extract, declared ?? manifestScopes(appDir), eventNeeds);
    const errors = [
      ...report.missing.map((problem) => `manifest.yml lacks scope ${problem}`),
      ...report.unused.map((scope) => `manifest.yml asks for scope ${scope}, which nothing in the app needs`),
      ...report.unknown.map((use) => `no operation in the OpenAPI extract for ${use}`),
    ];
    return { success: errors.length === 0, errors, report };
  });
}
