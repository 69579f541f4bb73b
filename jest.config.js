// One runner for every layer: unit tests beside the code, integration and browser tests under test/.
// Two projects: everything on the site's esbuild bundle of the app, and the routing and resolver
// integration tests once more on the Forge CLI's own bundle (what `forge deploy` uploads).
const shared = {
  testEnvironment: 'node',
  testPathIgnorePatterns: ['/node_modules/', '/.local-data/', '/build/'],
  modulePathIgnorePatterns: ['<rootDir>/.local-data/', '<rootDir>/test/fixtures/.*/.local-data/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
};

/** @type {import('jest').Config} */
module.exports = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 30000,
  // Two cores: leave room for the site and the browser.
  maxWorkers: 2,
  projects: [
    {
      ...shared,
      displayName: 'app',
      roots: ['<rootDir>/src', '<rootDir>/local', '<rootDir>/test', '<rootDir>/scripts'],
      testMatch: ['**/*.test.ts', '**/*.test.tsx'],
    },
    {
      ...shared,
      displayName: 'forge-cli-bundle',
      roots: ['<rootDir>/test/integration/routing'],
      testMatch: ['**/*.test.ts'],
      setupFiles: ['<rootDir>/test/support/forge-cli-bundle.ts'],
    },
  ],
};
