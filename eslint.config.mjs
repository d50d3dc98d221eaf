// @ts-check
/**
 * typescript-eslint's recommended rules, plus the type-aware ones that catch real bugs: a promise
 * nobody awaits (an error lost, a transaction used after it ended) or an `await` of something that is
 * no promise (a function that stopped being async under its callers). Formatting is left alone.
 */
import eslint from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/', 'dist-bench/', '**/node_modules/', 'data/', 'coverage/', 'tests/ui/screenshots/'] },
  eslint.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `const { a, ...rest } = x` is how the code drops fields; `_next` keeps an Express error handler's arity.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Cleaning input means matching control characters on purpose (common/input-text.ts and others).
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: {
        projectService: { allowDefaultProject: ['admin/vite.config.ts'] },
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    // Plain CommonJS scripts run by Node: build helpers, the render worker's loader, the browser tests.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The browser tests also hand functions to the page (document, window), and their steps share one
    // signature `(u, state)` whether or not a step reads the state.
    files: ['tests/ui/**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { '@typescript-eslint/no-unused-vars': ['error', { args: 'none' }] },
  },
);
