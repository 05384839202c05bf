// Lint rules, including the layer boundaries of docs/architecture.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (from, banned) => ({
  files: [`src/${from}/**/*.{ts,tsx}`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: banned.map((target) => ({
          // Relative paths only reach a sibling layer through '..' (so graph's own ./client is not src/client).
          group: [`**/../${target}`, `**/../${target}/**`, `../${target}`, `../${target}/**`],
          message: `src/${from} may not import from src/${target} (see docs/architecture.md).`,
        })),
      },
    ],
  },
});

export default tseslint.config(
  {
    ignores: ['node_modules/', 'dist/', 'build/', 'coverage/', '.data/', 'appPackage/build/', '**/vendor/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'error',
    },
  },
  layer('domain', ['graph', 'localgraph', 'client', 'tab', 'addin', 'bot', 'cli']),
  layer('graph', ['localgraph', 'client', 'tab', 'addin', 'bot', 'cli']),
  layer('localgraph', ['domain', 'graph', 'tab', 'addin', 'bot', 'cli']),
  // src/client: what the two front ends share (runtime config, sign-in, Graph session, i18n bootstrap).
  layer('client', ['localgraph', 'tab', 'addin', 'bot', 'cli']),
  layer('tab', ['localgraph', 'addin', 'bot', 'cli']),
  layer('addin', ['localgraph', 'tab', 'bot', 'cli']),
  layer('bot', ['localgraph', 'tab', 'addin', 'cli']),
  { files: ['src/cli/**', 'bench/**', 'tests/**', '*.config.*'], rules: { 'no-console': 'off' } },
  { files: ['**/*.js', '**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
);
