import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layers are held by the linter (eslint.config.mjs): for each folder, a file that breaks one of its
 * boundaries fails `npm run lint`, and a file that keeps them passes. The files are linted as text at the
 * path they would have, so nothing is written to the tree; ESLint runs in a child process because it loads
 * its config as an ES module, which Jest's module system cannot.
 */
const root = path.resolve(__dirname, '..', '..');

/** Lints each `[file, code]` as ESLint would at that path; answers the import-rule messages of each. */
function lintAll(cases: ReadonlyArray<readonly [string, string]>): string[][] {
  const script = `
    import { ESLint } from 'eslint';
    const cases = JSON.parse(process.argv[1]);
    const eslint = new ESLint({ cwd: process.cwd() });
    const out = [];
    for (const [filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message));
    }
    console.log(JSON.stringify(out));`;
  const input = JSON.stringify(cases.map(([file, code]) => [path.join(root, file), code]));
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script, input], {
      cwd: root,
      encoding: 'utf8',
    }),
  ) as string[][];
}

const breaks: ReadonlyArray<readonly [string, string, string, RegExp]> = [
  ['a domain file', 'src/domain/probe.ts', "import api from '@forge/api';", /The domain is pure/],
  ['a domain file', 'src/domain/probe.ts', "import { kvs } from '@forge/kvs';", /The domain is pure/],
  ['a domain file', 'src/domain/probe.ts', "import fs from 'node:fs';", /The domain is pure/],
  [
    'a domain file',
    'src/domain/probe.ts',
    "import { x } from '../storage/kvs-helpers';",
    /outside src\/domain/,
  ],
  ['a domain file', 'src/domain/probe.ts', "import { x } from '../usecases/ports';", /outside src\/domain/],
  ['a domain file', 'src/domain/probe.ts', "import { x } from '../index';", /outside src\/domain/],
  [
    'a domain builder',
    'src/domain/testing/probe.ts',
    "import { x } from '../../jira/adf';",
    /outside src\/domain/,
  ],
  ['a use case', 'src/usecases/probe.ts', "import api from '@forge/api';", /through their ports/],
  ['a use case', 'src/usecases/probe.ts', "import { x } from '../jira/jira-client';", /only by the ports/],
  [
    'a use case',
    'src/usecases/probe.ts',
    "import { x } from '../storage/triage-repository';",
    /only by the ports/,
  ],
  [
    'a use-case helper',
    'src/usecases/support/probe.ts',
    "import { x } from '../../jira/adf';",
    /only by the ports/,
  ],
  ['a resolver', 'src/resolvers/probe.ts', "import api from '@forge/api';", /from src\/composition.ts/],
  [
    'a resolver',
    'src/resolvers/probe.ts',
    "import { x } from '../storage/kvs-helpers';",
    /from src\/composition.ts/,
  ],
  ['a trigger', 'src/triggers/probe.ts', "import { kvs } from '@forge/kvs';", /from src\/composition.ts/],
  [
    'a trigger',
    'src/triggers/probe.ts',
    "import { x } from '../jira/forge-jira';",
    /from src\/composition.ts/,
  ],
  ['an adapter', 'src/jira/probe.ts', "import { x } from '../resolvers/answer';", /do not import the edges/],
  ['the contract', 'src/contract/probe.ts', "import { x } from '../usecases/ports';", /only the domain/],
  ['the contract', 'src/contract/probe.ts', "import api from '@forge/bridge';", /no platform packages/],
  [
    'a Custom UI file',
    'static/spoc-panel/src/probe.ts',
    "import { x } from '../../../src/usecases/ports';",
    /but src\/contract/,
  ],
  [
    'a Custom UI file',
    'static/spoc-panel/src/probe.ts',
    "import { x } from '../../spoc-project-page/src/api';",
    /another feature/,
  ],
  ['an app file', 'src/index.ts', "import { x } from '../local/site';", /never imports the local site/],
  [
    'a Custom UI file',
    'static/shared/probe.ts',
    "import { x } from '../../local/web/html';",
    /never imports the local site/,
  ],
];

/** Files that keep every boundary of their folder: `[file, code]`. */
const keeps: ReadonlyArray<readonly [string, string]> = [
  ['src/domain/probe.ts', "import { DateTime } from 'luxon';\nimport { toIso } from './time';"],
  ['src/domain/testing/probe.ts', "import { toIso } from '../time';"],
  ['src/usecases/probe.ts', "import { toIso } from '../domain';\nimport type { AppJira } from './ports';"],
  ['src/resolvers/probe.ts', "import Resolver from '@forge/resolver';\nimport { x } from '../composition';"],
  ['src/triggers/probe.ts', "import { InvocationError } from '@forge/events';"],
  ['src/jira/probe.ts', "import api from '@forge/api';\nimport { JiraBusyError } from '../usecases/errors';"],
  [
    'static/spoc-panel/src/probe.ts',
    "import { x } from '../../../src/contract/issue-panel';\nimport { y } from '../../shared/ui';",
  ],
];

describe('the layers eslint.config.mjs holds', () => {
  let results: string[][] = [];
  beforeAll(() => {
    results = lintAll(
      [...breaks.map(([, file, code]) => [file, code] as const), ...keeps].map(
        ([file, code]) => [file, `${code}\nexport const probe = 1;\n`] as const,
      ),
    );
  });

  it.each(breaks.map((b, i) => [...b, i] as const))(
    '%s (%s) may not: %s',
    (_what, _file, _code, message, i) => {
      expect(results[i]).toEqual([expect.stringMatching(message)]);
    },
  );

  it.each(keeps.map((k, i) => [k[0], k[1], breaks.length + i] as const))('%s may: %s', (_file, _code, i) => {
    expect(results[i]).toEqual([]);
  });
});
