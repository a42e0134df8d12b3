// .ts files are ES modules; the npm scripts run jest with --experimental-vm-modules.
const shared = {
  testEnvironment: 'node',
  // The test services keep their state (dockerd's data root among it) in .cache/.
  modulePathIgnorePatterns: ['<rootDir>/.cache/'],
  testPathIgnorePatterns: ['/node_modules/', '<rootDir>/.cache/'],
  extensionsToTreatAsEsm: ['.ts'],
  // Sources use NodeNext './x.js' specifiers; map them back to the .ts file.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true }] }
}

/** @type {import('jest').Config} */
export default {
  // A guard against hangs, not a speed check: a loaded 2-core machine runs some tests for
  // seconds. Tests that need longer set their own.
  testTimeout: 60_000,
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts']
    },
    { ...shared, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] }
  ]
}
