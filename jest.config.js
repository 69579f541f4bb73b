// One runner for every layer: unit tests beside the code, integration and browser tests under test/.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/src', '<rootDir>/local', '<rootDir>/test', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  testPathIgnorePatterns: ['/node_modules/', '/.local-data/', '/build/'],
  modulePathIgnorePatterns: ['<rootDir>/.local-data/', '<rootDir>/test/fixtures/.*/.local-data/'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  testTimeout: 30000,
  // Two cores: leave room for the site and the browser.
  maxWorkers: 2,
};
