// Jest runs TypeScript through SWC (no type-checking here: `npm run typecheck` does that).
/** @type {import('jest').Config} */
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true },
      transform: { react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: { '^.+\\.(t|j)sx?$': swc },
  // ESM-only packages that jest's CommonJS runtime cannot require on Node 20: see the two stubs.
  moduleNameMapper: {
    '^jwks-rsa$': '<rootDir>/tests/support/jwks-rsa-stub.ts',
    '^strip-bom$': '<rootDir>/tests/support/strip-bom-stub.ts',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testTimeout: 30000,
};
